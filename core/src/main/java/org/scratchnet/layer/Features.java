package org.scratchnet.layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Fixed input features of a point (x1, x2), as the playground offers them: each term is one
 * output column, so a model that starts with this layer takes raw points.
 *
 * <pre>
 *   x  [N, 2]  →  φ(x) [N, F]    F = number of terms, in the configured order
 *   terms: x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)
 *   backward: dX[n, i] = Σ_f dΦ[n, f] · ∂φ_f/∂x_i   (∂x1²/∂x1 = 2x1, ∂(x1x2)/∂x1 = x2, ∂sin x1/∂x1 = cos x1)
 * </pre>
 *
 * No parameters. Network spec: {@code features x1 x2 x1^2} (terms separated by spaces, since
 * commas separate layers). The per-element loops live here rather than in the kernels: each
 * term is a scalar function of one row, with no product for a kernel to speed up.
 */
public final class Features implements Layer {
    /** Every term, in the order the playground lists them. */
    public static final List<String> TERMS = List.of("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)");

    /** The features layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "features";
        }

        @Override
        public List<String> tokens() {
            return List.of("features");
        }

        @Override
        public String usage() {
            return "features TERM... (of x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2))";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("terms", new ArrayList<Object>(args));
            terms(c);
            return c;
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            Features f = new Features(name, terms(config));
            f.outputShape(in);
            return f;
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            create("check", config, in);
            return Map.of();
        }

        @Override
        public String describe(Map<String, ?> config) {
            return "features " + String.join(" ", terms(config));
        }

        @Override
        public String example() {
            return "features x1 x2 x1*x2 sin(x1)";
        }

        @Override
        public String formula(Map<String, ?> config, String in, int k) {
            return "φ(" + in + ") = [" + String.join(", ", terms(config)) + "]";
        }

        @Override
        public String gradient(Map<String, ?> config, String of, String in, String dOut, int k) {
            return of.equals("input") ? dOut + " · ∂φ/∂" + in : null;
        }
    };

    private final String name;
    private final List<String> terms;
    private Tensor x;

    public Features(String name, List<String> terms) {
        this.name = name;
        this.terms = List.copyOf(terms);
        terms(Map.of("terms", this.terms));
    }

    /** The configured terms, checked: a non-empty list of distinct {@link #TERMS}. */
    static List<String> terms(Map<String, ?> config) {
        Object v = config.get("terms");
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("features: expected one or more terms of " + String.join(" ", TERMS)
                    + ", found " + Configs.describe(v));
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || !TERMS.contains(s) || out.contains(s)) {
                throw new IllegalArgumentException("features: expected distinct terms of " + String.join(" ", TERMS)
                        + ", found " + Configs.describe(o));
            }
            out.add(s);
        }
        return out;
    }

    public List<String> terms() {
        return terms;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("terms", new ArrayList<Object>(terms));
        return c;
    }

    @Override
    public int[] outputShape(int[] in) {
        if (in.length != 1 || in[0] != 2) {
            throw new ShapeException("Features(" + name + "): input is " + Configs.batchShape(in)
                    + ", the features of a point take [N, 2] (x1, x2)");
        }
        return new int[] {terms.size()};
    }

    /** x [N, 2] → φ [N, F]. */
    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (x.rank() != 2 || x.cols() != 2) {
            throw new ShapeException("Features(" + name + "): input " + x.shapeString() + ", expected [N, 2] (x1, x2)");
        }
        int n = x.rows(), f = terms.size();
        float[] in = x.data(), out = new float[n * f];
        for (int i = 0; i < n; i++) {
            float a = in[2 * i], b = in[2 * i + 1];
            for (int j = 0; j < f; j++) {
                out[i * f + j] = value(terms.get(j), a, b);
            }
        }
        if (training) {
            this.x = x;
        }
        return Tensor.of(out, n, f);
    }

    /** dΦ [N, F] → dX [N, 2]. */
    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (x == null) {
            throw new IllegalStateException(name + ": backward called before a training forward");
        }
        if (!needInputGrad) {
            return null;
        }
        int n = x.rows(), f = terms.size();
        float[] in = x.data(), g = gradOutput.data(), dx = new float[n * 2];
        for (int i = 0; i < n; i++) {
            float a = in[2 * i], b = in[2 * i + 1];
            float da = 0, db = 0;
            for (int j = 0; j < f; j++) {
                float d = g[i * f + j];
                switch (terms.get(j)) {
                    case "x1" -> da += d;
                    case "x2" -> db += d;
                    case "x1^2" -> da += 2 * a * d;
                    case "x2^2" -> db += 2 * b * d;
                    case "x1*x2" -> {
                        da += b * d;
                        db += a * d;
                    }
                    case "sin(x1)" -> da += (float) StrictMath.cos(a) * d;
                    default -> db += (float) StrictMath.cos(b) * d; // sin(x2)
                }
            }
            dx[2 * i] = da;
            dx[2 * i + 1] = db;
        }
        return Tensor.of(dx, n, 2);
    }

    /** One term of the point (a, b) = (x1, x2). StrictMath: the same bits on every JVM. */
    static float value(String term, float a, float b) {
        return switch (term) {
            case "x1" -> a;
            case "x2" -> b;
            case "x1^2" -> a * a;
            case "x2^2" -> b * b;
            case "x1*x2" -> a * b;
            case "sin(x1)" -> (float) StrictMath.sin(a);
            case "sin(x2)" -> (float) StrictMath.sin(b);
            default -> throw new IllegalArgumentException("features: unknown term '" + term + "'");
        };
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
