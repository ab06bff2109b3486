package org.scratchnet.tensor;

import static org.scratchnet.tensor.VectorTiles.L;

/**
 * Drivers for the three product layouts of a dense layer on the {@link VectorTiles} micro-kernels:
 * x@w and xᵀ@dZ directly (A read with strides), dZ@wᵀ by first transposing w into a (K, N) panel.
 * Widths that are not a multiple of the vector length L (the 256→10 layer) are padded to one
 * in per-thread scratch panels, so the 10 outputs use one masked-free vector instead of scalar
 * loops. Very short row ranges skip the panels, which would cost more than they save.
 *
 * <p>Whatever the path, c(i,j) is a single fused-multiply-add chain over p in increasing order,
 * starting from 0 or from c's old value; row splits between threads cannot change a bit.
 */
final class VectorGemm {
    /** Inner-dimension block: a KB x 3L slice of b (12 KB with AVX2, 24 KB with AVX-512) stays in L1 for every row tile. */
    static final int KB = 128;
    /** Below this many rows, padding or transposing b costs more than it saves. */
    static final int PANEL_MIN_ROWS = 4;
    /** 8-row tiles (AVX-512's 32 registers) or 4-row tiles (AVX2's 16); tests switch it to cover both. */
    static volatile boolean tallTiles = VectorTiles.ROWS == 8;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private VectorGemm() {
    }

