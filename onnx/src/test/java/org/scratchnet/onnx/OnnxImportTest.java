package org.scratchnet.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchnet.onnx.TestGraphs.attrs;
import static org.scratchnet.onnx.TestGraphs.f;
import static org.scratchnet.onnx.TestGraphs.i;
import static org.scratchnet.onnx.TestGraphs.ints;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Task;
import org.scratchnet.io.SavedModel;
import org.scratchnet.tensor.Tensor;

/** Import of hand-made graphs, checked against values computed by hand (shapes stated per test). */
class OnnxImportTest {
    private static SavedModel read(byte[] bytes) {
        return OnnxImport.fromBytes("t.onnx", bytes);
    }

    private static float[] predict(SavedModel m, float[] x, int... shape) {
        return m.predict(Tensor.of(x, shape)).data();
    }

    /** Gemm(x [N,2], B [3,2] transposed, C [3]) with alpha 2, beta 0.5: y = 2·x·Bᵀ + 0.5·C. */
    @Test
    void gemmFoldsTransposeAlphaAndBeta() {
        byte[] b = new TestGraphs(6, 2).weight("B", new float[] {1, 0, 0, 1, 1, 1}, 3, 2).weight("C", new float[] {2, 4, 6}, 3)
                .node("Gemm", attrs(i("transB", 1), f("alpha", 2), f("beta", 0.5f), i("broadcast", 1)), "B", "C").bytes(3);
        SavedModel m = read(b);
        assertThat(m.task()).isEqualTo(Task.REGRESSION);
        assertThat(m.loss()).isEqualTo("mse");
        // x = [1, 2]: x·Bᵀ = [1, 2, 3]; ·2 = [2, 4, 6]; + [1, 2, 3]
        assertThat(predict(m, new float[] {1, 2}, 1, 2)).containsExactly(3, 6, 9);
    }

    /** MatMul(x, Transpose(W)) + Add(b): PyTorch's Linear without Gemm; W [2,2] stored [out, in]. */
    @Test
    void matMulWithTransposedWeightAndAddIsOneDenseLayer() {
        TestGraphs t = new TestGraphs(13, 2).weight("W", new float[] {1, 2, 3, 4}, 2, 2).weight("b", new float[] {10, 20}, 2);
        var model = t.build(2).toBuilder();
        var g = model.getGraphBuilder();
        g.addNodeBuilder().setOpType("Transpose").setName("tr").addInput("W").addOutput("Wt");
        g.addNodeBuilder().setOpType("MatMul").setName("mm").addInput("x").addInput("Wt").addOutput("z");
        g.addNodeBuilder().setOpType("Add").setName("add").addInput("b").addInput("z").addOutput("y");
        SavedModel m = read(model.build().toByteArray());
        assertThat(m.model().layers()).hasSize(1);
        // x = [1, 1]: x·Wᵀ = [1+2, 3+4] = [3, 7]; + b
        assertThat(predict(m, new float[] {1, 1}, 1, 2)).containsExactly(13, 27);
    }

    /** Sub then Div by constants of shape [C, 1, 1] at the input broadcast to a [C, H, W] standardizer. */
    @Test
    void subAndDivAtTheInputBecomeTheStandardizer() {
        byte[] b = new TestGraphs(11, 2, 1, 2).weight("m", new float[] {1, 2}, 2, 1, 1).weight("s", new float[] {2, 4}, 2, 1, 1)
                .node("Sub", "m").node("Div", "s").node("Relu").bytes(2, 1, 2);
        SavedModel m = read(b);
        assertThat(m.standardizer().mean()).containsExactly(1, 1, 2, 2);
        assertThat(m.standardizer().std()).containsExactly(2, 2, 4, 4);
        assertThat(predict(m, new float[] {3, -1, 6, 10}, 1, 2, 1, 2)).containsExactly(1, 0, 1, 2);
    }

