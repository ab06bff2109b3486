package org.scratchnet.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.init.Rng;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.NetSpec;
import org.scratchnet.tensor.Tensor;

/**
 * What export writes (nodes, opset, IR version, symbolic batch, metadata) and that import reads
 * it back to a model with the same outputs, bit for bit, at every opset it writes. ONNX Runtime
 * runs the same files in the cli module's OnnxMatrixTest.
 */
class OnnxExportTest {
    private static SavedModel model(String net, int[] in, String loss, Standardizer std, Task task) {
        return new SavedModel(NetSpec.parse(net).build(in, null, null, 7), loss, std, List.of(), List.of(), task);
    }

    private static List<String> ops(ModelProto m) {
        return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }

    @Test
    void nodesOpsetIrVersionBatchAndMetadata() {
        SavedModel m = new SavedModel(NetSpec.parse("dense 4, relu, dropout 0.1, dense 3").build(new int[] {2}, null, null, 1),
                "softmax_ce", new Standardizer(new float[] {1, 2}, new float[] {3, 4}), List.of("a", "b", "c"), List.of("u", "v"),
                Task.CLASSIFICATION);
        ModelProto p = OnnxExport.toProto(m, 17);
        assertThat(p.getIrVersion()).isEqualTo(8);
        assertThat(p.getOpsetImport(0).getVersion()).isEqualTo(17);
        assertThat(ops(p)).containsExactly("Sub", "Div", "Gemm", "Relu", "Identity", "Gemm", "Softmax");
        assertThat(p.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam()).isEqualTo("N");
        assertThat(p.getGraph().getOutput(0).getName()).isEqualTo("output");
        assertThat(p.getMetadataPropsList()).anySatisfy(e -> {
            assertThat(e.getKey()).isEqualTo("class_names");
            assertThat(e.getValue()).isEqualTo("[\"a\",\"b\",\"c\"]");
        });
        assertThat(OnnxExport.metadata(m)).containsEntry("feature_names", "[\"u\",\"v\"]").containsEntry("scratchnet_loss", "softmax_ce")
                .containsEntry("scratchnet_task", "classification").containsKey("scratchnet_version");
        assertThat(ops(OnnxExport.toProto(model("dense 1", new int[] {2}, "bce_logits", null, Task.CLASSIFICATION), 9)))
                .containsExactly("Gemm", "Sigmoid");
        assertThat(ops(OnnxExport.toProto(model("dense 2 nobias", new int[] {2}, "mse", null, Task.REGRESSION), 9)))
                .containsExactly("MatMul");
        assertThatThrownBy(() -> OnnxExport.toBytes(m, 8)).hasMessage("opset 8 cannot be written: expected 9 to 17");
        assertThatThrownBy(() -> OnnxExport.toBytes(m, 18)).hasMessage("opset 18 cannot be written: expected 9 to 17");
    }

    @Test
    void exportThenImportPredictsTheSameBitsAtEveryOpset() {
        List<SavedModel> models = List.of(
                model("dense 6, tanh, dense 5, leaky_relu 0.3, dense 3, softmax", new int[] {4}, "cce",
                        new Standardizer(new float[] {0.5f, -1, 2, 0}, new float[] {2, 1, 0.5f, 3}), Task.CLASSIFICATION),
                model("dense 5, sigmoid, batchnorm, dense 1", new int[] {3}, "bce_logits", null, Task.CLASSIFICATION),
                model("conv 3 3x2 stride 2 pad 1, relu, batchnorm, maxpool 2 stride 1, conv 2 1 nobias, avgpool 2 excludepad, "
                        + "globalavgpool, dense 2", new int[] {2, 9, 8}, "softmax_ce", null, Task.CLASSIFICATION),
                model("conv 2 3, avgpool 2, flatten, dropout 0.5, dense 2, identity", new int[] {1, 6, 6}, "mse", null, Task.REGRESSION));
        Rng r = new Rng(5);
        for (SavedModel m : models) {
            int d = m.model().inputWidth();
            float[] v = new float[3 * d];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) r.uniform(-2, 2);
            }
            int[] in = m.model().inputShape();
            int[] shape = new int[in.length + 1];
            shape[0] = 3;
            System.arraycopy(in, 0, shape, 1, in.length);
            Tensor x = Tensor.of(v, shape);
            for (int opset = OnnxExport.MIN_OPSET; opset <= OnnxExport.MAX_OPSET; opset++) {
                SavedModel back = OnnxImport.fromBytes("m.onnx", OnnxExport.toBytes(m, opset));
                assertThat(back.loss()).isEqualTo(m.loss());
                assertThat(back.task()).isEqualTo(m.task());
                assertThat(back.predict(x).data()).as("opset " + opset + ": " + m.model().summary()).isEqualTo(m.predict(x).data());
            }
        }
    }

    @Test
    void stepAndFeaturesExportButDoNotImport() {
        byte[] step = OnnxExport.toBytes(model("dense 2, step", new int[] {2}, "mse", null, Task.REGRESSION), 17);
        assertThatThrownBy(() -> OnnxImport.fromBytes("s.onnx", step)).hasMessageContaining("operator Less is not supported");
        ModelProto f = OnnxExport.toProto(model("features x1 x2^2 sin(x2), dense 2", new int[] {2}, "mse", null, Task.REGRESSION), 17);
        assertThat(ops(f)).containsExactly("Gather", "Gather", "Mul", "Sin", "Concat", "Gemm");
    }
}
