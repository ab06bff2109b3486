package org.scratchnet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.layer.Features;

/**
 * One playground configuration, parsed from the page's form fields and checked against caps.
 * Every field has a default, so an empty form is a valid configuration. A bad field throws
 * {@link BadRequest} with a one-line message naming the field, what it takes and what it got.
 *
 * @param data        circle, xor, gaussian, spiral, moons, quadrants, or csv (the last upload)
 * @param samples     generated points, train and test together (10..{@value #MAX_SAMPLES})
 * @param noise       the generator's noise (0..1)
 * @param trainPercent share of the points used for training (10..90); the rest is the test set
 * @param batchSize   rows per update (1..samples)
 * @param seed        one seed for data, split, weights and shuffling
 * @param features    input terms, in {@link Features#TERMS} order
 * @param hidden      hidden widths (at most {@value #MAX_LAYERS} layers of 1..{@value #MAX_NEURONS})
 * @param activation  hidden activation: relu, tanh, sigmoid, linear
 * @param regression  true: identity output and MSE on the 0/1 label; false: sigmoid and BCE
 * @param learningRate the optimizer's step size
 * @param optimizer   sgd or adam
 * @param regularization none, l1 or l2 (on weights, not biases)
 * @param regRate     the penalty's rate λ
 */
public record Settings(String data, int samples, double noise, int trainPercent, int batchSize, long seed,
        List<String> features, List<Integer> hidden, String activation, boolean regression, float learningRate,
        String optimizer, String regularization, float regRate) {
    public static final int MAX_SAMPLES = 10_000;
    public static final int MAX_LAYERS = 6;
    public static final int MAX_NEURONS = 8;
    public static final List<String> DATA = List.of("circle", "xor", "gaussian", "spiral", "moons", "quadrants", "csv");
    public static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "linear");
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam");
    public static final List<String> REGULARIZATIONS = List.of("none", "l1", "l2");

    public Settings {
        features = List.copyOf(features);
        hidden = List.copyOf(hidden);
    }

    /** The page's defaults: circle, 500 points, half for training, 2-4-2-1 tanh, sgd 0.03. */
    public static Settings defaults() {
        return parse(Map.of());
    }

    /** Reads form fields; missing ones take the defaults above. */
    public static Settings parse(Map<String, String> f) {
        String data = oneOf(f, "data", "circle", DATA);
        int samples = intIn(f, "samples", 500, 10, MAX_SAMPLES);
        double noise = doubleIn(f, "noise", 0.1, 0, 1);
        int trainPercent = intIn(f, "train", 50, 10, 90);
        int batch = intIn(f, "batch", 10, 1, MAX_SAMPLES);
        long seed = longIn(f, "seed", 42);
        List<String> features = features(f.getOrDefault("features", "x1,x2"));
        List<Integer> hidden = hidden(f.getOrDefault("hidden", "4,2"));
        String act = oneOf(f, "activation", "tanh", ACTIVATIONS);
        String problem = oneOf(f, "problem", "classification", List.of("classification", "regression"));
        float lr = (float) doubleIn(f, "lr", 0.03, 1e-6, 10);
        String opt = oneOf(f, "optimizer", "sgd", OPTIMIZERS);
        String reg = oneOf(f, "reg", "none", REGULARIZATIONS);
        float regRate = (float) doubleIn(f, "regRate", 0, 0, 1);
        return new Settings(data, samples, noise, trainPercent, batch, seed, features, hidden, act,
                problem.equals("regression"), lr, opt, reg, regRate);
    }

    /** The hidden activation under the name core's Activations knows ("linear" is its "identity"). */
    public String coreActivation() {
        return activation.equals("linear") ? "identity" : activation;
    }

    private static String oneOf(Map<String, String> f, String key, String def, List<String> allowed) {
        String v = f.get(key);
        if (v == null || v.isEmpty()) {
            return def;
        }
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(s)) {
            throw new BadRequest(key + ": expected one of " + String.join(", ", allowed) + ", got '" + clip(v) + "'");
        }
        return s;
    }

    private static int intIn(Map<String, String> f, String key, int def, int min, int max) {
        String v = f.get(key);
        if (v == null || v.isEmpty()) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new BadRequest(key + ": expected a whole number from " + min + " to " + max + ", got '" + clip(v) + "'");
    }

    private static double doubleIn(Map<String, String> f, String key, double def, double min, double max) {
        String v = f.get(key);
        if (v == null || v.isEmpty()) {
            return def;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new BadRequest(key + ": expected a number from " + min + " to " + max + ", got '" + clip(v) + "'");
    }

    private static long longIn(Map<String, String> f, String key, long def) {
        String v = f.get(key);
        if (v == null || v.isEmpty()) {
            return def;
        }
        try {
            long n = Long.parseLong(v.trim());
            // the page keeps the seed in a JavaScript number: stay where doubles are exact
            if (Math.abs(n) <= (1L << 53)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(key + ": expected a whole number of at most 2^53 in size, got '" + clip(v) + "'");
    }

    private static List<String> features(String v) {
        List<String> out = new ArrayList<>();
        for (String t : v.split(",", -1)) {
            String s = t.trim();
            if (!Features.TERMS.contains(s)) {
                throw new BadRequest("features: expected a comma list of " + String.join(", ", Features.TERMS)
                        + ", got '" + clip(v) + "'");
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        // keep the canonical order so the same set always gives the same model
        out.sort((a, b) -> Features.TERMS.indexOf(a) - Features.TERMS.indexOf(b));
        return out;
    }

    private static List<Integer> hidden(String v) {
        List<Integer> out = new ArrayList<>();
        if (v.isBlank()) {
            return out;
        }
        String[] parts = v.split(",", -1);
        if (parts.length > MAX_LAYERS) {
            throw new BadRequest("hidden: at most " + MAX_LAYERS + " hidden layers, got " + parts.length);
        }
        for (String p : parts) {
            int n;
            try {
                n = Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_NEURONS) {
                throw new BadRequest("hidden: each layer takes 1 to " + MAX_NEURONS + " neurons, got '" + clip(v) + "'");
            }
            out.add(n);
        }
        return out;
    }

    /** Echoed values are cut short: a message stays one readable line whatever was sent. */
    static String clip(String v) {
        String s = v.replaceAll("[\\p{Cntrl}]", "?");
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
