package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.ByteRows;
import org.scratchnet.init.Rng;

/**
 * A long inner dimension is summed in fixed parts ({@link Ops#matmul}): the parts depend on its
 * length only, every (part, row) is done exactly once whatever the thread count, the sum is
 * part 0 + part 1 + ... in that order, and a batch decoded part by part holds the same values.
 */
class InnerPartsTest {
    private static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian();
        }
        return a;
    }

    private static void withThreads(int t, Runnable r) {
        int saved = Engine.threads();
        try {
            Engine.setThreads(t);
            r.run();
        } finally {
            Engine.setThreads(saved);
        }
    }

    @Test
    void partsDependOnTheLengthOnly() {
        assertThat(Ops.innerParts(0)).isEqualTo(1);
        assertThat(Ops.innerParts(Ops.INNER_PART)).isEqualTo(1);
        assertThat(Ops.innerParts(Ops.INNER_PART + 1)).isEqualTo(2);
        assertThat(Ops.innerParts(784)).isEqualTo(2);
        assertThat(Ops.innerParts(3136)).isEqualTo(7);
        assertThat(Ops.partStart(784, 2, 1)).isEqualTo(392);
        Rng rng = new Rng(1);
        for (int trial = 0; trial < 300; trial++) {
            int k = 1 + (int) (rng.nextDouble() * 5000);
            int parts = Ops.innerParts(k);
            assertThat(Ops.partStart(k, parts, 0)).isZero();
            assertThat(Ops.partStart(k, parts, parts)).isEqualTo(k);
            for (int q = 1; q < parts; q++) {
                int s = Ops.partStart(k, parts, q);
                assertThat(s % 8).as("k %d part %d", k, q).isZero();
                // nearly equal parts: within 8 of an exact share
                assertThat(Math.abs(s - (double) k * q / parts)).as("k %d part %d", k, q).isLessThan(8);
                assertThat(s).isGreaterThan(Ops.partStart(k, parts, q - 1));
            }
        }
    }

    @Test
    void everyPartOfEveryRowRunsExactlyOnce() {
        for (int threads = 1; threads <= 3; threads++) {
            for (int m : new int[] {0, 1, 7, 37, 64}) {
                for (int k : new int[] {10, 784, 1500}) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(m * k);
                    int mm = m, kk = k;
                    withThreads(threads, () -> Ops.forParts(mm, kk, Long.MAX_VALUE, (q, p0, p1, r0, r1) -> {
                        assertThat(r1).as("rows of a call").isGreaterThan(r0);
                        assertThat(p0).isEqualTo(Ops.partStart(kk, Ops.innerParts(kk), q));
                        assertThat(p1).isEqualTo(Ops.partStart(kk, Ops.innerParts(kk), q + 1));
                        for (int r = r0; r < r1; r++) {
                            for (int p = p0; p < p1; p++) {
                                seen.incrementAndGet(r * kk + p);
                            }
                        }
                    }));
                    for (int i = 0; i < m * k; i++) {
                        assertThat(seen.get(i)).as("threads %d, %dx%d, cell %d", threads, m, k, i).isEqualTo(1);
                    }
                }
            }
        }
    }

    /** out = part 0 + part 1 (+ part 2), each a chain over its share of k, for both kernels and any thread count. */
    @Test
    void longProductsAreThePartsAddedInOrder() {
        Rng rng = new Rng(2);
        String saved = Engine.kernels().name();
        try {
            for (String kernels : Engine.vectorAvailable() ? new String[] {"scalar", "vector"} : new String[] {"scalar"}) {
                Kernels kern = Engine.useKernels(kernels);
                for (int[] s : new int[][] {{37, 784, 70}, {20, 300, 40}, {64, 784, 256}, {9, 1100, 33}, {64, 784, 256},
                        {3, 600, 1}, {70, 512, 64}}) {
                    int m = s[0], k = s[1], n = s[2], parts = Ops.innerParts(k);
                    Tensor a = Tensor.of(random(rng, m * k), m, k), b = Tensor.of(random(rng, k * n), k, n);
                    float[] want = new float[m * n];
                    for (int q = 0; q < parts; q++) {
                        float[] part = new float[m * n];
                        kern.matmulPart(a.data(), b.data(), part, m, k, n, Ops.partStart(k, parts, q),
                                Ops.partStart(k, parts, q + 1), 0, m);
                        for (int i = 0; i < want.length; i++) {
                            want[i] = q == 0 ? part[i] : want[i] + part[i];
                        }
                    }
                    for (int threads = 1; threads <= 3; threads++) {
                        Tensor out = Tensor.of(random(rng, m * n), m, n); // overwritten, not added to
                        withThreads(threads, () -> Ops.matmul(a, b, out));
                        assertThat(out.data()).as("%s %dx%dx%d, %d threads", kernels, m, k, n, threads)
                                .containsExactly(want);
                    }
                    // and it is the product: close to a double-precision sum
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double exact = 0;
                            for (int p = 0; p < k; p++) {
                                exact += (double) a.data()[i * k + p] * b.data()[p * n + j];
                            }
                            assertThat((double) want[i * n + j]).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-3));
                        }
                    }
                }
            }
        } finally {
            Engine.useKernels(saved);
        }
    }

    /** A part is the chain over p in [p0, p1) of the rows asked for; other rows are left alone. */
    @Test
    void aPartSumsOnlyItsRangeAndRows() {
        Rng rng = new Rng(4);
        int m = 11, k = 50, n = 20, p0 = 13, p1 = 41;
        float[] a = random(rng, m * k), b = random(rng, k * n);
        for (Kernels kern : Engine.vectorAvailable()
                ? new Kernels[] {new ScalarKernels(), new VectorKernels(0, 0)} : new Kernels[] {new ScalarKernels()}) {
            float[] c = random(rng, m * n), before = c.clone();
            kern.matmulPart(a, b, c, m, k, n, p0, p1, 3, 9);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    if (i < 3 || i >= 9) {
                        assertThat(c[i * n + j]).isEqualTo(before[i * n + j]);
                        continue;
                    }
                    float chain = 0f;
                    for (int p = p0; p < p1; p++) {
                        chain = kern instanceof ScalarKernels ? chain + a[i * k + p] * b[p * n + j]
                                : Math.fma(a[i * k + p], b[p * n + j], chain);
                    }
                    assertThat(c[i * n + j]).as("%s (%d, %d)", kern.name(), i, j).isEqualTo(chain);
                }
            }
        }
    }

    @Test
    void bytesDecodedPartByPartAreTheTablesValues() {
        Rng rng = new Rng(5);
        float[] table = new float[256];
        for (int v = 0; v < 256; v++) {
            table[v] = (v / 255f - 0.1307f) / 0.3081f;
        }
        for (int size : new int[] {10, 784}) {
            int rows = 50;
            byte[] bytes = new byte[rows * size];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (rng.nextDouble() * 256);
            }
            ByteRows br = new ByteRows(bytes, rows, new int[] {size}, table);
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = (i * 17 + 3) % rows;
            }
            for (int threads = 1; threads <= 3; threads++) {
                float[] dst = new float[37 * size];
                withThreads(threads, () -> br.gather(order, 5, 42, dst));
                for (int r = 0; r < 37; r++) {
                    for (int j = 0; j < size; j++) {
                        assertThat(dst[r * size + j]).as("size %d row %d value %d", size, r, j)
                                .isEqualTo(table[bytes[order[5 + r] * size + j] & 0xFF]);
                    }
                }
            }
        }
    }
}
