package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scratchnet.tensor.ConvTestSupport.convDirect;
import static org.scratchnet.tensor.ConvTestSupport.dot;
import static org.scratchnet.tensor.ConvTestSupport.maxAbs;
import static org.scratchnet.tensor.ConvTestSupport.random;

import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.ConvTestSupport.Path;

/**
 * Convolution against its definition: the forward pass against a direct sum in double, every
 * gradient against central differences of the loss Σ y·r (r random, so dY = r), in both kernel
 * paths, on awkward sizes (1, 3, 7, 63, 65 channels, filters or pixels), strides and one-sided
 * pads; and the same bits for any thread count.
 */
class Conv2dKernelTest {
    /** {N, C, H, W, O, kH, kW, sH, sW, top, bottom, left, right} */
    private static final int[][] CASES = {
            {2, 3, 7, 7, 4, 3, 3, 1, 1, 0, 0, 0, 0},
            {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0},
            {3, 1, 5, 6, 7, 3, 3, 1, 1, 1, 1, 1, 1},    // "same" for 3x3
            {2, 65, 3, 3, 3, 3, 3, 1, 1, 0, 1, 1, 0},   // one-sided pads, as "same" for even kernels
            {1, 2, 9, 63, 3, 3, 2, 2, 3, 1, 0, 2, 1},   // strides that do not divide, asymmetric kernel
            {2, 7, 4, 65, 65, 2, 3, 2, 1, 0, 0, 1, 1},
            {1, 63, 3, 7, 1, 3, 5, 1, 1, 0, 2, 0, 0},
    };

