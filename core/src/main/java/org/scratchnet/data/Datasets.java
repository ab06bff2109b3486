package org.scratchnet.data;

import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Tensor;

/** Seeded generators for the tutorials' small datasets. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * The first tutorial's task: {@code n} points from a 2-D standard normal, label 1 when
     * x1·x2 &gt; 0 (same sign), else 0. x (n, 2), y (n, 1).
     */
    public static Dataset quadrants(int n, long seed) {
        Rng rng = Rng.forPurpose(seed, "quadrants");
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            float a = (float) rng.nextGaussian();
            float b = (float) rng.nextGaussian();
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[i] = a * b > 0 ? 1f : 0f;
        }
        return new Dataset(Tensor.of(x, n, 2), Tensor.of(y, n, 1));
    }

    /** The four XOR points 00, 01, 10, 11 with targets 0, 1, 1, 0. */
    public static Dataset xor() {
        return truthTable(new float[] {0, 1, 1, 0});
    }

    /** The four AND points with targets 0, 0, 0, 1. */
    public static Dataset and() {
        return truthTable(new float[] {0, 0, 0, 1});
    }

    /** The four OR points with targets 0, 1, 1, 1. */
    public static Dataset or() {
        return truthTable(new float[] {0, 1, 1, 1});
    }

    private static Dataset truthTable(float[] targets) {
        Tensor x = Tensor.matrix(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        return new Dataset(x, Tensor.of(targets.clone(), 4, 1));
    }
}
