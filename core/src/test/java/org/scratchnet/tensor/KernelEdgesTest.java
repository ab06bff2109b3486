package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.scratchnet.tensor.ConvTestSupport.random;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;

/**
 * The edges of the image kernels' contracts: arrays of exactly the needed size pass and one value
 * short fail with the array named; outputs documented as overwritten are, whatever they held;
 * gradients documented as added to are; optional arguments (bias, γ, β, dγ, dβ, dX) may be null.
 * Batch norm by hand on x (N=2, C=2, S=2): channel 0 holds 1, 3, 5, 7 (mean 4, var 5), channel 1
 * 10, 10, 10, 14 (mean 11, var 3).
 */
class KernelEdgesTest {
    private static final float[] BN_X = {1, 3, 10, 10, 5, 7, 10, 14};

    @Test
    void batchNormStatsAndNormalizeByHand() {
        float[] mean = new float[2], var = new float[2];
        BatchNormKernels.stats(BN_X, 2, 2, 2, mean, var);
        assertThat(mean).containsExactly(4f, 11f);
        assertThat(var).containsExactly(5f, 3f);
        float[] y = new float[8];
        BatchNormKernels.normalize(BN_X, 2, 2, 2, mean, var, 0f, null, null, y);
        double r5 = Math.sqrt(5), r3 = Math.sqrt(3);
        double[] plain = {-3 / r5, -1 / r5, -1 / r3, -1 / r3, 1 / r5, 3 / r5, -1 / r3, 3 / r3};
        for (int i = 0; i < 8; i++) {
            assertThat((double) y[i]).as("y[%d]", i).isCloseTo(plain[i], offset(1e-6));
        }
        float[] affine = BN_X.clone(); // y may be x
        BatchNormKernels.normalize(affine, 2, 2, 2, mean, var, 0f, new float[] {2, 1}, new float[] {0.5f, -1}, affine);
        for (int i = 0; i < 8; i++) {
            boolean c0 = (i / 2) % 2 == 0;
            assertThat((double) affine[i]).as("affine[%d]", i).isCloseTo(c0 ? 2 * plain[i] + 0.5 : plain[i] - 1, offset(1e-6));
        }
        // eps enters under the root: var 5 + eps 4 gives 1/3
        BatchNormKernels.normalize(BN_X, 2, 2, 2, mean, var, 4f, null, null, y);
        assertThat(y[0]).isCloseTo(-1f, offset(1e-6f));
    }

    @Test
    void batchNormBackwardAddsToDGammaDBetaAndOverwritesDx() {
        float[] mean = {4, 11}, var = {5, 3};
        float[] dy = {1, 0, 0, 0, 0, 0, 0, 2};
        float[] dG = {10, 20}, dB = {1, 1}, dx = new float[8];
        Arrays.fill(dx, Float.NaN);
        BatchNormKernels.backward(BN_X, dy, 2, 2, 2, mean, var, 0f, new float[] {2, 1}, dG, dB, dx);
        double r5 = Math.sqrt(5), r3 = Math.sqrt(3);
        assertThat((double) dG[0]).isCloseTo(10 - 3 / r5, offset(1e-5));
        assertThat((double) dG[1]).isCloseTo(20 + 6 / r3, offset(1e-5));
        assertThat(dB).containsExactly(2f, 3f);
        // dX = γ/σ (dY − Σ dY/M − x̂ Σ dY·x̂ / M), M = 4; first value of channel 0: x̂ = −3/√5
        double expect0 = 2 / r5 * (1 - 0.25 - (-3 / r5) * (-3 / r5) / 4);
        assertThat((double) dx[0]).isCloseTo(expect0, offset(1e-6));
        // the gradient through the batch mean sums to zero over each channel
        assertThat((double) dx[0] + dx[1] + dx[4] + dx[5]).isCloseTo(0, offset(1e-6));
        assertThat((double) dx[2] + dx[3] + dx[6] + dx[7]).isCloseTo(0, offset(1e-6));
        assertThat((double) dx[1]).isCloseTo(2 / r5 * (0 - 0.25 - (-1 / r5) * (-3 / r5) / 4), offset(1e-6));
        // eps enters under the root here too: var 5 + eps 4 gives 1/σ = 1/3
        float[] dxEps = new float[8];
        BatchNormKernels.backward(BN_X, dy, 2, 2, 2, mean, var, 4f, new float[] {2, 1}, null, null, dxEps);
        assertThat((double) dxEps[0]).isCloseTo(2 / 3.0 * (1 - 0.25 - (-1.0) * (-1.0) / 4), offset(1e-6));
        // γ null means 1; dγ and dβ may be null
        float[] dx1 = new float[8];
        BatchNormKernels.backward(BN_X, dy, 2, 2, 2, mean, var, 0f, null, null, null, dx1);
        for (int i = 0; i < 8; i++) {
            boolean c0 = (i / 2) % 2 == 0;
            assertThat(dx1[i]).as("dx1[%d]", i).isCloseTo(c0 ? dx[i] / 2 : dx[i], offset(1e-6f));
        }
    }