    private static ConvGeometry geometry(int[] s) {
        return new ConvGeometry(s[1], s[2], s[3], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12]);
    }

    @Test
    void forwardAndEveryGradientMatchTheDefinitionInBothPaths() {
        Rng rng = new Rng(11);
        int checked = 0;
        for (int[] s : CASES) {
            int n = s[0], o = s[4];
            ConvGeometry g = geometry(s);
            float[] x = random(rng, n * g.c * g.inPlane());
            float[] w = random(rng, o * g.patch());
            float[] b = random(rng, o);
            float[] r = random(rng, n * o * g.outPlane());
            double[] want = convDirect(x, n, g, w, b, o);
            for (Path path : ConvTestSupport.paths()) {
                String what = path + " " + Arrays.toString(s);
                Conv2dKernel conv = new Conv2dKernel(g, o, path.products(), path.windows());
                float[] y = new float[want.length];
                conv.forward(x, n, w, b, y);
                double tol = 1e-5 * Math.max(1, maxAbs(want)) * Math.sqrt(g.patch());
                for (int i = 0; i < y.length; i++) {
                    assertThat((double) y[i]).as("%s y[%d]", what, i).isCloseTo(want[i], org.assertj.core.data.Offset.offset(tol));
                }
                float[] dW = new float[w.length], dB = new float[o], dX = new float[x.length];
                Arrays.fill(dW, 0.5f); // backward adds into the parameter gradients
                Arrays.fill(dB, -0.25f);
                conv.backward(r, n, w, dW, dB, dX, true);
                checked += fd(what + " dW", w, dW, 0.5, rng, () -> dot(convDirect(x, n, g, w, b, o), r));
                checked += fd(what + " dB", b, dB, -0.25, rng, () -> dot(convDirect(x, n, g, w, b, o), r));
                checked += fd(what + " dX", x, dX, 0, rng, () -> dot(convDirect(x, n, g, w, b, o), r));
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    /**
     * Central differences of the loss at up to 64 indices of p (all of them when there are no more), against
     * grad − base (what backward added). The loss is accumulated in double; relative error
     * |a − n| / max(|a| + |n|, 1e-2) must stay below 1e-4 (the floor absorbs float
     * rounding of sums of a hundred terms near zero).
     */
    private static int fd(String what, float[] p, float[] grad, double base, Rng rng, DoubleSupplier loss) {
        int count = Math.min(p.length, 64);
        for (int t = 0; t < count; t++) {
            int i = p.length <= 64 ? t : rng.nextInt(p.length);
            float saved = p[i];
            float eps = 1e-2f;
            p[i] = saved + eps;
            double up = loss.getAsDouble();
            p[i] = saved - eps;
            double down = loss.getAsDouble();
            p[i] = saved;
            double numeric = (up - down) / ((double) (saved + eps) - (double) (saved - eps));
            double analytic = grad[i] - base;
            double rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-2);
            assertThat(rel).as("%s[%d]: backward %s, central difference %s", what, i, analytic, numeric).isLessThan(1e-4);
        }
        return count;
    }

    @Test
    void theGradientCheckCatchesAPlantedWrongDerivative() {
        Rng rng = new Rng(5);
        ConvGeometry g = ConvGeometry.square(2, 5, 5, 3, 1, 1);
        float[] x = random(rng, 2 * g.c * g.inPlane()), w = random(rng, 3 * g.patch()), r = random(rng, 2 * 3 * g.outPlane());
        Conv2dKernel conv = new Conv2dKernel(g, 3, new ScalarKernels(), new ScalarConvKernels());
        conv.forward(x, 2, w, null, new float[r.length]);
        float[] dW = new float[w.length];
        conv.backward(r, 2, w, dW, null, null, false);
        dW[7] *= 1.01f; // off by one percent
        assertThatThrownBy(() -> fd("dW", w, dW, 0, rng, () -> dot(convDirect(x, 2, g, w, null, 3), r)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("dW[7]");
    }

    @Test
    void anyThreadCountGivesTheSameBits() {
        Rng rng = new Rng(2);
        int n = 16, o = 16;
        ConvGeometry g = new ConvGeometry(5, 21, 19, 3, 3, 1, 1, 1, 1, 0, 2);
        float[] x = random(rng, n * g.c * g.inPlane()), w = random(rng, o * g.patch()), b = random(rng, o);
        float[] r = random(rng, n * o * g.outPlane());
        int saved = Engine.threads();
        try {
            for (Path path : ConvTestSupport.paths()) {
                float[][] first = null;
                for (int threads : new int[] {1, 2, 3}) {
                    Engine.setThreads(threads);
                    Conv2dKernel conv = new Conv2dKernel(g, o, path.products(), path.windows());
                    float[] y = new float[r.length], dW = new float[w.length], dB = new float[o], dX = new float[x.length];
                    conv.forward(x, n, w, b, y);
                    conv.backward(r, n, w, dW, dB, dX, true);
                    float[][] got = {y, dW, dB, dX};
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
    void scalarAndVectorPathsAgreeOnALargerLayer() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Engine.vectorAvailable());
        Rng rng = new Rng(8);
        int n = 4, o = 64;
        ConvGeometry g = ConvGeometry.square(32, 13, 13, 3, 1, 0);
        float[] x = random(rng, n * g.c * g.inPlane()), w = random(rng, o * g.patch()), b = random(rng, o);
        float[] r = random(rng, n * o * g.outPlane());
        float[][] out = new float[2][];
        float[][] grads = new float[2][];
        for (int k = 0; k < 2; k++) {
            Path path = ConvTestSupport.paths().get(k);
            Conv2dKernel conv = new Conv2dKernel(g, o, path.products(), path.windows());
            out[k] = new float[r.length];
            conv.forward(x, n, w, b, out[k]);
            grads[k] = new float[w.length + x.length];
            float[] dW = new float[w.length], dX = new float[x.length];
            conv.backward(r, n, w, dW, null, dX, false);
            System.arraycopy(dW, 0, grads[k], 0, dW.length);
            System.arraycopy(dX, 0, grads[k], dW.length, dX.length);
        }
        for (int i = 0; i < out[0].length; i++) {
            assertThat(out[1][i]).as("y[%d]", i).isCloseTo(out[0][i], org.assertj.core.data.Offset.offset(2e-4f));
        }
        for (int i = 0; i < grads[0].length; i++) {
            assertThat(grads[1][i]).as("grad[%d]", i).isCloseTo(grads[0][i], org.assertj.core.data.Offset.offset(5e-3f));
        }
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(() -> ConvGeometry.square(3, 2, 2, 5, 1, 0))
                .isInstanceOf(ShapeException.class).hasMessageContaining("window 5x5 does not fit input (3,2,2)");
        Conv2dKernel conv = new Conv2dKernel(ConvGeometry.square(3, 4, 4, 3, 1, 0), 2);
        assertThatThrownBy(() -> conv.forward(new float[10], 1, new float[54], null, new float[8]))
                .isInstanceOf(ShapeException.class).hasMessageContaining("x has 10 values, needs 48");
        assertThatThrownBy(() -> conv.backward(new float[8], 1, new float[54], new float[54], null, null, true))
                .isInstanceOf(IllegalStateException.class);
    }
}
