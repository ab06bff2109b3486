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
    /**
     * From this many rows on, each slice of b is copied into a contiguous panel first: the copy
     * is paid once for at least sixteen row tiles. Fewer rows read b in place: for a batch of 64
     * (x@w at MNIST's first layer, or one part of its inner dimension) the copies, one short row
     * of b at a time, cost more than the tiles gain from the panel (in place: 9-12% faster with
     * AVX-512, 12% with AVX2); at 128 rows the two are even, and from 256 rows on the panel wins.
     */
    static final int B_PANEL_MIN_ROWS = 128;
    /** Tile height: 8 rows with 32 vector registers (AVX-512), 6 with 16 (AVX2); tests switch it to cover every height. */
    static volatile int tileRows = L >= 16 ? 8 : 6;
    /** Vectors per tile row (the widest stripe; narrower ones finish the columns); tests switch it too. */
    static volatile int tileCols = 2;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[4][0]);

    private VectorGemm() {
    }

    /** c (M,N) [+]= A (M,K) @ b (K,N) for rows [r0, r1), with A(i,p) = a[i·ars + p·acs]. */
    static void gemm(float[] a, int ars, int acs, float[] b, float[] c, int k, int n,
                     boolean accumulate, int r0, int r1) {
        int rows = r1 - r0;
        if (rows <= 0) {
            return;
        }
        product(a, r0 * ars, ars, acs, b, 0, c, k, n, r0, r1, accumulate);
    }

    /** c (M,N) = Σ over p in [p0, p1) of a(i,p)·b(p,j), a (M,K) row-major, for rows [r0, r1): one part of the inner dimension. */
    static void gemmPart(float[] a, float[] b, float[] c, int k, int n, int p0, int p1, int r0, int r1) {
        if (r1 > r0) {
            product(a, r0 * k + p0, k, 1, b, p0 * n, c, p1 - p0, n, r0, r1, false);
        }
    }

    // c rows [r0, r1) [+]= A @ b, A(i,p) = a[ao + (i - r0)·ars + p·acs], b(p,j) = b[bo + p·n + j], p in [0, k)
    private static void product(float[] a, int ao, int ars, int acs, float[] b, int bo, float[] c, int k, int n,
                                int r0, int r1, boolean accumulate) {
        int rows = r1 - r0;
        if (n % L == 0 || rows < PANEL_MIN_ROWS) {
            block(a, ao, ars, acs, b, bo, n, c, r0 * n, n, k, rows, n, accumulate);
            return;
        }
        int np = roundUp(n);
        float[] bp = scratch(0, k * np);
        // the padding columns keep whatever the scratch held: their results are never copied out
        for (int p = 0; p < k; p++) {
            System.arraycopy(b, bo + p * n, bp, p * np, n);
        }
        padded(a, ao, ars, acs, bp, np, c, n, k, r0, r1, accumulate);
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
        // bᵀ as a (K, np) panel; the padding columns' results are never copied out
        int np = roundUp(n);
        float[] bp = scratch(0, k * np);
        Transpose.copy(b, k, n, bp, np);
        if (np == n) {
            block(a, r0 * k, k, 1, bp, 0, np, c, r0 * n, n, k, rows, n, accumulate);
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
        block(a, ao, ars, acs, bp, 0, np, cp, 0, np, k, rows, np, accumulate);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(cp, i * np, c, (r0 + i) * n, n);
        }
    }

    /**
     * The blocked loop: c(i,j) at c[co + i·ldc + j] for i in [0, rows), j in [0, n);
     * A(i,p) = a[ao + i·ars + p·acs]; b(p,j) = b[bo + p·ldb + j]. For each KB slice of the inner
     * dimension, A's rows are packed into tile panels once, then every column stripe runs over them.
     */
    private static void block(float[] a, int ao, int ars, int acs, float[] b, int bo, int ldb, float[] c, int co,
                              int ldc, int k, int rows, int n, boolean accumulate) {
        if (!accumulate) {
            // the tiles always add to c: starting from +0 gives the bits of a chain started at 0
            for (int i = 0; i < rows; i++) {
                java.util.Arrays.fill(c, co + i * ldc, co + i * ldc + n, 0f);
            }
        }
        int tr = tileRows, tc = tileCols;
        int depth = blockDepth(k);
        for (int kb = 0; kb < k; kb += depth) {
            int kc = Math.min(k, kb + depth) - kb;
            float[] ap = pack(a, ao + kb * acs, ars, acs, rows, kc, tr);
            int j = 0;
            for (int w = tc; w >= 1; w--) {
                for (; j + w * L <= n; j += w * L) {
                    if (rows >= B_PANEL_MIN_ROWS) {
                        // b's slice as one contiguous (kc, w·L) panel: rows of b a power-of-two apart
                        // (256 floats) fall into a few cache sets and evict each other from L1
                        float[] bp = packB(b, bo + kb * ldb + j, ldb, kc, w * L);
                        stripe(ap, rows, kc, tr, w, bp, 0, w * L, c, co + j, ldc);
                    } else {
                        stripe(ap, rows, kc, tr, w, b, bo + kb * ldb + j, ldb, c, co + j, ldc);
                    }
                }
            }
            // columns left over from whole vectors: only in products of fewer rows than a tile
            // (wider ones are padded to whole vectors), so every row of the panel is a plain row
            for (; j < n; j++) {
                for (int i = 0; i < rows; i++) {
                    int ci = co + i * ldc + j;
                    float acc = c[ci];
                    for (int p = 0; p < kc; p++) {
                        acc = Math.fma(ap[i * kc + p], b[bo + (kb + p) * ldb + j], acc);
                    }
                    c[ci] = acc;
                }
            }
        }
    }

    /**
     * The depth of the inner-dimension blocks: at most KB, and all equal but the last
     * (784 = 7 x 112, not 6 x 128 + 16): a thin last block would load and store every c tile
     * for a few steps.
     */
    static int blockDepth(int k) {
        int blocks = Math.max(1, (k + KB - 1) / KB);
        return Math.max(1, (k + blocks - 1) / blocks);
    }

    /**
     * Copies A rows [0, rows) x steps [0, kc) into a per-thread panel: the full tiles of tr rows
     * one after another, each as [p][r] with {@link #step} floats per step, then (see
     * {@link #tailTile}) one 4-row tile the same way, then each leftover row as [p].
     * {@link #stripe} walks the panel in the same order.
     */
    private static float[] pack(float[] a, int ao, int ars, int acs, int rows, int kc, int tr) {
        int full = rows - rows % tr, tiled = full + tailTile(rows, tr);
        int tail = full / tr * step(tr) * kc;
        float[] ap = scratch(2, tail + (rows - full) * kc);
        packTiles(a, ao, ars, acs, ap, 0, 0, full, kc, tr);
        packTiles(a, ao, ars, acs, ap, tail, full, tiled, kc, 4);
        for (int i = tiled; i < rows; i++) {
            int src = ao + i * ars, dst = tail + (i - full) * kc;
            for (int p = 0; p < kc; p++) {
                ap[dst + p] = a[src + p * acs];
            }
        }
        return ap;
    }

    /**
     * Floats per inner step in a tile of tr rows: 8 for the 6-row tiles, whose last two are never
     * read. The tiles index A at apo + p·8, a shift the compiler recognizes as a multiple of the
     * loop counter, so it checks the panel's bounds once before the loop; p·6 it computes as
     * (p << 2) + (p << 1), which it does not recognize, and checked both ends of A on every step.
     */
    static int step(int tr) {
        return tr == 6 ? 8 : tr;
    }

    /**
     * Rows after the full tiles of tr rows that one 4-row tile takes: 4 when a tile is taller
     * and at least 4 rows are left (64 rows in 6-row tiles: 10 tiles and one of 4), else 0.
     * One-row tiles have only one or two chains of fused multiply-adds to overlap.
     */
    static int tailTile(int rows, int tr) {
        return tr > 4 && rows % tr >= 4 ? 4 : 0;
    }

    // rows [from, to) of A in tiles of tr rows, one after another from ap[base], each as [p][r] (step(tr) floats per step)
    private static void packTiles(float[] a, int ao, int ars, int acs, float[] ap, int base, int from, int to, int kc,
                                  int tr) {
        int st = step(tr);
        if (ars == 1) {
            // A is a transpose (xᵀ@dZ): a tile's rows at one step are tr neighbours. A copy, not a
            // short vector: a second vector shape in the process would mix the type profiles of the
            // Vector API methods the tiles share, and the tiles would then box their vectors. Six
            // floats by hand: about 5% off the whole product with AVX2 against a System.arraycopy
            // call per step; for eight floats the two measured the same.
            for (int i0 = from; i0 < to; i0 += tr, base += st * kc) {
                int src = ao + i0;
                if (tr == 6) {
                    for (int p = 0; p < kc; p++) {
                        int s0 = src + p * acs, d0 = base + p * 8;
                        ap[d0] = a[s0];
                        ap[d0 + 1] = a[s0 + 1];
                        ap[d0 + 2] = a[s0 + 2];
                        ap[d0 + 3] = a[s0 + 3];
                        ap[d0 + 4] = a[s0 + 4];
                        ap[d0 + 5] = a[s0 + 5];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        System.arraycopy(a, src + p * acs, ap, base + p * st, tr);
                    }
                }
            }
            return;
        }
        // A's rows are contiguous (acs = 1: x@w, and the transposed panel of dZ@wᵀ): read each
        // row along, write it at every st-th slot. A constant stride of 8 lets the compiler drop
        // the stores' bounds checks: 20-25% less time for this copy than a variable one.
        for (int i0 = from; i0 < to; i0 += tr, base += st * kc) {
            for (int r = 0; r < tr; r++) {
                int src = ao + (i0 + r) * ars, dst = base + r;
                if (st == 8) {
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * 8] = a[src + p];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * st] = a[src + p];
                    }
                }
            }
        }
    }

    /** b(p, j) for p in [0, kc), j in [0, width) from b[bo + p·ldb + j] into a per-thread (kc, width) panel. */
    private static float[] packB(float[] b, int bo, int ldb, int kc, int width) {
        float[] bp = scratch(3, kc * width);
        for (int p = 0; p < kc; p++) {
            System.arraycopy(b, bo + p * ldb, bp, p * width, width);
        }
        return bp;
    }

    // one column stripe of w vectors: full tiles of tr rows, a 4-row tile (see tailTile), then the leftover rows one at a
    // time, each reading the panel where pack put it
    private static void stripe(float[] ap, int rows, int kc, int tr, int w, float[] b, int bo, int ldb,
                               float[] c, int co, int ldc) {
        int i = 0, apo = 0;
        for (; i + tr <= rows; i += tr, apo += step(tr) * kc) {
            tile(tr, w, ap, apo, b, bo, ldb, c, co + i * ldc, ldc, kc);
        }
        if (tailTile(rows, tr) == 4) {
            tile(4, w, ap, apo, b, bo, ldb, c, co + i * ldc, ldc, kc);
            i += 4;
            apo += 4 * kc;
        }
        for (; i < rows; i++, apo += kc) {
            tile(1, w, ap, apo, b, bo, ldb, c, co + i * ldc, ldc, kc);
        }
    }

    // the tile of tr rows and w vectors
    private static void tile(int tr, int w, float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int ci, int ldc,
                             int kc) {
        if (tr == 8) {
            if (w == 3) {
                VectorTiles8.tile8x3(ap, apo, b, bo, ldb, c, ci, ldc, kc);
            } else if (w == 2) {
                VectorTiles8.tile8x2(ap, apo, b, bo, ldb, c, ci, ldc, kc);
            } else {
                VectorTiles8.tile8x1(ap, apo, b, bo, ldb, c, ci, ldc, kc);
            }
        } else if (tr == 6) {
            if (w >= 2) { // no 6x3 tile: 18 accumulators do not fit in 16 registers
                VectorTiles.tile6x2(ap, apo, b, bo, ldb, c, ci, ldc, kc);
                if (w == 3) {
                    VectorTiles.tile6x1(ap, apo, b, bo + 2 * L, ldb, c, ci + 2 * L, ldc, kc);
                }
            } else {
                VectorTiles.tile6x1(ap, apo, b, bo, ldb, c, ci, ldc, kc);
            }
        } else if (tr == 4) {
            if (w == 3) {
                VectorTiles.tile4x3(ap, apo, b, bo, ldb, c, ci, ldc, kc);
            } else if (w == 2) {
                VectorTiles.tile4x2(ap, apo, b, bo, ldb, c, ci, ldc, kc);
            } else {
                VectorTiles.tile4x1(ap, apo, b, bo, ldb, c, ci, ldc, kc);
            }
        } else if (w == 3) {
            VectorTiles.tile1x3(ap, apo, b, bo, ldb, c, ci, ldc, kc);
        } else if (w == 2) {
            VectorTiles.tile1x2(ap, apo, b, bo, ldb, c, ci, ldc, kc);
        } else {
            VectorTiles.tile1x1(ap, apo, b, bo, ldb, c, ci, ldc, kc);
        }
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