    @Test
    void batchNormRunningStatisticsFollowPyTorch() {
        float[] rm = {0, 1}, rv = {1, 1};
        // momentum 0.1, M = 4: running var takes the unbiased batch var 5·4/3
        BatchNormKernels.updateRunning(rm, rv, new float[] {4, 11}, new float[] {5, 3}, 2, 4, 0.1f);
        assertThat((double) rm[0]).isCloseTo(0.4, offset(1e-6));
        assertThat((double) rm[1]).isCloseTo(0.9 + 1.1, offset(1e-6));
        assertThat((double) rv[0]).isCloseTo(0.9 + 0.1 * 5 * 4 / 3.0, offset(1e-6));
        assertThat((double) rv[1]).isCloseTo(0.9 + 0.1 * 3 * 4 / 3.0, offset(1e-6));
        // one value per channel: nothing to unbias
        float[] m1 = {0}, v1 = {0};
        BatchNormKernels.updateRunning(m1, v1, new float[] {2}, new float[] {3}, 1, 1, 0.5f);
        assertThat(m1[0]).isEqualTo(1f);
        assertThat(v1[0]).isEqualTo(1.5f);
        // only the first c channels move
        float[] m2 = {0, 0}, v2 = {0, 0};
        BatchNormKernels.updateRunning(m2, v2, new float[] {2, 2}, new float[] {2, 2}, 1, 2, 1f);
        assertThat(m2).containsExactly(2f, 0f);
        assertThat(v2).containsExactly(4f, 0f);
    }

    @Test
    void batchNormShapesAreChecked() {
        float[] m = new float[2], v = new float[2];
        BatchNormKernels.stats(new float[8], 2, 2, 2, m, v); // exactly (2,2,2): fine
        float[] one = {3};
        BatchNormKernels.stats(one, 1, 1, 1, m, v); // one image, one channel, one value: allowed
        assertThat(m[0]).isEqualTo(3f);
        assertThat(v[0]).isZero();
        assertThatThrownBy(() -> BatchNormKernels.stats(new float[7], 2, 2, 2, m, v))
                .isInstanceOf(ShapeException.class).hasMessage("batchnorm stats: input of 7 values does not hold (2,2,2)");
        for (int[] bad : new int[][] {{0, 2, 2}, {2, 0, 2}, {2, 2, 0}}) {
            assertThatThrownBy(() -> BatchNormKernels.stats(new float[8], bad[0], bad[1], bad[2], m, v))
                    .as(Arrays.toString(bad)).isInstanceOf(ShapeException.class);
        }
        assertThatThrownBy(() -> BatchNormKernels.normalize(new float[7], 2, 2, 2, m, v, 1e-5f, null, null, new float[8]))
                .hasMessageContaining("batchnorm normalize");
        assertThatThrownBy(() -> BatchNormKernels.backward(new float[8], new float[7], 2, 2, 2, m, v, 1e-5f, null, null,
                null, new float[8])).hasMessageContaining("batchnorm backward gradient: input of 7 values");
        assertThatThrownBy(() -> BatchNormKernels.backward(new float[7], new float[8], 2, 2, 2, m, v, 1e-5f, null, null,
                null, new float[8])).hasMessageContaining("batchnorm backward: input of 7 values");
    }

