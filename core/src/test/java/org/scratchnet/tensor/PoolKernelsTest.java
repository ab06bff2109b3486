package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scratchnet.tensor.ConvTestSupport.random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;

/**
 * Pools by hand on a 4x4 plane, the vector pools bit for bit against the scalar ones on awkward
 * widths, strides and pads, and pools and batch norm giving the same bits for any thread count.
 */
class PoolKernelsTest {
    private static final ConvKernels SCALAR = new ScalarConvKernels();

    // x (1,1,4,4) = 1..16 row-major
    private static float[] oneToSixteen() {
        float[] x = new float[16];
        for (int i = 0; i < 16; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    @Test
    void smallPlaneByHand() {
        float[] x = oneToSixteen(), y = new float[4];
        int[] arg = new int[4];
        ConvGeometry two = ConvGeometry.square(1, 4, 4, 2, 2, 0);
        PoolKernels.maxPool(SCALAR, x, 1, two, y, arg);
        assertThat(y).containsExactly(6, 8, 14, 16);
        assertThat(arg).containsExactly(5, 7, 13, 15);
        PoolKernels.avgPool(SCALAR, x, 1, two, true, y);
        assertThat(y).containsExactly(3.5f, 5.5f, 11.5f, 13.5f);
        // 3x3 windows, stride 3, pad 1: the corner window holds 1,2,5,6 (sum 14) and five zeros
        ConvGeometry padded = ConvGeometry.square(1, 4, 4, 3, 3, 1);
        float[] incl = new float[4], excl = new float[4];
        PoolKernels.avgPool(SCALAR, x, 1, padded, true, incl);
        PoolKernels.avgPool(SCALAR, x, 1, padded, false, excl);
        assertThat(incl[0]).isEqualTo(14f / 9);
        assertThat(excl[0]).isEqualTo(14f / 4);
        // window 2 of row 0 covers rows -1..1 and columns 2..4: 3,4,7,8 = 22 and five pad cells
        assertThat(incl[1]).isEqualTo(22f / 9);
        assertThat(excl[1]).isEqualTo(22f / 4);
        float[] dx = new float[16];
        PoolKernels.avgPoolBackward(SCALAR, new float[] {9, 0, 0, 0}, 1, padded, true, dx);
        assertThat(dx).containsExactly(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void maxPoolTakesTheFirstMaximumAndPropagatesNaN() {
        float[] x = {1, 5, 5, 2, 0, 5, 0, 0, Float.NaN, 1, 9, 9, 0, 0, 9, 9};
        float[] y = new float[4];
        int[] arg = new int[4];
        PoolKernels.maxPool(SCALAR, x, 1, ConvGeometry.square(1, 4, 4, 2, 2, 0), y, arg);
        assertThat(arg).containsExactly(1, 2, 8, 10);
        assertThat(y[2]).isNaN();
        float[] dx = new float[16];
        PoolKernels.maxPoolBackward(SCALAR, new float[] {1, 2, 3, 4}, arg, 1, ConvGeometry.square(1, 4, 4, 2, 2, 0), dx);
        assertThat(dx).containsExactly(0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0);
    }

    @Test
    void vectorPoolsGiveTheScalarBitsOnAwkwardShapes() {
        Assumptions.assumeTrue(Engine.vectorAvailable());
        ConvKernels vector = new VectorConvKernels();
        Rng rng = new Rng(4);
        // {C, H, W, kH, kW, sH, sW, top, bottom, left, right}
        int[][] shapes = {{1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, {3, 7, 63, 2, 2, 2, 2, 0, 0, 0, 0},
                {2, 9, 65, 3, 3, 1, 1, 1, 1, 1, 1}, {1, 5, 65, 3, 3, 3, 3, 1, 0, 0, 1},
                {7, 4, 130, 2, 3, 1, 2, 1, 0, 1, 1}, {1, 3, 257, 3, 1, 2, 1, 1, 1, 0, 0}, {65, 3, 17, 1, 1, 1, 1, 0, 0, 0, 0}};
        int checked = 0;
        for (int[] s : shapes) {
            ConvGeometry g = new ConvGeometry(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10]);
            int n = 2;
            float[] x = random(rng, n * g.c * g.inPlane());
            if (x.length > 6) {
                x[3] = Float.NaN; // NaN handling in the vector compare
                x[x.length - 5] = x[x.length - 6]; // ties: the first maximum wins
            }
            int out = n * g.c * g.outPlane();
            float[] ys = new float[out], yv = new float[out];
            int[] as = new int[out], av = new int[out];
            PoolKernels.maxPool(SCALAR, x, n, g, ys, as);
            PoolKernels.maxPool(vector, x, n, g, yv, av);
            assertThat(yv).as("max %s", g).isEqualTo(ys);
            assertThat(av).as("argmax %s", g).isEqualTo(as);
            for (boolean include : new boolean[] {true, false}) {
                PoolKernels.avgPool(SCALAR, x, n, g, include, ys);
                PoolKernels.avgPool(vector, x, n, g, include, yv);
                assertThat(yv).as("avg %s include %s", g, include).isEqualTo(ys);
            }
            float sv = vector.planeSum(x, 4, x.length - 4), ss = SCALAR.planeSum(x, 4, x.length - 4);
            assertThat(Float.isNaN(sv)).isEqualTo(Float.isNaN(ss));
            float[] clean = random(rng, g.inPlane() * g.c);
            assertThat(vector.planeSum(clean, 0, clean.length))
                    .isCloseTo(SCALAR.planeSum(clean, 0, clean.length), org.assertj.core.data.Offset.offset(1e-3f));
            checked++;
        }
        assertThat(checked).isEqualTo(shapes.length);
    }

    @Test
    void poolsAndBatchNormGiveTheSameBitsForAnyThreadCount() {
        Rng rng = new Rng(6);
        int n = 32, c = 16;
        ConvGeometry g = new ConvGeometry(c, 25, 23, 3, 3, 2, 2, 1, 1, 0, 1);
        float[] x = random(rng, n * c * g.inPlane());
        float[] r = random(rng, n * c * g.outPlane());
        float[] gamma = random(rng, c), beta = random(rng, c);
        int saved = Engine.threads();
        try {
            for (ConvTestSupport.Path path : ConvTestSupport.paths()) {
                float[][] first = null;
                for (int threads : new int[] {1, 2, 3}) {
                    Engine.setThreads(threads);
                    ConvKernels ck = path.windows();
                    float[] ym = new float[r.length], ya = new float[r.length], dxm = new float[x.length], dxa = new float[x.length];
                    int[] arg = new int[r.length];
                    PoolKernels.maxPool(ck, x, n, g, ym, arg);
                    PoolKernels.maxPoolBackward(ck, r, arg, n, g, dxm);
                    PoolKernels.avgPool(ck, x, n, g, false, ya);
                    PoolKernels.avgPoolBackward(ck, r, n, g, false, dxa);
                    float[] gap = new float[n * c];
                    PoolKernels.globalAvgPool(ck, x, n * c, g.inPlane(), gap);
                    float[] mean = new float[c], var = new float[c], bn = new float[x.length], dbn = new float[x.length];
                    float[] dG = new float[c], dB = new float[c];
                    BatchNormKernels.stats(x, n, c, g.inPlane(), mean, var);
                    BatchNormKernels.normalize(x, n, c, g.inPlane(), mean, var, 1e-5f, gamma, beta, bn);
                    BatchNormKernels.backward(x, bn, n, c, g.inPlane(), mean, var, 1e-5f, gamma, dG, dB, dbn);
                    float[][] got = {ym, dxm, ya, dxa, gap, mean, var, bn, dbn, dG, dB};
                    if (first == null) {
                        first = got;
                    } else {
                        for (int k = 0; k < got.length; k++) {
                            assertThat(got[k]).as("%s, %d threads, output %d", path, threads, k).isEqualTo(first[k]);
                        }
                    }
                }
            }
        } finally {
            Engine.setThreads(saved);
        }
    }

    @Test
    void badPoolShapesAreNamed() {
        ConvGeometry tooMuchPad = ConvGeometry.square(1, 4, 4, 2, 2, 2);
        assertThatThrownBy(() -> PoolKernels.maxPool(SCALAR, new float[16], 1, tooMuchPad, new float[9], new int[9]))
                .isInstanceOf(ShapeException.class).hasMessageContaining("at most half the window 2x2");
        assertThatThrownBy(() -> PoolKernels.avgPool(SCALAR, new float[15], 1, ConvGeometry.square(1, 4, 4, 2, 2, 0), true, new float[4]))
                .isInstanceOf(ShapeException.class).hasMessageContaining("input has 15 values (needs 16)");
        assertThatThrownBy(() -> BatchNormKernels.stats(new float[5], 2, 3, 1, new float[3], new float[3]))
                .isInstanceOf(ShapeException.class).hasMessageContaining("(2,3,1)");
    }
}