    @Test
    void softmaxAtTheEndIsTheHeadOfAClassifier() {
        byte[] b = new TestGraphs(9, 3).weight("W", new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3)
                .node("MatMul", "W").node("Softmax", attrs(i("axis", 1))).bytes(3);
        SavedModel m = read(b);
        assertThat(m.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(m.loss()).isEqualTo("softmax_ce");
        assertThat(m.model().layers()).hasSize(1); // predict applies the softmax
        assertThat(predict(m, new float[] {1, 2, 3}, 1, 3)).containsExactly(1, 2, 3);
    }

    @Test
    void sigmoidOnOneOutputIsTheHeadOfABinaryClassifier() {
        byte[] b = new TestGraphs(17, 2).weight("W", new float[] {1, -1}, 2, 1).node("MatMul", "W").node("Sigmoid").bytes(1);
        SavedModel m = read(b);
        assertThat(m.loss()).isEqualTo("bce_logits");
        assertThat(predict(m, new float[] {3, 1}, 1, 2)).containsExactly(2);
    }

    /** GlobalAveragePool gives [N, C, 1, 1]; the Flatten after it is what the layer already does. */
    @Test
    void globalPoolThenFlattenThenGemm() {
        byte[] b = new TestGraphs(13, 2, 2, 2).weight("W", new float[] {1, 10}, 2, 1)
                .node("GlobalAveragePool").node("Flatten", attrs(i("axis", 1))).node("Gemm", "W").bytes(1);
        SavedModel m = read(b);
        assertThat(m.model().layers()).extracting(l -> l.type()).containsExactly("globalavgpool", "dense");
        // channel means 2.5 and 1: 2.5 + 10
        assertThat(predict(m, new float[] {1, 2, 3, 4, 1, 1, 1, 1}, 1, 2, 2, 2)).containsExactly(12.5f);
    }

    /** Reshape to [0, -1] after a conv is a flatten; Dropout's ratio comes from its input at opset 12+. */
    @Test
    void reshapeToFlattenAndDropoutRatio() {
        byte[] b = new TestGraphs(13, 1, 2, 2).weight("k", new float[] {2}, 1, 1, 1, 1).longs("shape", new long[] {0, -1}, 2)
                .weight("ratio", new float[] {0.25f}).node("Conv", attrs(ints("kernel_shape", 1, 1)), "k")
                .node("Reshape", "shape").node("Dropout", "ratio").bytes(4);
        SavedModel m = read(b);
        assertThat(m.model().layers()).extracting(l -> l.type()).containsExactly("conv2d", "flatten", "dropout");
        assertThat(m.model().layers().get(2).config().get("rate")).isEqualTo(0.25f);
        assertThat(predict(m, new float[] {1, 2, 3, 4}, 1, 1, 2, 2)).containsExactly(2, 4, 6, 8);
    }

    /** Conv's pads are [top, left, bottom, right]; SAME_UPPER puts the odd one at the end, as the layer's own "same". */
    @Test
    void convPadsAndAutoPad() {
        byte[] explicit = new TestGraphs(11, 1, 3, 3).weight("k", new float[] {1, 1, 1, 1}, 1, 1, 2, 2)
                .node("Conv", attrs(ints("pads", 1, 0, 0, 1)), "k").bytes(1, 3, 3);
        assertThat(read(explicit).model().layers().get(0).config().get("padding")).isEqualTo(List.of(1, 0, 0, 1));
        byte[] same = new TestGraphs(11, 1, 3, 3).weight("k", new float[] {1, 1, 1, 1}, 1, 1, 2, 2)
                .node("Conv", attrs(OnnxNodes.ints("strides", 1, 1), stringAttr("auto_pad", "SAME_UPPER")), "k").bytes(1, 3, 3);
        assertThat(read(same).model().layers().get(0).config().get("padding")).isEqualTo(List.of(0, 1, 0, 1));
    }

    /** BatchNormalization in the opset-6 form (is_test) with ONNX momentum 0.9 → ours 0.1. */
    @Test
    void batchNormOldForm() {
        float[] zero = {0, 0};
        byte[] b = new TestGraphs(6, 2).weight("s", new float[] {2, 1}, 2).weight("b", zero, 2).weight("m", new float[] {1, 0}, 2)
                .weight("v", new float[] {4, 1}, 2)
                .node("BatchNormalization", attrs(f("epsilon", 0f + 1e-5f), i("is_test", 1), f("momentum", 0.9f)), "s", "b", "m", "v")
                .bytes(2);
        SavedModel m = read(b);
        assertThat(((Number) m.model().layers().get(0).config().get("momentum")).doubleValue()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
        float[] y = predict(m, new float[] {3, 2}, 1, 2);
        assertThat(y[0]).isCloseTo(2f * 2 / (float) Math.sqrt(4 + 1e-5), org.assertj.core.data.Offset.offset(1e-6f));
    }

    private static ai.onnx.proto.OnnxMl.AttributeProto stringAttr(String name, String v) {
        return ai.onnx.proto.OnnxMl.AttributeProto.newBuilder().setName(name)
                .setType(ai.onnx.proto.OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(v)).build();
    }
}
