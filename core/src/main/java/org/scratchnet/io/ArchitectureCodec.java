package org.scratchnet.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.LayerType;
import org.scratchnet.layer.LayerTypes;
import org.scratchnet.layer.Parameter;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * The {@code architecture} metadata value: {@code {"input": D, "layers": [...]}} ({@code "input"}
 * is a list such as {@code [1, 28, 28]} for samples of more than one dimension) where a layer is
 * {@code {"type": T, "name": NAME, ...its configuration}} as its {@link LayerType} describes it,
 * e.g. {@code {"type": "dense", "name": "dense1", "units": H, "bias": true}} or
 * {@code {"type": "activation", "name": "relu1", "activation": "relu"}}. A layer's tensors are
 * named {@code NAME.SUFFIX} with the shapes {@link LayerType#tensors} gives.
 */
final class ArchitectureCodec {
    /** Widths above this are rejected before anything is allocated (a corrupt file could claim 2^31). */
    static final int MAX_WIDTH = org.scratchnet.layer.Dense.MAX_UNITS;

    private ArchitectureCodec() {
    }

    static String encode(Sequential model) {
        List<Object> layers = new ArrayList<>();
        for (Layer l : model.layers()) {
            LayerType type = LayerTypes.byName(l.type());
            if (type == null) {
                throw new IllegalArgumentException("cannot save layer '" + l.name() + "' of type " + l.type()
                        + ": model files hold the layer types " + String.join(", ", LayerTypes.names()));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", type.name());
            m.put("name", l.name());
            m.putAll(l.config());
            layers.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        int[] in = model.inputShape();
        root.put("input", in.length == 1 ? (Object) in[0] : toList(in));
        root.put("layers", layers);
        return Json.write(root);
    }

    /**
     * Rebuilds the network from {@code json} and loads its weights from {@code tensors}, checking
     * every shape before allocating. Tensors whose names start with {@code ignoredPrefix} belong to
     * someone else (optimizer state). Errors are one line starting with {@code file}.
     */
    static Sequential decode(String file, String json, Map<String, Tensor> tensors, String ignoredPrefix) {
        Map<?, ?> root = object(file, parse(file, json), "architecture");
        int[] inputShape = inputShape(file, root.get("input"));
        int[] shape = inputShape;
        if (!(root.get("layers") instanceof List<?> specs)) {
            throw Safetensors.fail(file, "architecture: expected a \"layers\" array");
        }
        List<Layer> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            String where = "architecture layer " + (i + 1);
            Map<?, ?> spec = object(file, specs.get(i), where);
            if (!(spec.get("name") instanceof String name) || name.isEmpty() || !names.add(name)) {
                throw Safetensors.fail(file, where + ": expected a unique non-empty \"name\", found "
                        + ModelFormatException.quote(spec.get("name")));
            }
            Object typeName = spec.get("type");
            LayerType type = typeName instanceof String t ? LayerTypes.byName(t) : null;
            if (type == null) {
                throw Safetensors.fail(file, where + ": unknown type " + ModelFormatException.quote(typeName)
                        + " (expected " + String.join(", ", LayerTypes.names()) + ")");
            }
            Map<String, Object> config = new LinkedHashMap<>();
            spec.forEach((k, v) -> {
                if (!"type".equals(k) && !"name".equals(k)) {
                    config.put(String.valueOf(k), v);
                }
            });
            try {
                // shapes are checked against tensors already read (bounded by the file size)
                // before the layer allocates anything
                for (Map.Entry<String, int[]> e : type.tensors(config, shape).entrySet()) {
                    require(file, tensors, used, name + "." + e.getKey(), e.getValue());
                }
                Layer layer = type.create(name, config, shape);
                load(layer.parameters(), tensors);
                load(layer.buffers(), tensors);
                shape = layer.outputShape(shape);
                layers.add(layer);
            } catch (IllegalArgumentException e) {
                throw Safetensors.fail(file, where + " (" + name + "): " + e.getMessage());
            }
        }
        for (String t : tensors.keySet()) {
            if (!used.contains(t) && !t.startsWith(ignoredPrefix)) {
                throw Safetensors.fail(file, "tensor " + ModelFormatException.quote(t)
                        + " is not a parameter of the architecture");
            }
        }
        return new Sequential(inputShape, layers);
    }

    private static void load(List<Parameter> params, Map<String, Tensor> tensors) {
        for (Parameter p : params) {
            p.value().copyFromInPlace(tensors.get(p.name()));
        }
    }

    private static void require(String file, Map<String, Tensor> tensors, Set<String> used, String name, int[] shape) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw Safetensors.fail(file, "tensor " + ModelFormatException.quote(name) + " is missing (architecture expects "
                    + Arrays.toString(shape) + ")");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw Safetensors.fail(file, "tensor " + ModelFormatException.quote(name) + " has shape " + t.shapeString()
                    + ", architecture expects " + Arrays.toString(shape));
        }
        used.add(name);
    }

    /** {@code "input": D} or {@code [C, H, W]}: every dimension a width in 1..MAX_WIDTH. */
    private static int[] inputShape(String file, Object v) {
        if (v instanceof List<?> list) {
            if (list.isEmpty() || list.size() > 8) {
                throw Safetensors.fail(file, "architecture input: expected 1 to 8 dimensions, found "
                        + ModelFormatException.quote(Json.write(v)));
            }
            int[] s = new int[list.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = integer(file, list.get(i), "architecture input");
            }
            return s;
        }
        return new int[] {integer(file, v, "architecture input")};
    }

    private static List<Object> toList(int[] a) {
        List<Object> out = new ArrayList<>();
        for (int v : a) {
            out.add(v);
        }
        return out;
    }

    private static Object parse(String file, String json) {
        try {
            return Json.parse(json);
        } catch (Json.JsonException e) {
            throw Safetensors.fail(file, "architecture is not valid JSON " + e.getMessage());
        }
    }

    private static Map<?, ?> object(String file, Object v, String what) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw Safetensors.fail(file, what + ": expected a JSON object, found " + ModelFormatException.quote(Json.write(v)));
    }

    /** A width in 1..MAX_WIDTH; checked before any tensor of that width is allocated. */
    private static int integer(String file, Object v, String what) {
        if (v instanceof BigDecimal b && b.stripTrailingZeros().scale() <= 0 && b.signum() > 0
                && b.compareTo(BigDecimal.valueOf(MAX_WIDTH)) <= 0) {
            return b.intValue();
        }
        throw Safetensors.fail(file, what + ": expected an integer in 1.." + MAX_WIDTH + ", found "
                + ModelFormatException.quote(Json.write(v)));
    }
}
