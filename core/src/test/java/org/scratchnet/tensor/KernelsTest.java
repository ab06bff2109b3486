package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;

/** The vector kernels must agree with the scalar reference on every shape, including awkward ones. */
class KernelsTest {
    static final int[] SIZES = {1, 3, 7, 16, 63, 65, 257};
    private final Kernels scalar = new ScalarKernels();
    private Kernels vector;

    @BeforeEach
    void setUp() {
        assumeThat(Engine.vectorAvailable()).as("jdk.incubator.vector present").isTrue();
        vector = new VectorKernels(0, 0);
    }

    private static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    /** |a-b| <= tol * (sum of |terms|), the bound float rounding of a dot product obeys. */
    private static void assertClose(float[] expected, float[] actual, float[] magnitude, String what) {
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-5 * Math.max(1.0, magnitude[i]);
            assertThat((double) Math.abs(expected[i] - actual[i])).as("%s at %d: %s vs %s", what, i, expected[i], actual[i])
                    .isLessThanOrEqualTo(tol);
        }
    }

    private static float[] absProduct(float[] a, float[] b, int m, int k, int n, boolean transA, boolean transB) {
        float[] out = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[p * m + i] : a[i * k + p];
                    float bv = transB ? b[j * k + p] : b[p * n + j];
                    s += Math.abs(av * bv);
                }
                out[i * n + j] = (float) s;
            }
        }
        return out;
    }

    /**
     * The engine's default vector kernels send tiny calls to the scalar reference (bit for bit)
     * and keep larger ones on the vector path (which rounds differently somewhere in 64x784x32).
     */
    @Test
    void tinyCallsTakeTheScalarPathAndLargeOnesDoNot() {
        Kernels engineVector = new VectorKernels();
        Rng rng = new Rng(5);
        int[][] shapes = {{200, 2, 16}, {200, 16, 1}, {4, 30, 5}, {64, 784, 32}};
        boolean[] expectScalar = {true, true, true, false};
        for (int s = 0; s < shapes.length; s++) {
            int m = shapes[s][0], k = shapes[s][1], n = shapes[s][2];
            float[] a = random(rng, m * k), b = random(rng, k * n);
            float[] cs = new float[m * n], cv = new float[m * n];
            scalar.matmul(a, b, cs, m, k, n, false, 0, m);
            engineVector.matmul(a, b, cv, m, k, n, false, 0, m);
            assertThat(java.util.Arrays.equals(cs, cv)).as("%dx%dx%d scalar path", m, k, n).isEqualTo(expectScalar[s]);
        }
        float[] z = random(rng, 200), as = new float[200], av = new float[200];
        scalar.sigmoid(z, as, 200);
        engineVector.sigmoid(z, av, 200);
        assertThat(av).containsExactly(as);
    }

    @Test
    void allThreeProductLayoutsAgreeOnAwkwardShapes() {
        Rng rng = new Rng(7);
        int checked = 0;
        for (int m : SIZES) {
            for (int k : SIZES) {
                for (int n : SIZES) {
                    if ((long) m * k * n > 3_000_000) {
                        continue;
                    }
                    float[] a = random(rng, m * k), b = random(rng, k * n), bt = random(rng, n * k);
                    float[] c0 = random(rng, m * n);
                    for (boolean acc : new boolean[] {false, true}) {
                        float[] s = c0.clone(), v = c0.clone();
                        scalar.matmul(a, b, s, m, k, n, acc, 0, m);
                        vector.matmul(a, b, v, m, k, n, acc, 0, m);
                        assertClose(s, v, absProduct(a, b, m, k, n, false, false), "matmul " + m + "x" + k + "x" + n);
                        // a reinterpreted as stored (K,M) for the transposed-A product
                        s = c0.clone();
                        v = c0.clone();
                        scalar.matmulTransA(a, b, s, m, k, n, acc, 0, m);
                        vector.matmulTransA(a, b, v, m, k, n, acc, 0, m);
                        assertClose(s, v, absProduct(a, b, m, k, n, true, false), "transA " + m + "x" + k + "x" + n);
                        s = c0.clone();
                        v = c0.clone();
                        scalar.matmulTransB(a, bt, s, m, k, n, acc, 0, m);
                        vector.matmulTransB(a, bt, v, m, k, n, acc, 0, m);
                        assertClose(s, v, absProduct(a, bt, m, k, n, false, true), "transB " + m + "x" + k + "x" + n);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void scalarMatmulMatchesHandComputedProduct() {
        // (2,3) @ (3,2): [[1,2,3],[4,5,6]] @ [[1,0],[0,1],[1,1]] = [[4,5],[10,11]]
        float[] a = {1, 2, 3, 4, 5, 6}, b = {1, 0, 0, 1, 1, 1}, c = new float[4];
        for (Kernels k : new Kernels[] {scalar, vector}) {
            k.matmul(a, b, c, 2, 3, 2, false, 0, 2);
            assertThat(c).as(k.name()).containsExactly(4, 5, 10, 11);
        }
    }

    @Test
    void elementwiseKernelsAgreeIncludingExtremes() {
        Rng rng = new Rng(3);
        for (int len : SIZES) {
            float[] z = random(rng, len);
            for (int i = 0; i < len; i += 5) {
                z[i] *= 40; // reach the saturated ends
            }
            if (len > 2) {
                z[0] = 1e4f;
                z[1] = -1e4f;
            }
            float[] s = new float[len], v = new float[len];
            scalar.sigmoid(z, s, len);
            vector.sigmoid(z, v, len);
            for (int i = 0; i < len; i++) {
                assertThat(v[i]).isFinite().isCloseTo(s[i], org.assertj.core.data.Offset.offset(2e-7f + 2e-6f * s[i]));
            }
            scalar.tanh(z, s, len);
            vector.tanh(z, v, len);
            for (int i = 0; i < len; i++) {
                assertThat(v[i]).isCloseTo(s[i], org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
        for (int rows : new int[] {1, 3}) {
            for (int cols : SIZES) {
                float[] z = random(rng, rows * cols);
                z[0] = 1e4f;
                float[] s = new float[z.length], v = new float[z.length];
                scalar.softmaxRows(z, s, rows, cols);
                vector.softmaxRows(z, v, rows, cols);
                for (int i = 0; i < z.length; i++) {
                    assertThat(v[i]).isFinite().isCloseTo(s[i], org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
        }
    }

    @Test
    void vectorExpBasedFunctionsAreAccurateOnADenseGrid() {
        int len = 20_016;
        float[] z = new float[len];
        for (int i = 0; i < len; i++) {
            float t = (i - len / 2) / 500f; // -20 .. 20
            z[i] = i % 4 == 0 ? t * 1e-3f : t; // include tiny inputs, where tanh is nearly x
        }
        float[] s = new float[len], v = new float[len];
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 0) {
                scalar.tanh(z, s, len);
                vector.tanh(z, v, len);
            } else {
                scalar.sigmoid(z, s, len);
                vector.sigmoid(z, v, len);
            }
            for (int i = 0; i < len; i++) {
                assertThat((double) Math.abs(v[i] - s[i])).as("pass %d at z=%s: %s vs %s", pass, z[i], v[i], s[i])
                        .isLessThanOrEqualTo(1e-7 + 1e-6 * Math.abs(s[i]));
            }
        }
    }

    @Test
    void rowPartitionsGiveIdenticalBits() {
        // Any split of the output rows must reproduce the one-shot result exactly.
        Rng rng = new Rng(11);
        int m = 65, k = 300, n = 70;
        float[] a = random(rng, m * k), b = random(rng, k * n), bt = random(rng, n * k);
        float[] whole = new float[m * n], parts = new float[m * n];
        vector.matmul(a, b, whole, m, k, n, false, 0, m);
        vector.matmul(a, b, parts, m, k, n, false, 0, 13);
        vector.matmul(a, b, parts, m, k, n, false, 13, 40);
        vector.matmul(a, b, parts, m, k, n, false, 40, m);
        assertThat(parts).containsExactly(whole);
        vector.matmulTransB(a, bt, whole, m, k, n, false, 0, m);
        vector.matmulTransB(a, bt, parts, m, k, n, false, 0, 5);
        vector.matmulTransB(a, bt, parts, m, k, n, false, 5, m);
        assertThat(parts).containsExactly(whole);
    }

    @Test
    void engineThreadsGiveIdenticalBitsForLargeProducts() {
        Rng rng = new Rng(5);
        Tensor a = Tensor.of(random(rng, 200 * 300), 200, 300);
        Tensor b = Tensor.of(random(rng, 300 * 100), 300, 100);
        int saved = Engine.threads();
        try {
            Engine.setThreads(1);
            Tensor one = a.matmul(b);
            Tensor gradOne = Tensor.zeros(300, 100);
            Ops.matmulTransA(a, one, gradOne, false);
            Engine.setThreads(2);
            Tensor two = a.matmul(b);
            Tensor gradTwo = Tensor.zeros(300, 100);
            Ops.matmulTransA(a, two, gradTwo, false);
            assertThat(two.data()).containsExactly(one.data());
            assertThat(gradTwo.data()).containsExactly(gradOne.data());
        } finally {
            Engine.setThreads(saved);
        }
    }
}
