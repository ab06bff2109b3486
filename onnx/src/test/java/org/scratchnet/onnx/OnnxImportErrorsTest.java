package org.scratchnet.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scratchnet.onnx.TestGraphs.attrs;
import static org.scratchnet.onnx.TestGraphs.f;
import static org.scratchnet.onnx.TestGraphs.i;
import static org.scratchnet.onnx.TestGraphs.ints;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.Task;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.NetSpec;

/** Every way an ONNX graph can fail to fit: one line naming the file, the node and what was expected. */
class OnnxImportErrorsTest {
    private static final float[] K = {1, 1, 1, 1, 1, 1, 1, 1, 1};

    private static void fails(byte[] bytes, String expected) {
        assertThatThrownBy(() -> OnnxImport.fromBytes("t.onnx", bytes)).isInstanceOf(OnnxFormatException.class)
                .hasMessageStartingWith("t.onnx: ").hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static TestGraphs image() {
        return new TestGraphs(13, 1, 4, 4).weight("k", K, 1, 1, 3, 3);
    }

    @Test
    void opsetsOutsideSixToSeventeen() {
        fails(new TestGraphs(5, 2).node("Relu").bytes(2), "opset 5 is not supported: expected 6 to 17");
        fails(new TestGraphs(18, 2).node("Relu").bytes(2), "opset 18 is not supported");
        ModelProto noOpset = new TestGraphs(13, 2).node("Relu").build(2).toBuilder().clearOpsetImport().build();
        fails(noOpset.toByteArray(), "no opset for the default ONNX domain");
    }

    @Test
    void fileProblems(@TempDir Path dir) throws Exception {
        fails(new byte[] {(byte) 0xFF, 1, 2}, "not an ONNX model (the protobuf does not parse");
        fails(new byte[0], "not an ONNX model (no graph with an input; 0 bytes)");
        assertThatThrownBy(() -> OnnxImport.read(dir.resolve("none.onnx"))).hasMessage(dir.resolve("none.onnx") + ": no such file");
        assertThatThrownBy(() -> OnnxImport.read(dir)).hasMessageStartingWith(dir + ": cannot read");
        Path pb = Files.write(dir.resolve("t.pb"), new byte[] {(byte) 0xFF});
        assertThatThrownBy(() -> OnnxImport.readTensor(pb)).isInstanceOf(OnnxFormatException.class).hasMessageStartingWith(pb + ": ");
    }

    @Test
    void unsupportedOperatorsAndAttributes() {
        fails(new TestGraphs(13, 2).node("Elu").bytes(2), "node 'elu1' (Elu): operator Elu is not supported; supported: Gemm,");
        fails(image().node("Conv", attrs(i("group", 2)), "k").bytes(1, 2, 2), "group 2 is not supported (only group 1)");
        fails(image().node("Conv", attrs(ints("dilations", 2, 2)), "k").bytes(1, 2, 2), "dilations other than 1 are not supported");
        fails(image().node("MaxPool", attrs(ints("kernel_shape", 2, 2), i("ceil_mode", 1))).bytes(1, 2, 2),
                "ceil_mode 1 is not supported (only floor)");
        fails(image().node("MaxPool").bytes(1, 2, 2), "kernel_shape is missing");
        fails(image().node("Softmax", attrs(i("axis", 3))).bytes(1, 4, 4), "softmax over axis 3 of [N, 1, 4, 4] is not supported");
        fails(image().node("Flatten", attrs(i("axis", 2))).bytes(4, 4), "axis 2 is not supported: expected 1");
        fails(new TestGraphs(13, 2).weight("s", new float[] {1, 1}, 2).weight("b", new float[] {0, 0}, 2)
                .node("BatchNormalization", attrs(i("training_mode", 1)), "s", "b", "s", "s").bytes(2), "training_mode = 1 is not supported");
        fails(new TestGraphs(8, 2).weight("s", new float[] {1, 1}, 2).node("BatchNormalization", attrs(i("spatial", 0)), "s", "s", "s", "s")
                .bytes(2), "spatial = 0 is not supported");
        fails(new TestGraphs(13, 2).weight("W", K, 3, 3).node("Gemm", attrs(i("transA", 1)), "W").bytes(3), "transA = 1 is not supported");
        fails(image().longs("p", new long[] {0, 0, 1, 1, 0, 0, 1, 1}, 8).node("Pad", "p").node("Relu").bytes(1, 6, 6),
                "follows a Pad; a Pad is only supported right before Conv or AveragePool");
        fails(image().longs("p", new long[] {0, 1, 0, 0, 0, 0, 0, 0}, 8).node("Pad", "p").bytes(2, 4, 4), "padding only H and W");
        fails(image().node("Conv", attrs(TestGraphs.i("auto_pad", 1)), "k").bytes(1, 2, 2), "attribute auto_pad should be a string");
        fails(image().longs("s", new long[] {4, 4}, 2).node("Reshape", "s").bytes(4), "shape [4, 4] is not supported: only a reshape of");
    }

    @Test
    void shapesThatDoNotFit() {
        fails(new TestGraphs(13, 2).weight("W", K, 3, 3).node("Gemm", "W").bytes(3),
                "node 'gemm1' (Gemm): weight [3, 3] (inputs x units) does not fit input [N, 2]");
        fails(image().weight("W", K, 3, 3).node("MatMul", "W").bytes(3), "(put a Flatten before it)");
        fails(new TestGraphs(13, 4).weight("k", K, 1, 1, 3, 3).node("Conv", "k").bytes(1), "input [N, 4] is not an image batch");
        fails(image().weight("b", new float[] {1, 2}, 2).node("Conv", "k", "b").bytes(1, 2, 2), "bias has shape [2], expected [1]");
        fails(new TestGraphs(13, 2).weight("m", new float[] {1, 2, 3}, 3).node("Sub", "m").bytes(2), "constant [3] does not broadcast to [N, 2]");
        fails(new TestGraphs(13, 2).weight("s", new float[] {1, -2}, 2).node("Div", "s").bytes(2), "divisor -2.0 cannot be a standardizer's std");
    }

    @Test
    void graphsThatAreNotAChainOfLayers() {
        fails(new TestGraphs(13, 2).node("Relu").weight("m", new float[] {1, 2}, 2).node("Sub", "m").bytes(2),
                "Sub is only supported at the input (as the standardizer), before any layer");
        fails(new TestGraphs(13, 2).node("Relu").weight("c", new float[] {2}, 1).node("Mul", "c").node("Add", "c").bytes(2),
                "the graph ends in Mul and Add by constants; only a file written by scratchnet export");
        fails(new TestGraphs(13, 2).node("MatMul", "x").bytes(2), "its weight 'x' is not a constant");
        ModelProto twoInputs = new TestGraphs(13, 2).node("Relu").build(2);
        twoInputs = twoInputs.toBuilder().setGraph(twoInputs.getGraph().toBuilder().addInput(OnnxExport.valueInfo("z", new int[] {2}))).build();
        fails(twoInputs.toByteArray(), "the graph has 2 inputs and 1 outputs (besides its weights); expected one of each");
        ModelProto cut = new TestGraphs(13, 2).node("Relu").build(2);
        cut = cut.toBuilder().setGraph(cut.getGraph().toBuilder().setOutput(0, OnnxExport.valueInfo("elsewhere", new int[] {2}))).build();
        fails(cut.toByteArray(), "tensor 'y' does not lead to the graph output 'elsewhere'");
        ModelProto custom = new TestGraphs(13, 2).node("Relu").build(2);
        custom = custom.toBuilder().setGraph(custom.getGraph().toBuilder().setNode(0, custom.getGraph().getNode(0).toBuilder()
                .setDomain("com.example"))).build();
        fails(custom.toByteArray(), "domain 'com.example' is not supported");
    }

    @Test
    void inputsWithoutAFixedFloatShape() {
        ModelProto m = new TestGraphs(13, 2).node("Relu").build(2);
        var g = m.getGraph().toBuilder();
        g.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(1).clearDimValue().setDimParam("D");
        fails(m.toBuilder().setGraph(g).build().toByteArray(), "graph input 'x' dimension 1 is 'D'; expected a fixed size");
        g.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().setElemType(7);
        fails(m.toBuilder().setGraph(g).build().toByteArray(), "graph input 'x' has element type INT64, expected FLOAT");
    }

    @Test
    void metadataThatDoesNotFitTheGraph() {
        SavedModel saved = new SavedModel(NetSpec.parse("dense 2").build(new int[] {2}, null, null, 1), "softmax_ce", null,
                List.of(), List.of(), Task.CLASSIFICATION);
        ModelProto m = OnnxExport.toProto(saved, 17);
        for (Map.Entry<String, String> e : Map.of("class_names", "[1, 2]", "scratchnet_loss", "frobnicate",
                "feature_names", "[\"a\"]").entrySet()) {
            ModelProto bad = m.toBuilder().addMetadataProps(ai.onnx.proto.OnnxMl.StringStringEntryProto.newBuilder()
                    .setKey(e.getKey()).setValue(e.getValue())).build();
            assertThatThrownBy(() -> OnnxImport.fromBytes("t.onnx", bad.toByteArray())).isInstanceOf(OnnxFormatException.class)
                    .hasMessageStartingWith("t.onnx: ");
        }
        // a logits loss needs the Softmax the exporter wrote
        ModelProto cut = m.toBuilder().setGraph(m.getGraph().toBuilder().removeNode(1)
                .setNode(0, m.getGraph().getNode(0).toBuilder().setOutput(0, "output"))).build();
        fails(cut.toByteArray(), "metadata says loss softmax_ce but the graph does not end in Softmax or Sigmoid");
    }
}
