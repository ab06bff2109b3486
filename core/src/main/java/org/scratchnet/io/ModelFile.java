package org.scratchnet.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.TrainingState;
import org.scratchnet.tensor.Tensor;

/**
 * Saves and loads {@link SavedModel}s as {@code .safetensors} files (layout and metadata keys in
 * docs/model-format.md). Weights round-trip bit-exact.
 *
 * <pre>{@code
 * ModelFile.save(Path.of("model.safetensors"), new SavedModel(net, "bce", std, classes, features, Task.CLASSIFICATION));
 * SavedModel m = ModelFile.load(Path.of("model.safetensors"));
 * }</pre>
 */
public final class ModelFile {
    /**
     * The newest {@code format_version} this build writes and reads: 2 adds layer types beyond
     * dense and activation, inputs of more than one dimension, and training state. A model that
     * needs none of these is still written as version 1, which earlier builds read.
     */
    public static final String FORMAT_VERSION = "2";
    /** Widest layer (and input) a model file may declare; wider networks cannot be saved and loaded. */
    public static final int MAX_WIDTH = ArchitectureCodec.MAX_WIDTH;
    /** Files larger than this are refused (one float array must fit in a Java array). */
    static final long MAX_FILE = Integer.MAX_VALUE - 64;

    private ModelFile() {
    }

    /**
     * Writes atomically: the bytes go to a temporary file in the same directory, which is then
     * renamed over {@code file}. On any failure the previous file is left as it was, no temporary
     * file remains, and the IOException's message is one line naming {@code file}, e.g.
     * {@code out/m.safetensors: cannot write (directory out does not exist)}.
     */
    public static void save(Path file, SavedModel saved) throws IOException {
        save(file, saved, out -> out);
    }

    /** As {@link #save}; {@code wrap} sees the temporary file's stream (tests use it to fail mid-write). */
    static void save(Path file, SavedModel saved, UnaryOperator<OutputStream> wrap) throws IOException {
        byte[] bytes = encode(saved);
        Path abs = file.toAbsolutePath();
        try {
            AtomicWrite.write(abs, out -> {
                OutputStream o = wrap.apply(out);
                o.write(bytes);
                o.flush();
            });
        } catch (IOException e) {
            throw new IOException(file + ": cannot write (" + reason(e, abs) + ")", e);
        }
    }

    /** A short, one-line reason for a failed write. */
    private static String reason(IOException e, Path target) {
        Path dir = target.getParent();
        if (dir != null && !Files.exists(dir)) {
            return "directory " + dir + " does not exist";
        }
        if (dir != null && !Files.isDirectory(dir)) {
            return dir + " is not a directory";
        }
        if (Files.isDirectory(target)) {
            return "it is a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String msg = e.getMessage() == null ? "" : ": " + e.getMessage();
        return (e.getClass().getSimpleName() + msg).replace("\r", " ").replace("\n", " ");
    }

    /** Reads and checks a model file; any problem is a one-line {@link ModelFormatException} naming the file. */
    public static SavedModel load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE) {
                throw Safetensors.fail(name, "file has " + size + " bytes, expected at most " + MAX_FILE);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw Safetensors.fail(name, "expected a model file, found none");
        } catch (IOException e) {
            throw Safetensors.fail(name, "cannot read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return decode(name, bytes);
    }

    /** A model file's bytes, e.g. to broadcast a model or keep it in a database (what {@link #save} writes). */
    public static byte[] toBytes(SavedModel saved) {
        return encode(saved);
    }

    /** Reads a model from bytes {@link #toBytes} made; errors are one line naming {@code source}. */
    public static SavedModel fromBytes(String source, byte[] bytes) {
        if (bytes.length > MAX_FILE) {
            throw Safetensors.fail(source, "model has " + bytes.length + " bytes, expected at most " + MAX_FILE);
        }
        return decode(source, bytes);
    }

    /** Writes the model file's bytes to {@code out} (not closed). */
    public static void write(OutputStream out, SavedModel saved) throws IOException {
        out.write(encode(saved));
    }

    /** Reads one model from the rest of {@code in} (not closed); errors are one line naming {@code source}. */
    public static SavedModel read(InputStream in, String source) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long total = 0;
        for (int r; (r = in.read(chunk)) > 0; ) {
            total += r;
            if (total > MAX_FILE) {
                throw Safetensors.fail(source, "model has more than " + MAX_FILE + " bytes");
            }
            buf.write(chunk, 0, r);
        }
        return decode(source, buf.toByteArray());
    }

