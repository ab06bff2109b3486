package org.scratchnet.web;

import java.util.List;
import org.scratchnet.tensor.Tensor;

/**
 * The playground's input terms computed from raw points: x (N, 2) → features (N, F), one column
 * per chosen term in {@link #TERMS} order. The same terms are the first layer of a downloaded
 * model, so the model takes raw x1, x2.
 */
public final class Features {
    /** Every term the page offers: x1, x2, x1², x2², x1·x2, sin x1, sin x2. */
    public static final List<String> TERMS = List.of("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)");

    private Features() {
    }

    /** x (N, 2) → (N, terms.size()). */
    public static Tensor compute(Tensor x, List<String> terms) {
        int n = x.rows();
        int f = terms.size();
        float[] in = x.data();
        float[] out = new float[n * f];
        for (int i = 0; i < n; i++) {
            float a = in[2 * i], b = in[2 * i + 1];
            for (int j = 0; j < f; j++) {
                out[i * f + j] = term(terms.get(j), a, b);
            }
        }
        return Tensor.of(out, n, f);
    }

    static float term(String name, float a, float b) {
        switch (name) {
            case "x1":
                return a;
            case "x2":
                return b;
            case "x1^2":
                return a * a;
            case "x2^2":
                return b * b;
            case "x1*x2":
                return a * b;
            case "sin(x1)":
                return (float) StrictMath.sin(a);
            case "sin(x2)":
                return (float) StrictMath.sin(b);
            default:
                throw new IllegalArgumentException("unknown feature term '" + name + "'");
        }
    }
}