    /** c (M,N) [+]= A (M,K) @ b (K,N) for rows [r0, r1), with A(i,p) = a[i·ars + p·acs]. */
    static void gemm(float[] a, int ars, int acs, float[] b, float[] c, int k, int n,
                     boolean accumulate, int r0, int r1) {
        int rows = r1 - r0;
        if (rows <= 0) {
            return;
        }
        if (n % L == 0 || rows < PANEL_MIN_ROWS) {
            block(a, r0 * ars, ars, acs, b, n, c, r0 * n, n, k, rows, n, accumulate);
            return;
        }
        int np = roundUp(n);
        float[] bp = scratch(0, k * np);
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, p * n, bp, p * np, n);
            java.util.Arrays.fill(bp, p * np + n, (p + 1) * np, 0f);
        }
        padded(a, r0 * ars, ars, acs, bp, np, c, n, k, r0, r1, accumulate);
    }

    /** c (M,N) [+]= a (M,K) @ bᵀ for rows [r0, r1), b stored (N,K). */
    static void gemmTransB(float[] a, float[] b, float[] c, int k, int n, boolean accumulate, int r0, int r1) {
        int rows = r1 - r0;
        if (rows <= 0) {
            return;
        }
        if (rows < PANEL_MIN_ROWS || k == 0) {
            for (int i = r0; i < r1; i++) {
                for (int j = 0; j < n; j++) {
                    float acc = accumulate ? c[i * n + j] : 0f;
                    for (int p = 0; p < k; p++) {
                        acc = Math.fma(a[i * k + p], b[j * k + p], acc);
                    }
                    c[i * n + j] = acc;
                }
            }
            return;
        }
        // bᵀ as a (K, np) panel, zero-padded on the right
        int np = roundUp(n);
        float[] bp = scratch(0, k * np);
        for (int j = 0; j < n; j++) {
            int src = j * k;
            for (int p = 0; p < k; p++) {
                bp[p * np + j] = b[src + p];
            }
        }
        for (int p = 0; p < k; p++) {
            java.util.Arrays.fill(bp, p * np + n, (p + 1) * np, 0f);
        }
        if (np == n) {
            block(a, r0 * k, k, 1, bp, np, c, r0 * n, n, k, rows, n, accumulate);
        } else {
            padded(a, r0 * k, k, 1, bp, np, c, n, k, r0, r1, accumulate);
        }
    }

    // c rows [r0, r1) through a (rows, np) scratch panel: copy in (if accumulating), multiply, copy out
    private static void padded(float[] a, int ao, int ars, int acs, float[] bp, int np, float[] c, int n, int k,
                               int r0, int r1, boolean accumulate) {
        int rows = r1 - r0;
        float[] cp = scratch(1, rows * np);
        if (accumulate) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(c, (r0 + i) * n, cp, i * np, n);
            }
        }
        block(a, ao, ars, acs, bp, np, cp, 0, np, k, rows, np, accumulate);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(cp, i * np, c, (r0 + i) * n, n);
        }
    }

    /**
     * The blocked loop: c(i,j) at c[co + i·ldc + j] for i in [0, rows), j in [0, n);
     * A(i,p) = a[ao + i·ars + p·acs]; b(p,j) = b[p·ldb + j].
     */
    private static void block(float[] a, int ao, int ars, int acs, float[] b, int ldb, float[] c, int co, int ldc,
                              int k, int rows, int n, boolean accumulate) {
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < rows; i++) {
                    java.util.Arrays.fill(c, co + i * ldc, co + i * ldc + n, 0f);
                }
            }
            return;
        }
        boolean tall = tallTiles;
        for (int kb = 0; kb < k; kb += KB) {
            int ke = Math.min(k, kb + KB);
            boolean load = accumulate || kb > 0;
            int j = tall ? wide8x3(a, ao, ars, acs, b, ldb, c, co, ldc, rows, n, kb, ke, load)
                    : wide4x3(a, ao, ars, acs, b, ldb, c, co, ldc, rows, n, kb, ke, load);
            for (; j < n; j++) {
                for (int i = 0; i < rows; i++) {
                    int ci = co + i * ldc + j;
                    float acc = load ? c[ci] : 0f;
                    for (int p = kb; p < ke; p++) {
                        acc = Math.fma(a[ao + i * ars + p * acs], b[p * ldb + j], acc);
                    }
                    c[ci] = acc;
                }
            }
        }
    }

    // AVX-512: 8x3 tiles, then 8x1 for the remaining full vectors; returns the first column not done
    private static int wide8x3(float[] a, int ao, int ars, int acs, float[] b, int ldb, float[] c, int co, int ldc,
                               int rows, int n, int kb, int ke, boolean load) {
        int j = 0;
        for (; j + 3 * L <= n; j += 3 * L) {
            int i = 0;
            for (; i + 8 <= rows; i += 8) {
                VectorTiles.tile8x3(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
            for (; i < rows; i++) {
                VectorTiles.tile1x3(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
        }
        for (; j + L <= n; j += L) {
            int i = 0;
            for (; i + 8 <= rows; i += 8) {
                VectorTiles.tile8x1(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
            for (; i < rows; i++) {
                VectorTiles.tile1x1(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
        }
        return j;
    }

    // AVX2: 4x3 tiles, then 4x2 and 4x1 for the remaining vectors; returns the first column not done
    private static int wide4x3(float[] a, int ao, int ars, int acs, float[] b, int ldb, float[] c, int co, int ldc,
                               int rows, int n, int kb, int ke, boolean load) {
        int j = 0;
        for (; j + 3 * L <= n; j += 3 * L) {
            int i = 0;
            for (; i + 4 <= rows; i += 4) {
                VectorTiles.tile4x3(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
            for (; i < rows; i++) {
                VectorTiles.tile1x3(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
        }
        for (; j + 2 * L <= n; j += 2 * L) {
            int i = 0;
            for (; i + 4 <= rows; i += 4) {
                VectorTiles.tile4x2(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
            for (; i < rows; i++) {
                VectorTiles.tile1x2(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
        }
        for (; j + L <= n; j += L) {
            int i = 0;
            for (; i + 4 <= rows; i += 4) {
                VectorTiles.tile4x1(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
            for (; i < rows; i++) {
                VectorTiles.tile1x1(a, ao + i * ars, ars, acs, b, j, ldb, c, co + i * ldc + j, ldc, kb, ke, load);
            }
        }
        return j;
    }

    private static int roundUp(int n) {
        return (n + L - 1) / L * L;
    }

    private static float[] scratch(int which, int size) {
        float[][] s = SCRATCH.get();
        if (s[which].length < size) {
            s[which] = new float[size];
        }
        return s[which];
    }
}