    @Test
    void poolBackwardsOverwriteDxAndPoolShapesAreChecked() {
        for (ConvTestSupport.Path path : ConvTestSupport.paths()) {
            ConvKernels ck = path.windows();
            ConvGeometry two = ConvGeometry.square(1, 4, 4, 2, 2, 0);
            float[] x = new float[16];
            for (int i = 0; i < 16; i++) {
                x[i] = i + 1;
            }
            float[] y = new float[4];
            int[] arg = new int[4];
            PoolKernels.maxPool(ck, x, 1, two, y, arg); // exact sizes pass
            float[] dx = new float[16];
            Arrays.fill(dx, 7f);
            PoolKernels.maxPoolBackward(ck, new float[] {1, 2, 3, 4}, arg, 1, two, dx);
            assertThat(dx).as(path.name()).containsExactly(0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4);
            Arrays.fill(dx, 7f);
            PoolKernels.avgPoolBackward(ck, new float[] {4, 0, 0, 8}, 1, two, true, dx);
            assertThat(dx).as(path.name()).containsExactly(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 2, 2, 0, 0, 2, 2);
            assertThatThrownBy(() -> PoolKernels.maxPool(ck, x, 1, two, new float[3], arg)).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("output 3 (needs 4)");
            assertThatThrownBy(() -> PoolKernels.maxPool(ck, new float[15], 1, two, y, arg))
                    .hasMessageContaining("input has 15 values (needs 16)");
            assertThatThrownBy(() -> PoolKernels.maxPoolBackward(ck, new float[3], arg, 1, two, new float[16]))
                    .hasMessageContaining("maxpool backward");
            assertThatThrownBy(() -> PoolKernels.avgPoolBackward(ck, new float[4], 1, two, true, new float[15]))
                    .hasMessageContaining("avgpool backward");
            assertThatThrownBy(() -> PoolKernels.avgPool(ck, x, 1, two, true, new float[3]))
                    .hasMessageContaining("avgpool");
            // two images of two channels: sizes count n·c planes
            ConvGeometry two2 = ConvGeometry.square(2, 4, 4, 2, 2, 0);
            PoolKernels.avgPool(ck, new float[64], 2, two2, true, new float[16]);
            assertThatThrownBy(() -> PoolKernels.avgPool(ck, new float[63], 2, two2, true, new float[16]))
                    .hasMessageContaining("input has 63 values (needs 64)");
            assertThatThrownBy(() -> PoolKernels.avgPool(ck, new float[64], 2, two2, true, new float[15]))
                    .hasMessageContaining("output 15 (needs 16)");
            // planes of one pixel are their own mean
            float[] single = new float[3];
            PoolKernels.globalAvgPool(ck, new float[] {1, 2, 3}, 3, 1, single);
            assertThat(single).containsExactly(1, 2, 3);
            float[] singleBack = new float[3];
            PoolKernels.globalAvgPoolBackward(new float[] {4, 5, 6}, 3, 1, singleBack);
            assertThat(singleBack).containsExactly(4, 5, 6);
            // global average: plane means, and every pixel gets dY / S
            float[] gap = new float[2];
            PoolKernels.globalAvgPool(ck, new float[] {1, 2, 3, 6, 10, 20, 30, 40}, 2, 4, gap);
            assertThat(gap).containsExactly(3f, 25f);
            float[] back = new float[8];
            Arrays.fill(back, 7f);
            PoolKernels.globalAvgPoolBackward(new float[] {4, 8}, 2, 4, back);
            assertThat(back).containsExactly(1, 1, 1, 1, 2, 2, 2, 2);
            assertThatThrownBy(() -> PoolKernels.globalAvgPool(ck, new float[7], 2, 4, new float[2]))
                    .isInstanceOf(ShapeException.class).hasMessage("global average pool: 2 planes of 4 pixels need an input "
                            + "of 8 and an output of 2 values, got 7 and 2");
            assertThatThrownBy(() -> PoolKernels.globalAvgPool(ck, new float[8], 2, 4, new float[1]))
                    .hasMessageContaining("got 8 and 1");
            assertThatThrownBy(() -> PoolKernels.globalAvgPool(ck, new float[8], 2, 0, new float[2]))
                    .isInstanceOf(ShapeException.class);
            assertThatThrownBy(() -> PoolKernels.globalAvgPoolBackward(new float[2], 2, 4, new float[7]))
                    .isInstanceOf(ShapeException.class).hasMessage("global average pool backward: 2 planes of 4 pixels "
                            + "need a gradient of 2 and an output of 8 values, got 2 and 7");
            assertThatThrownBy(() -> PoolKernels.globalAvgPoolBackward(new float[1], 2, 4, new float[8]))
                    .hasMessageContaining("got 1 and 8");
            assertThatThrownBy(() -> PoolKernels.globalAvgPoolBackward(new float[2], 2, 0, new float[8]))
                    .isInstanceOf(ShapeException.class);
        }
    }