    /** The file's bytes for {@code saved} (what {@link #save} writes). */
    static byte[] encode(SavedModel saved) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<Parameter> all = new ArrayList<>(saved.model().parameters());
        all.addAll(saved.model().buffers());
        for (Parameter p : all) {
            if (tensors.put(p.name(), p.value()) != null) {
                throw new IllegalArgumentException("cannot save: two parameters are named '" + p.name() + "'");
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        String architecture = ArchitectureCodec.encode(saved.model()); // refuses layer types model files do not hold
        meta.put("format", "scratchnet");
        meta.put("format_version", needsVersion2(saved) ? FORMAT_VERSION : "1");
        meta.put("architecture", architecture);
        meta.put("loss", saved.loss());
        meta.put("task", saved.task().id());
        meta.put("class_names", Json.write(saved.classNames()));
        meta.put("feature_names", Json.write(saved.featureNames()));
        if (saved.standardizer() != null) {
            Map<String, Object> norm = new LinkedHashMap<>();
            norm.put("mean", floats(saved.standardizer().mean()));
            norm.put("std", floats(saved.standardizer().std()));
            meta.put("normalization", Json.write(norm));
        }
        if (saved.training() != null) {
            TrainingStateCodec.encode(saved.training(), meta, tensors);
        }
        if (saved.columns() != null) {
            meta.put("columns", Json.write(saved.columns().toTree()));
        }
        return Safetensors.encode(tensors, meta);
    }

    /** True when a version-1 reader could not read {@code saved}. */
    private static boolean needsVersion2(SavedModel saved) {
        if (saved.training() != null || saved.model().inputShape().length != 1) {
            return true;
        }
        for (org.scratchnet.layer.Layer l : saved.model().layers()) {
            if (org.scratchnet.layer.LayerTypes.of(l).formatVersion() > 1) {
                return true;
            }
        }
        return false;
    }

    static SavedModel decode(String file, byte[] bytes) {
        Safetensors.Content c = Safetensors.decode(file, bytes);
        Map<String, String> meta = c.metadata();
        String version = meta.get("format_version");
        if (version == null) {
            throw Safetensors.fail(file, "no format_version in __metadata__: expected a scratchnet model (format_version 1 or "
                    + FORMAT_VERSION + ")");
        }
        if (!FORMAT_VERSION.equals(version) && !"1".equals(version)) {
            throw Safetensors.fail(file, "format_version " + ModelFormatException.quote(version)
                    + " is not supported (this build reads 1 and " + FORMAT_VERSION + ")");
        }
        Sequential model = ArchitectureCodec.decode(file, required(file, meta, "architecture"), c.tensors(),
                TrainingStateCodec.PREFIX);
        String loss = required(file, meta, "loss");
        try {
            Losses.byName(loss);
        } catch (IllegalArgumentException e) {
            throw Safetensors.fail(file, "unknown loss " + ModelFormatException.quote(loss) + " (expected one of "
                    + String.join(", ", Losses.NAMES) + ")");
        }
        Task task;
        try {
            task = Task.byName(required(file, meta, "task"));
        } catch (IllegalArgumentException e) {
            throw Safetensors.fail(file, "task " + ModelFormatException.quote(meta.get("task"))
                    + " is not classification, regression or auto");
        }
        List<String> classes = strings(file, meta, "class_names");
        List<String> features = strings(file, meta, "feature_names");
        Standardizer std = meta.containsKey("normalization") ? normalization(file, meta.get("normalization")) : null;
        String problem = SavedModel.problem(model, std, classes, features);
        if (problem != null) {
            throw Safetensors.fail(file, problem);
        }
        TrainingState training = TrainingStateCodec.decode(file, meta, c.tensors(), model);
        ColumnRules columns = null;
        if (meta.containsKey("columns")) {
            try {
                columns = ColumnRules.fromTree(parseValue(file, "columns", meta.get("columns")));
            } catch (IllegalArgumentException e) {
                throw Safetensors.fail(file, e.getMessage());
            }
            if (columns.encodedWidth() != model.inputWidth()) {
                throw Safetensors.fail(file, "columns encode " + columns.encodedWidth() + " inputs, model input width is "
                        + model.inputWidth());
            }
        }
        return new SavedModel(model, loss, std, classes, features, task, training, columns);
    }

    private static String required(String file, Map<String, String> meta, String key) {
        String v = meta.get(key);
        if (v == null) {
            throw Safetensors.fail(file, "__metadata__ has no " + ModelFormatException.quote(key));
        }
        return v;
    }

    private static List<String> strings(String file, Map<String, String> meta, String key) {
        String raw = meta.get(key);
        if (raw == null) {
            return List.of();
        }
        Object v = parseValue(file, key, raw);
        if (v instanceof List<?> list && list.stream().allMatch(s -> s instanceof String)) {
            List<String> out = new ArrayList<>();
            list.forEach(s -> out.add((String) s));
            return out;
        }
        throw Safetensors.fail(file, key + ": expected a JSON array of strings, found " + ModelFormatException.quote(raw));
    }

    private static Standardizer normalization(String file, String raw) {
        Object v = parseValue(file, "normalization", raw);
        if (v instanceof Map<?, ?> m && m.get("mean") instanceof List<?> mean && m.get("std") instanceof List<?> std
                && mean.stream().allMatch(x -> x instanceof BigDecimal) && std.stream().allMatch(x -> x instanceof BigDecimal)) {
            try {
                return new Standardizer(toFloats(mean), toFloats(std));
            } catch (IllegalArgumentException e) {
                throw Safetensors.fail(file, "normalization: " + e.getMessage());
            }
        }
        throw Safetensors.fail(file, "normalization: expected {\"mean\": [numbers], \"std\": [numbers]}, found "
                + ModelFormatException.quote(raw));
    }

    private static Object parseValue(String file, String key, String raw) {
        try {
            return Json.parse(raw);
        } catch (Json.JsonException e) {
            throw Safetensors.fail(file, key + " is not valid JSON " + e.getMessage());
        }
    }

    private static List<Object> floats(float[] values) {
        List<Object> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add(v);
        }
        return out;
    }

    private static float[] toFloats(List<?> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((BigDecimal) values.get(i)).floatValue();
        }
        return out;
    }
}
