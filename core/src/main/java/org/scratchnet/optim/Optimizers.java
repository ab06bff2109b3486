package org.scratchnet.optim;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Optimizers by name, from the config {@link Optimizer#config()} gives back. A key left out takes
 * its default (PyTorch's; {@code lr} from {@link #defaultLearningRate}); an unknown name or key,
 * or a value of the wrong type, is a one-line IllegalArgumentException listing the valid ones.
 *
 * <table>
 *   <caption>Names and config keys</caption>
 *   <tr><th>name</th><th>keys (default)</th></tr>
 *   <tr><td>sgd</td><td>lr (0.5), momentum (0), nesterov (false), weight_decay (0), clip_norm (0)</td></tr>
 *   <tr><td>adam</td><td>lr (0.01), beta1 (0.9), beta2 (0.999), eps (1e-8), weight_decay (0), clip_norm (0)</td></tr>
 *   <tr><td>adamw</td><td>lr (0.01), beta1 (0.9), beta2 (0.999), eps (1e-8), weight_decay (0.01), clip_norm (0)</td></tr>
 *   <tr><td>rmsprop</td><td>lr (0.01), alpha (0.99), eps (1e-8), momentum (0), centered (false), weight_decay (0),
 *       clip_norm (0)</td></tr>
 * </table>
 */
public final class Optimizers {
    /** Every name {@link #create} accepts. */
    public static final List<String> NAMES = List.of("sgd", "adam", "adamw", "rmsprop");

    private static final Map<String, List<String>> KEYS = Map.of(
            "sgd", List.of("lr", "momentum", "nesterov", "weight_decay", "clip_norm"),
            "adam", List.of("lr", "beta1", "beta2", "eps", "weight_decay", "clip_norm"),
            "adamw", List.of("lr", "beta1", "beta2", "eps", "weight_decay", "clip_norm"),
            "rmsprop", List.of("lr", "alpha", "eps", "momentum", "centered", "weight_decay", "clip_norm"));

    private Optimizers() {
    }

    /**
     * The learning rate when none is given: 0.5 for sgd (the first tutorial's), 0.01 for the
     * adaptive ones (adam, adamw, rmsprop), whose steps are already scaled per weight.
     */
    public static float defaultLearningRate(String name) {
        return canonical(name).equals("sgd") ? 0.5f : 0.01f;
    }

    /** The config keys {@code name} accepts, in {@link Optimizer#config()} order. */
    public static List<String> keys(String name) {
        return KEYS.get(canonical(name));
    }

    /**
     * Builds the optimizer {@code name} (case-insensitive) from {@code config} (null or empty: all
     * defaults). Numbers may be any {@link Number}, flags Booleans; {@code lr} may be 0 (a rate a
     * schedule annealed to), though the constructors take only positive rates.
     */
    public static Optimizer create(String name, Map<String, ?> config) {
        String n = canonical(name);
        Map<String, ?> c = config == null ? Map.of() : config;
        List<String> valid = KEYS.get(n);
        for (String key : c.keySet()) {
            if (!valid.contains(key)) {
                throw new IllegalArgumentException("optimizer " + n + ": unknown config key '" + key
                        + "' (valid: " + String.join(", ", valid) + ")");
            }
        }
        try {
            float lr = number(c, "lr", defaultLearningRate(n));
            // A config saved when a schedule has annealed to 0 (cosine) holds lr 0. Constructors
            // reject 0, a user's mistake there, so that rate is set after building.
            Optimizer o = build(n, c, lr == 0f ? defaultLearningRate(n) : lr).clipGradNorm(number(c, "clip_norm", 0f));
            if (lr == 0f) {
                o.setLearningRate(0f);
            }
            return o;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("optimizer " + n + ": " + e.getMessage(), e);
        }
    }

    private static Optimizer build(String n, Map<String, ?> c, float lr) {
        return switch (n) {
            case "sgd" -> new Sgd(lr, number(c, "momentum", 0f), number(c, "weight_decay", 0f),
                    bool(c, "nesterov"));
            case "adam" -> new Adam(lr, number(c, "beta1", 0.9f), number(c, "beta2", 0.999f),
                    number(c, "eps", 1e-8f), number(c, "weight_decay", 0f));
            case "adamw" -> new AdamW(lr, number(c, "beta1", 0.9f), number(c, "beta2", 0.999f),
                    number(c, "eps", 1e-8f), number(c, "weight_decay", AdamW.DEFAULT_WEIGHT_DECAY));
            default -> new RmsProp(lr, number(c, "alpha", 0.99f), number(c, "eps", 1e-8f),
                    number(c, "momentum", 0f), number(c, "weight_decay", 0f), bool(c, "centered"));
        };
    }

    private static String canonical(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "' (valid: " + String.join(", ", NAMES) + ")");
        }
        return n;
    }

    private static float number(Map<String, ?> c, String key, float dflt) {
        Object v = c.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number)) {
            throw wrongType(key, "a number", v);
        }
        double d = ((Number) v).doubleValue();
        float f = (float) d;
        if (Double.isFinite(d) && Float.isInfinite(f)) {
            throw new IllegalArgumentException("'" + key + "' is out of float range, found " + v);
        }
        return f;
    }

    private static boolean bool(Map<String, ?> c, String key) {
        Object v = c.get(key);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean)) {
            throw wrongType(key, "true or false", v);
        }
        return (Boolean) v;
    }

    private static IllegalArgumentException wrongType(String key, String expected, Object found) {
        String shown = found instanceof String ? "\"" + found + "\"" : String.valueOf(found);
        return new IllegalArgumentException("'" + key + "' must be " + expected + ", found "
                + found.getClass().getSimpleName() + " " + shown);
    }
}