    @Test
    void convAccumulatesOrOverwritesAndChecksEveryArray() {
        for (ConvTestSupport.Path path : ConvTestSupport.paths()) {
            ConvGeometry g = ConvGeometry.square(2, 5, 4, 3, 1, 1); // (2,5,4) → (O,5,4), patch 18
            int o = 3, n = 2, q = g.patch(), outLen = n * o * g.outPlane();
            Conv2dKernel conv = new Conv2dKernel(g, o, path.products(), path.windows());
            assertThat(conv.geometry()).isSameAs(g);
            assertThat(conv.macsPerImage()).isEqualTo(20L * 18 * 3);
            Rng rng = new Rng(4);
            float[] x = random(rng, n * 2 * 20), w = random(rng, o * q), b = random(rng, o), dY = random(rng, outLen);
            float[] y = new float[outLen], yNoBias = new float[outLen];
            conv.forward(x, n, w, b, y);
            conv.forward(x, n, w, null, yNoBias);
            for (int i = 0; i < outLen; i++) {
                assertThat(y[i]).isCloseTo(yNoBias[i] + b[i / g.outPlane() % o], offset(1e-6f));
            }
            float[] dW = new float[o * q], dB = new float[o], dX = new float[x.length];
            Arrays.fill(dX, Float.NaN);
            conv.backward(dY, n, w, dW, dB, dX, false);
            assertThat(dX).doesNotContain(Float.NaN);
            float[] dW2 = new float[o * q], dB2 = new float[o];
            Arrays.fill(dW2, 1f);
            Arrays.fill(dB2, 2f);
            conv.backward(dY, n, w, dW2, dB2, null, true);
            for (int i = 0; i < dW.length; i++) {
                assertThat(dW2[i]).as("%s dW[%d]", path.name(), i).isCloseTo(dW[i] + 1f, offset(1e-5f));
            }
            for (int i = 0; i < o; i++) {
                assertThat(dB2[i]).isCloseTo(dB[i] + 2f, offset(1e-5f));
                float sum = 0;
                for (int j = 0; j < n; j++) {
                    for (int t = 0; t < g.outPlane(); t++) {
                        sum += dY[(j * o + i) * g.outPlane() + t];
                    }
                }
                assertThat(dB[i]).isCloseTo(sum, offset(1e-5f));
            }
            Arrays.fill(dW2, 1f);
            Arrays.fill(dB2, 2f);
            conv.backward(dY, n, w, dW2, dB2, null, false); // overwritten
            assertThat(dW2).containsExactly(dW);
            assertThat(dB2).containsExactly(dB);
            assertThatThrownBy(() -> conv.forward(x, n, new float[o * q - 1], b, y)).hasMessageContaining("w has 53 values, needs 54");
            assertThatThrownBy(() -> conv.forward(x, n, w, b, new float[outLen - 1])).hasMessageContaining("y has 119 values, needs 120");
            assertThatThrownBy(() -> conv.forward(x, n, w, new float[o - 1], y)).hasMessageContaining("b has 2 values, needs 3");
            assertThatThrownBy(() -> conv.backward(new float[outLen - 1], n, w, dW, dB, dX, false)).hasMessageContaining("dY has 119");
            assertThatThrownBy(() -> conv.backward(dY, n, w, new float[o * q - 1], dB, dX, false)).hasMessageContaining("dW has 53");
            assertThatThrownBy(() -> conv.backward(dY, n, w, dW, new float[o - 1], dX, false)).hasMessageContaining("dB has 2");
            assertThatThrownBy(() -> conv.backward(dY, n, w, dW, dB, new float[x.length - 1], false)).hasMessageContaining("dX has 79");
            assertThatThrownBy(() -> conv.backward(random(rng, 3 * outLen), 3, w, dW, dB, null, false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("for 3 images without a forward pass");
            assertThatThrownBy(() -> new Conv2dKernel(g, 0)).hasMessage("conv2d: filters must be >= 1, got 0");
        }
    }
}
