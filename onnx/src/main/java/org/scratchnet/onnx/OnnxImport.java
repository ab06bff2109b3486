package org.scratchnet.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.Task;
import org.scratchnet.io.Json;
import org.scratchnet.io.SavedModel;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;

/**
 * Reads an ONNX model into a {@link SavedModel}: the graph must be a chain from one input to one
 * output of the operators {@link GraphImport} knows (opsets {@value #MIN_OPSET} to
 * {@value #MAX_OPSET}). The imported model outputs exactly what the graph outputs:
 * <ul>
 *   <li>a file this module wrote says its loss and task in {@code metadata_props}; a final
 *       Softmax / Sigmoid that only stands for a logits loss's head is dropped again (predict
 *       applies it), so export → import → predict gives the same numbers;</li>
 *   <li>any other graph that ends in Softmax over [N, K] becomes a classifier with loss
 *       {@code softmax_ce}, one ending in Sigmoid over [N, 1] one with {@code bce_logits}
 *       (the last node is dropped and predict applies it, so fine-tuning trains on logits);</li>
 *   <li>anything else is a regression model (loss {@code mse}) whose values predict prints as they are.</li>
 * </ul>
 */
public final class OnnxImport {
    /** The oldest and newest opsets read (PyTorch exporters of every age write 6 and up). */
    public static final int MIN_OPSET = 6, MAX_OPSET = 17;
    /** metadata_props keys written by {@link OnnxExport} and read here. */
    public static final String META_CLASSES = "class_names", META_FEATURES = "feature_names",
            META_VERSION = "scratchnet_version", META_LOSS = "scratchnet_loss", META_TASK = "scratchnet_task",
            META_COLUMNS = "scratchnet_columns";
    /** Files larger than this are refused (protobuf messages are limited to 2 GB). */
    static final long MAX_FILE = Integer.MAX_VALUE - 64;

    private OnnxImport() {
    }

    /** Reads and converts {@code file}; every problem is a one-line {@link OnnxFormatException} naming it. */
    public static SavedModel read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE) {
                throw fail(name, "file has " + size + " bytes, expected at most " + MAX_FILE);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(name, "no such file");
        } catch (IOException e) {
            throw fail(name, "cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return fromBytes(name, bytes);
    }

    /** Converts ONNX bytes; errors are one line starting with {@code source}. */
    public static SavedModel fromBytes(String source, byte[] bytes) {
        ModelProto m;
        try {
            m = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw fail(source, "not an ONNX model (the protobuf does not parse: " + e.getMessage() + ")");
        }
        if (!m.hasGraph() || m.getGraph().getInputCount() == 0) {
            throw fail(source, "not an ONNX model (no graph with an input; " + bytes.length + " bytes)");
        }
        int opset = opset(source, m);
        Map<String, String> meta = new HashMap<>();
        for (StringStringEntryProto p : m.getMetadataPropsList()) {
            meta.put(p.getKey(), p.getValue());
        }
        try {
            return convert(m, opset, meta);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw fail(source, e.getMessage());
        }
    }

    /**
     * A serialized float {@code TensorProto} (the {@code input_0.pb} / {@code output_0.pb} files
     * of ONNX's test data) as a tensor of its shape; problems are one line naming the file.
     */
    public static org.scratchnet.tensor.Tensor readTensor(Path file) {
        try {
            return OnnxTensors.toTensor(file.toString(), ai.onnx.proto.OnnxMl.TensorProto.parseFrom(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw fail(file.toString(), "cannot read a tensor (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new OnnxFormatException(e.getMessage());
        }
    }

    /** The default-domain opset, checked against the supported range. */
    private static int opset(String source, ModelProto m) {
        long found = -1;
        for (OperatorSetIdProto o : m.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                found = o.getVersion();
            }
        }
        if (found < 0) {
            throw fail(source, "no opset for the default ONNX domain in opset_import");
        }
        if (found < MIN_OPSET || found > MAX_OPSET) {
            throw fail(source, "opset " + found + " is not supported: expected " + MIN_OPSET + " to " + MAX_OPSET
                    + " (re-export with an opset in that range)");
        }
        return (int) found;
    }

    private static SavedModel convert(ModelProto m, int opset, Map<String, String> meta) {
        GraphImport g = new GraphImport(m.getGraph(), opset);
        GraphImport.Result r = g.run();
        List<String> classes = strings(meta, META_CLASSES);
        List<String> features = strings(meta, META_FEATURES);
        ColumnRules columns = null;
        if (meta.containsKey(META_COLUMNS)) {
            columns = ColumnRules.fromTree(json(META_COLUMNS, meta.get(META_COLUMNS)));
        }
        String lossName = meta.get(META_LOSS);
        Task task;
        boolean dropHead;
        if (lossName != null) {
            Loss loss = Losses.byName(lossName);
            task = Task.byName(meta.getOrDefault(META_TASK, "classification"));
            dropHead = task == Task.CLASSIFICATION && loss.takesLogits();
        } else if (r.head() != null) {
            lossName = r.head().equals("softmax") ? "softmax_ce" : "bce_logits";
            task = Task.CLASSIFICATION;
            dropHead = true;
        } else {
            lossName = "mse";
            task = Task.REGRESSION;
            dropHead = false;
        }
        if (dropHead && r.head() == null) {
            throw new IllegalArgumentException("metadata says loss " + lossName + " but the graph does not end in "
                    + "Softmax or Sigmoid");
        }
        if (columns != null && columns.target() != null && !columns.target().equals(r.targetScale())) {
            throw new IllegalArgumentException("metadata has target scaling " + columns.target()
                    + " but the graph ends in " + (r.targetScale() == null ? "no Mul/Add by constants" : r.targetScale()));
        }
        if (r.targetScale() != null && (columns == null || columns.target() == null)) {
            throw new IllegalArgumentException("the graph ends in Mul and Add by constants; only a file written by "
                    + "scratchnet export (with its " + META_COLUMNS + " metadata) may");
        }
        return new SavedModel(r.model(dropHead), lossName, r.standardizer(), classes, features, task, null, columns);
    }

    private static List<String> strings(Map<String, String> meta, String key) {
        String raw = meta.get(key);
        if (raw == null) {
            return List.of();
        }
        if (json(key, raw) instanceof List<?> list && list.stream().allMatch(s -> s instanceof String)) {
            List<String> out = new ArrayList<>();
            list.forEach(s -> out.add((String) s));
            return out;
        }
        throw new IllegalArgumentException("metadata_props " + key + ": expected a JSON array of strings, found '"
                + shorten(raw) + "'");
    }

    private static Object json(String key, String raw) {
        try {
            return Json.parse(raw);
        } catch (Json.JsonException e) {
            throw new IllegalArgumentException("metadata_props " + key + " is not valid JSON " + e.getMessage());
        }
    }

    /** A name or value from the file for a message: control characters escaped, long ones cut. */
    static String shorten(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 60; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.length() >= 60 && s.length() > 57 ? b.substring(0, 57) + "..." : b.toString();
    }

    static OnnxFormatException fail(String source, String message) {
        return new OnnxFormatException(source + ": " + message);
    }
}
