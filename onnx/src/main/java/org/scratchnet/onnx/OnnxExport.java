package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TargetScale;
import org.scratchnet.data.Task;
import org.scratchnet.io.AtomicWrite;
import org.scratchnet.io.Json;
import org.scratchnet.io.SavedModel;
import org.scratchnet.layer.Layer;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;

/**
 * Writes a {@link SavedModel} as an ONNX model whose output is what {@code predict} reports:
 *
 * <pre>
 *   input [N, ...sample]  →  Sub(mean), Div(std)      the stored standardizer, when there is one
 *                         →  one or a few nodes per layer (see {@link LayerExport})
 *                         →  Softmax / Sigmoid        when the loss takes logits (identity head)
 *                         →  Mul(std), Add(mean)      a regression target scaled for training
 *                         →  output [N, K]
 * </pre>
 *
 * The batch dimension is symbolic ({@code N}), so any batch size runs. Class and feature names,
 * the loss, the task and the scratchnet version go in {@code metadata_props}, where
 * {@link OnnxImport} reads them back.
 */
public final class OnnxExport {
    /** The opset written unless another is asked for. */
    public static final int DEFAULT_OPSET = 17;
    /** The oldest opset written: Flatten and BatchNormalization take their current forms from 9. */
    public static final int MIN_OPSET = 9;
    /** The newest opset written. */
    public static final int MAX_OPSET = 17;
    /** IR version 8 is what ONNX 1.12's checker (and every current runtime) accepts. */
    public static final int IR_VERSION = 8;
    /** Names of the graph's input and output. */
    public static final String INPUT = "input", OUTPUT = "output";

    private OnnxExport() {
    }

    /** The model as ONNX bytes at {@code opset} (MIN_OPSET..MAX_OPSET); a layer that cannot be written is an IllegalArgumentException. */
    public static byte[] toBytes(SavedModel saved, int opset) {
        return toProto(saved, opset).toByteArray();
    }

    /** Writes atomically: on failure {@code file} is left as it was. */
    public static void write(Path file, SavedModel saved, int opset) throws IOException {
        byte[] bytes = toBytes(saved, opset);
        AtomicWrite.write(file.toAbsolutePath(), out -> out.write(bytes));
    }

    static ModelProto toProto(SavedModel saved, int opset) {
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new IllegalArgumentException("opset " + opset + " cannot be written: expected " + MIN_OPSET + " to " + MAX_OPSET);
        }
        Sequential net = saved.model();
        GraphProto.Builder g = GraphProto.newBuilder().setName("scratchnet");
        g.addInput(valueInfo(INPUT, net.inputShape()));
        OnnxNodes nodes = new OnnxNodes(g, INPUT);
        Standardizer std = saved.standardizer();
        if (std != null) {
            int[] in = net.inputShape();
            nodes.op("Sub", "standardize_sub", nodes.constant(OnnxTensors.floats("standardizer.mean", std.mean(), in)));
            nodes.op("Div", "standardize_div", nodes.constant(OnnxTensors.floats("standardizer.std", std.std(), in)));
        }
        for (int i = 0; i < net.layers().size(); i++) {
            Layer layer = net.layers().get(i);
            LayerExport.write(nodes, layer, net.shapeBefore(i), opset);
        }
        int[] out = net.outputShape();
        if (saved.task() == Task.CLASSIFICATION && Losses.byName(saved.loss()).takesLogits()) {
            // predict turns logits into probabilities itself; the graph must do the same
            if (out.length != 1) {
                throw new IllegalArgumentException("cannot export: the output head needs [N, K] outputs, the model gives "
                        + Arrays.toString(out) + " per sample");
            }
            if (out[0] == 1) {
                nodes.op("Sigmoid", "head_sigmoid");
            } else {
                nodes.op("Softmax", "head_softmax").addAttribute(OnnxNodes.integer("axis", opset >= 13 ? -1 : 1));
            }
        }
        TargetScale target = saved.columns() == null ? null : saved.columns().target();
        if (saved.task() == Task.REGRESSION && target != null) {
            nodes.op("Mul", "target_scale_mul", nodes.constant(OnnxTensors.floats("target.std", new float[] {target.std()})));
            nodes.op("Add", "target_scale_add", nodes.constant(OnnxTensors.floats("target.mean", new float[] {target.mean()})));
        }
        if (g.getNodeCount() == 0) {
            nodes.op("Identity", OUTPUT);
        } else {
            g.getNodeBuilder(g.getNodeCount() - 1).setOutput(0, OUTPUT);
        }
        g.addOutput(valueInfo(OUTPUT, out));
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("scratchnet")
                .setProducerVersion(version()).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset));
        metadata(saved).forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    /** The metadata_props written (keys in docs/onnx.md). */
    static Map<String, String> metadata(SavedModel saved) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(OnnxImport.META_VERSION, version());
        if (!saved.classNames().isEmpty()) {
            meta.put(OnnxImport.META_CLASSES, Json.write(saved.classNames()));
        }
        if (!saved.featureNames().isEmpty()) {
            meta.put(OnnxImport.META_FEATURES, Json.write(saved.featureNames()));
        }
        meta.put(OnnxImport.META_TASK, saved.task().id());
        meta.put(OnnxImport.META_LOSS, saved.loss());
        if (saved.columns() != null) {
            meta.put(OnnxImport.META_COLUMNS, Json.write(saved.columns().toTree()));
        }
        return meta;
    }

    /** A float tensor of shape [N, ...sample] with a symbolic batch dimension. */
    static ValueInfoProto valueInfo(String name, int[] sample) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDimBuilder().setDimParam("N");
        for (int d : sample) {
            shape.addDimBuilder().setDimValue(d);
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** The scratchnet version this module was built as. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = OnnxExport.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
