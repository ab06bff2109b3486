package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransposeTest {
    @Test
    void movesEveryFloatAndLeavesThePaddingAlone() {
        for (int n = 1; n <= 9; n++) {
            for (int k = 1; k <= 9; k++) {
                int np = n + 3;
                float[] b = new float[n * k];
                for (int i = 0; i < b.length; i++) {
                    b[i] = i + 1;
                }
                float[] bp = new float[k * np];
                java.util.Arrays.fill(bp, -1f);
                Transpose.copy(b, k, n, bp, np);
                for (int p = 0; p < k; p++) {
                    for (int j = 0; j < np; j++) {
                        float want = j < n ? b[j * k + p] : -1f;
                        assertThat(bp[p * np + j]).as("n %d k %d p %d j %d", n, k, p, j).isEqualTo(want);
                    }
                }
            }
        }
    }
}
