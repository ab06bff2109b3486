package org.scratchnet.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scratchnet.activation.Activation;
import org.scratchnet.activation.Activations;
import org.scratchnet.activation.LeakyRelu;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Layer;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * The {@code architecture} metadata value: {@code {"input": D, "layers": [...]}} where a layer is
 * {@code {"type": "dense", "name": "dense1", "units": H, "bias": true}} or
 * {@code {"type": "activation", "name": "relu1", "activation": "relu"}} (leaky_relu adds
 * {@code "alpha"}). Dense parameters are the tensors {@code NAME.weight} (D, H) and
 * {@code NAME.bias} (1, H).
 */
final class ArchitectureCodec {
    /** Widths above this are rejected before anything is allocated (a corrupt file could claim 2^31). */
    static final int MAX_WIDTH = 1 << 20;

    private ArchitectureCodec() {
    }

    static String encode(Sequential model) {
        List<Object> layers = new ArrayList<>();
        for (Layer l : model.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (l instanceof Dense d) {
                m.put("type", "dense");
                m.put("name", d.name());
                m.put("units", d.units());
                m.put("bias", d.hasBias());
            } else if (l instanceof ActivationLayer a) {
                m.put("type", "activation");
                m.put("name", a.name());
                m.put("activation", a.activation().name());
                if (a.activation() instanceof LeakyRelu lr) {
                    m.put("alpha", lr.alpha());
                }
            } else {
                throw new IllegalArgumentException("cannot save layer '" + l.name() + "' of type " + l.type()
                        + ": model files hold dense and activation layers");
            }
            layers.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("input", model.inputWidth());
        root.put("layers", layers);
        return Json.write(root);
    }

    /**
     * Rebuilds the network from {@code json} and loads its weights from {@code tensors}, checking
     * every shape before allocating. Errors are one line starting with {@code file}.
     */
    static Sequential decode(String file, String json, Map<String, Tensor> tensors) {
        Map<?, ?> root = object(file, parse(file, json), "architecture");
        int width = integer(file, root.get("input"), "architecture input");
        int inputWidth = width;
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
            Object type = spec.get("type");
            if ("dense".equals(type)) {
                int units = integer(file, spec.get("units"), where + " units");
                boolean bias = Boolean.TRUE.equals(spec.get("bias"));
                // shapes are checked against tensors already read (bounded by the file size)
                // before the layer allocates anything
                Tensor w = require(file, tensors, used, name + ".weight", width, units);
                Tensor b = bias ? require(file, tensors, used, name + ".bias", 1, units) : null;
                Dense d = new Dense(name, width, units, bias);
                d.weight().value().copyFromInPlace(w);
                if (bias) {
                    d.bias().value().copyFromInPlace(b);
                }
                layers.add(d);
                width = units;
            } else if ("activation".equals(type)) {
                layers.add(new ActivationLayer(name, activation(file, spec, where)));
            } else {
                throw Safetensors.fail(file, where + ": unknown type " + ModelFormatException.quote(type)
                        + " (expected dense or activation)");
            }
        }
        for (String t : tensors.keySet()) {
            if (!used.contains(t)) {
                throw Safetensors.fail(file, "tensor " + ModelFormatException.quote(t)
                        + " is not a parameter of the architecture");
            }
        }
        return new Sequential(inputWidth, layers);
    }

    private static Tensor require(String file, Map<String, Tensor> tensors, Set<String> used, String name, int rows,
            int cols) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw Safetensors.fail(file, "tensor " + ModelFormatException.quote(name) + " is missing (architecture expects ["
                    + rows + ", " + cols + "])");
        }
        if (!Arrays.equals(t.shape(), new int[] {rows, cols})) {
            throw Safetensors.fail(file, "tensor " + ModelFormatException.quote(name) + " has shape " + t.shapeString()
                    + ", architecture expects [" + rows + ", " + cols + "]");
        }
        used.add(name);
        return t;
    }

    private static Activation activation(String file, Map<?, ?> spec, String where) {
        Object name = spec.get("activation");
        Activation a;
        try {
            a = Activations.byName(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw Safetensors.fail(file, where + ": unknown activation " + ModelFormatException.quote(name)
                    + " (expected one of " + String.join(", ", Activations.NAMES) + ")");
        }
        Object alpha = spec.get("alpha");
        if (a instanceof LeakyRelu && alpha != null) {
            // a float alpha must survive the next save, which cannot write Infinity into JSON
            float f = alpha instanceof BigDecimal b ? b.floatValue() : Float.NaN;
            if (!Float.isFinite(f)) {
                throw Safetensors.fail(file, where + ": alpha: expected a finite float32 number, found "
                        + ModelFormatException.quote(Json.write(alpha)));
            }
            return new LeakyRelu(f);
        }
        return a;
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
