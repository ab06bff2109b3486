package org.scratchnet.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scratchnet.onnx.TestGraphs.attrs;
import static org.scratchnet.onnx.TestGraphs.f;
import static org.scratchnet.onnx.TestGraphs.ints;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.io.SavedModel;
import org.scratchnet.tensor.Tensor;

/** The other ways files spell the same thing: tensor encodings, Pad forms, auto_pad, Constant nodes. Values by hand. */
class OnnxImportFormsTest {
    private static float[] predict(byte[] bytes, float[] x, int... shape) {
        return OnnxImport.fromBytes("t.onnx", bytes).predict(Tensor.of(x, shape)).data();
    }

    private static AttributeProto s(String name, String v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(v)).build();
    }

    /** A 1x1 image [N, 1, 2, 2] padded with zeros (one row at the top, one column at the right), then a 2x2 average. */
    @Test
    void zeroPadBeforeAnAveragePoolIsCountedAsItsPadding() {
        float[] x = {4, 8, 12, 16};
        // pads [N, C, H, W] begins then ends: top 1, right 1 → [[0,0,0],[4,8,0],[12,16,0]]; 2x2 means, stride 1
        byte[] opset11 = new TestGraphs(11, 1, 2, 2).longs("p", new long[] {0, 0, 1, 0, 0, 0, 0, 1}, 8)
                .node("Pad", "p").node("AveragePool", attrs(ints("kernel_shape", 2, 2))).bytes(1, 2, 2);
        assertThat(predict(opset11, x, 1, 1, 2, 2)).containsExactly(3, 2, 10, 6);
        byte[] opset9 = new TestGraphs(9, 1, 2, 2).node("Pad", attrs(ints("pads", 0, 0, 1, 0, 0, 0, 0, 1), s("mode", "constant"),
                f("value", 0))).node("AveragePool", attrs(ints("kernel_shape", 2, 2))).bytes(1, 2, 2);
        assertThat(predict(opset9, x, 1, 1, 2, 2)).containsExactly(3, 2, 10, 6);
        byte[] zeros = new TestGraphs(13, 1, 2, 2).longs("p", new long[8], 8).node("Pad", "p").node("Relu").bytes(1, 2, 2);
        assertThat(OnnxImport.fromBytes("t.onnx", zeros).model().layers()).hasSize(1);
        byte[] reflect = new TestGraphs(9, 1, 2, 2).node("Pad", attrs(ints("pads", 0, 0, 1, 0, 0, 0, 0, 1), s("mode", "reflect")))
                .bytes(1, 3, 3);
        assertThatThrownBy(() -> OnnxImport.fromBytes("t.onnx", reflect)).hasMessageContaining("mode 'reflect' is not supported");
        byte[] value = new TestGraphs(9, 1, 2, 2).node("Pad", attrs(ints("pads", 0, 0, 1, 0, 0, 0, 0, 1), f("value", 1)))
                .bytes(1, 3, 3);
        assertThatThrownBy(() -> OnnxImport.fromBytes("t.onnx", value)).hasMessageContaining("padding with 1.0 is not supported");
        byte[] last = new TestGraphs(11, 1, 2, 2).longs("p", new long[] {0, 0, 1, 0, 0, 0, 0, 1}, 8).node("Pad", "p").bytes(1, 3, 3);
        assertThatThrownBy(() -> OnnxImport.fromBytes("t.onnx", last)).hasMessageContaining("the graph ends in a Pad");
        byte[] max = new TestGraphs(11, 1, 2, 2).longs("p", new long[] {0, 0, 1, 0, 0, 0, 0, 1}, 8).node("Pad", "p")
                .node("MaxPool", attrs(ints("kernel_shape", 2, 2))).bytes(1, 2, 2);
        assertThatThrownBy(() -> OnnxImport.fromBytes("t.onnx", max)).hasMessageContaining("follows a Pad");
    }

    /** auto_pad on a [1, 3, 3] image with a 2x2 kernel: VALID none, SAME_LOWER the odd pixel first. */
    @Test
    void autoPadForms() {
        for (String[] c : new String[][] {{"VALID", "[0, 0, 0, 0]"}, {"SAME_LOWER", "[1, 0, 1, 0]"}, {"SAME_UPPER", "[0, 1, 0, 1]"}}) {
            byte[] b = new TestGraphs(11, 1, 3, 3).node("MaxPool", attrs(ints("kernel_shape", 2, 2), ints("strides", 1, 1),
                    s("auto_pad", c[0]))).bytes(1, 3, 3);
            assertThat(OnnxImport.fromBytes("t.onnx", b).model().layers().get(0).config().get("padding").toString()).isEqualTo(c[1]);
        }
        byte[] odd = new TestGraphs(11, 1, 3, 3).node("MaxPool", attrs(ints("kernel_shape", 2, 2), s("auto_pad", "MIRROR"))).bytes(1, 2, 2);
        assertThatThrownBy(() -> OnnxImport.fromBytes("t.onnx", odd)).hasMessageContaining("auto_pad 'MIRROR' is not one of");
    }

    /** Weights as float_data, double_data and raw bytes; a Reshape shape as raw int64 from a Constant node. */
    @Test
    void tensorEncodings() throws Exception {
        TestGraphs t = new TestGraphs(13, 2);
        ModelProto m = t.node("MatMul", "W").node("Reshape", "shape").build(2);
        var g = m.getGraph().toBuilder();
        g.addInitializer(TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.DOUBLE.getNumber())
                .addDims(2).addDims(2).addAllDoubleData(List.of(1.0, 2.0, 3.0, 4.0)));
        ByteBuffer raw = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).putLong(2);
        g.addNodeBuilder(0).setOpType("Constant").setName("c").addOutput("shape").addAttribute(AttributeProto.newBuilder()
                .setName("value").setType(AttributeProto.AttributeType.TENSOR).setT(TensorProto.newBuilder()
                        .setDataType(TensorProto.DataType.INT64.getNumber()).addDims(2).setRawData(ByteString.copyFrom(raw.array()))));
        byte[] b = m.toBuilder().setGraph(g).build().toByteArray();
        // [1, 1] · [[1, 2], [3, 4]] = [4, 6]; the reshape to [-1, 2] keeps it
        assertThat(predict(b, new float[] {1, 1}, 1, 2)).containsExactly(4, 6);
        TensorProto half = TensorProto.newBuilder().setName("x").setDataType(1).addDims(2).addDims(2)
                .setRawData(ByteString.copyFrom(new byte[12])).build();
        assertThatThrownBy(() -> OnnxTensors.toTensor("t", half)).hasMessage("t: tensor 'x' has 12 bytes of data, its shape [2, 2] needs 16");
        TensorProto few = TensorProto.newBuilder().setName("x").setDataType(1).addDims(3).addFloatData(1).build();
        assertThatThrownBy(() -> OnnxTensors.toTensor("t", few)).hasMessage("t: tensor 'x' has 1 values, its shape [3] needs 3");
        TensorProto ints = TensorProto.newBuilder().setName("x").setDataType(6).addDims(1).addInt32Data(1).build();
        assertThatThrownBy(() -> OnnxTensors.toTensor("t", ints)).hasMessage("t: tensor 'x' has data type INT32, expected FLOAT");
        assertThatThrownBy(() -> OnnxTensors.toLongs("t", few)).hasMessage("t: tensor 'x' has data type FLOAT, expected INT64");
        TensorProto negative = TensorProto.newBuilder().setName("x").setDataType(1).addDims(-2).build();
        assertThatThrownBy(() -> OnnxTensors.dims("t", negative)).hasMessage("t: tensor 'x' has dimension -2");
        TensorProto huge = TensorProto.newBuilder().setName("x").setDataType(1).addDims(1L << 20).addDims(1L << 20).build();
        assertThatThrownBy(() -> OnnxTensors.dims("t", huge)).hasMessageContaining("is too large");
        TensorProto longs = TensorProto.newBuilder().setName("x").setDataType(7).addDims(2).setRawData(ByteString.copyFrom(new byte[8])).build();
        assertThatThrownBy(() -> OnnxTensors.toLongs("t", longs)).hasMessage("t: tensor 'x' has 8 bytes of data, expected 16");
        assertThat(OnnxTensors.toLongs("t", OnnxTensors.longs("x", new long[] {5, -7}, 2))).containsExactly(5, -7);
    }

    @Test
    void readsTensorProtoFiles(@TempDir Path dir) throws Exception {
        Path pb = Files.write(dir.resolve("input_0.pb"), OnnxTensors.floats("x", new float[] {1, -2, 3, 0.5f, 7, 8}, 1, 2, 3).toByteArray());
        Tensor t = OnnxImport.readTensor(pb);
        assertThat(t.shape()).containsExactly(1, 2, 3);
        assertThat(t.data()).containsExactly(1, -2, 3, 0.5f, 7, 8);
        Path scalar = Files.write(dir.resolve("s.pb"), OnnxTensors.floats("s", new float[] {4}).toByteArray());
        assertThat(OnnxImport.readTensor(scalar).shape()).containsExactly(1);
    }

    /** The bias of MatMul + Add may come first; a scalar bias fills every unit. */
    @Test
    void addWithTheBiasFirstOrAsAScalar() {
        ModelProto m = new TestGraphs(13, 2).weight("W", new float[] {1, 0, 0, 1}, 2, 2).weight("b", new float[] {5}, 1).build(2);
        var g = m.getGraph().toBuilder();
        g.addNodeBuilder().setOpType("MatMul").setName("mm").addInput("x").addInput("W").addOutput("z");
        g.addNodeBuilder().setOpType("Add").setName("add").addInput("b").addInput("z").addOutput("y");
        SavedModel s = OnnxImport.fromBytes("t.onnx", m.toBuilder().setGraph(g).build().toByteArray());
        assertThat(s.predict(Tensor.of(new float[] {1, 2}, 1, 2)).data()).containsExactly(6, 7);
    }
}
