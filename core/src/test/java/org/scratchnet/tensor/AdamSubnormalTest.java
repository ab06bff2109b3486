package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;

/**
 * Adam's moments never stay subnormal: a moment below {@link Float#MIN_NORMAL} is stored as +0,
 * on the scalar and the vector path alike and with the same bits, while the weights move exactly
 * as the textbook update (no flushing) moves them.
 */
class AdamSubnormalTest {
    private static final float B1 = 0.9f, B2 = 0.999f, STEP = 1e-3f, INV = 1.2f, EPS = 1e-8f;

    private static List<Kernels> kernels() {
        List<Kernels> k = new ArrayList<>(List.of(new ScalarKernels()));
        if (Engine.vectorAvailable()) {
            k.add(new VectorKernels(0, 0));
            k.add(new VectorKernels());
        }
        return k;
    }

    @Test
    void aDecayingMomentBecomesZeroWhereItWouldTurnSubnormal() {
        for (Kernels k : kernels()) {
            int n = 37; // whole vectors and a tail
            float[] w = new float[n], g = new float[n], m = new float[n], v = new float[n];
            java.util.Arrays.fill(w, 0.25f);
            java.util.Arrays.fill(m, 4 * Float.MIN_NORMAL);
            java.util.Arrays.fill(v, 1e-6f);
            int steps = 0;
            while (m[0] != 0f) {
                k.adamStep(w, g, m, v, 0, n, B1, B2, STEP, INV, EPS, 0f);
                steps++;
                for (float x : m) {
                    assertThat(x == 0f || Math.abs(x) >= Float.MIN_NORMAL).as("%s: m = %s", k.name(), x).isTrue();
                }
            }
            // 4·MIN_NORMAL·0.9^s falls below MIN_NORMAL after 14 steps (without the flush: about 150 more)
            assertThat(steps).as(k.name()).isEqualTo(14);
            assertThat(Float.floatToRawIntBits(m[n - 1])).isZero(); // +0, not -0
            assertThat(w).containsOnly(0.25f);
        }
    }

    @Test
    void bothPathsGiveTheSameBitsAndTheTextbookWeights() {
        Rng rng = new Rng(5);
        int n = 1000;
        float[] w0 = new float[n], g = new float[n], m0 = new float[n], v0 = new float[n];
        for (int i = 0; i < n; i++) {
            w0[i] = (float) rng.nextGaussian() * 0.1f;
            int kind = i % 5;
            g[i] = kind == 0 ? 0f : kind == 1 ? (float) rng.nextGaussian() * 1e-19f : (float) rng.nextGaussian() * 1e-3f;
            m0[i] = kind < 3 ? (float) (rng.nextDouble() * 1.5 * Float.MIN_NORMAL) * (i % 2 == 0 ? 1 : -1)
                    : (float) rng.nextGaussian() * 1e-3f;
            v0[i] = kind == 3 ? Float.MIN_NORMAL * 1.001f : (float) rng.nextDouble() * 1e-6f;
        }
        m0[10] = -0f;
        m0[20] = Float.NaN;
        float[][] ref = null;
        for (Kernels k : kernels()) {
            float[] w = w0.clone(), m = m0.clone(), v = v0.clone();
            k.adamStep(w, g, m, v, 0, n, B1, B2, STEP, INV, EPS, 0f);
            if (ref == null) {
                ref = new float[][] {w, m, v};
            } else {
                assertThat(w).as(k.name()).containsExactly(ref[0]);
                assertThat(m).as(k.name()).containsExactly(ref[1]);
                assertThat(v).as(k.name()).containsExactly(ref[2]);
            }
        }
        int flushed = 0;
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float m = B1 * m0[i] + (1 - B1) * gi;
            float v = B2 * v0[i] + (1 - B2) * gi * gi;
            float w = w0[i] - STEP * m / ((float) Math.sqrt(v) * INV + EPS);
            if (i == 20) {
                assertThat(ref[1][i]).isNaN();
                continue;
            }
            boolean subM = Math.abs(m) < Float.MIN_NORMAL, subV = Math.abs(v) < Float.MIN_NORMAL;
            flushed += subM ? 1 : 0;
            assertThat(Float.floatToRawIntBits(ref[1][i])).as("m[%d]", i).isEqualTo(Float.floatToRawIntBits(subM ? 0f : m));
            assertThat(Float.floatToRawIntBits(ref[2][i])).as("v[%d]", i).isEqualTo(Float.floatToRawIntBits(subV ? 0f : v));
            assertThat(ref[0][i]).as("w[%d]", i).isEqualTo(w);
        }
        assertThat(flushed).as("moments that were flushed").isGreaterThan(100);
    }
}
