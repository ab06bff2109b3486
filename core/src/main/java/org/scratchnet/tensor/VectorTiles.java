package org.scratchnet.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked FMA micro-kernels for {@link VectorGemm}: 6-row, 4-row and 1-row tiles (the
 * 8-row ones are in {@link VectorTiles8}). {@code tileRxC} computes an R-row by C-vector tile
 * c += A @ b over kc inner steps, where
 * <ul>
 *   <li>A is a packed panel: A(r, p) = ap[apo + p·R + r] (R floats per step; 8 for the 6-row tiles),</li>
 *   <li>b(p, j) = b[bo + p·ldb + j] and c(r, j) = c[co + r·ldc + j].</li>
 * </ul>
 *
 * <p>Why they look like this (each point was a cause of slow compiled code, see
 * docs/performance.md): the accumulators always start from c (the driver zeroes c first), so
 * no vector is merged through a branch or returned from a helper; A comes from one packed
 * panel, so the loop keeps one index in a general register instead of one per row (with eight
 * row indices, C2 ran out of general registers, parked them in vector registers and then
 * spilled b to the stack inside the loop in some processes and not others); and the tiles
 * leave vector registers free (at most 19 of AVX-512's 32 for the 8x2 tile; AVX2's 6x2 takes 12
 * accumulators, 2 rows of b and the broadcast: 15 of 16, and still 16 if the compiler gives the
 * broadcasts two registers, where the 4x3 tile's 17 spilled), so the register allocator has no
 * close calls that a profile could tip. A's index is a power-of-two multiple of the loop
 * counter (the 6-row tiles step 8 floats), which lets the compiler check A's bounds once
 * before the loop; b's index grows by ldb each step, which saves a multiply per step.
 *
 * <p>Every element of c is one chain of fused multiply-adds in increasing p, whichever tile
 * computes it: that is what makes results independent of how rows are split between threads.
 * The tiles are unrolled by hand (the same pattern for each size) because C2 keeps only
 * explicitly named vectors in registers.
 */
final class VectorTiles {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private VectorTiles() {
    }

    static void tile6x2(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co), c01 = FloatVector.fromArray(S, c, co + L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + ldc), c11 = FloatVector.fromArray(S, c, co + ldc + L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc), c21 = FloatVector.fromArray(S, c, co + 2 * ldc + L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc), c31 = FloatVector.fromArray(S, c, co + 3 * ldc + L);
        FloatVector c40 = FloatVector.fromArray(S, c, co + 4 * ldc), c41 = FloatVector.fromArray(S, c, co + 4 * ldc + L);
        FloatVector c50 = FloatVector.fromArray(S, c, co + 5 * ldc), c51 = FloatVector.fromArray(S, c, co + 5 * ldc + L);
        for (int p = 0, bp = bo; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int a0 = apo + p * 8; // 6 rows at a stride of 8: see VectorGemm.step
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[a0 + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[a0 + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[a0 + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, ap[a0 + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, ap[a0 + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc); c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc); c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc); c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc); c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc); c51.intoArray(c, co + 5 * ldc + L);
    }

    static void tile6x1(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co);
        FloatVector c10 = FloatVector.fromArray(S, c, co + ldc);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc);
        FloatVector c40 = FloatVector.fromArray(S, c, co + 4 * ldc);
        FloatVector c50 = FloatVector.fromArray(S, c, co + 5 * ldc);
        for (int p = 0, bp = bo; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            int a0 = apo + p * 8; // 6 rows at a stride of 8: see VectorGemm.step
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00);
            x = FloatVector.broadcast(S, ap[a0 + 1]);
            c10 = x.fma(b0, c10);
            x = FloatVector.broadcast(S, ap[a0 + 2]);
            c20 = x.fma(b0, c20);
            x = FloatVector.broadcast(S, ap[a0 + 3]);
            c30 = x.fma(b0, c30);
            x = FloatVector.broadcast(S, ap[a0 + 4]);
            c40 = x.fma(b0, c40);
            x = FloatVector.broadcast(S, ap[a0 + 5]);
            c50 = x.fma(b0, c50);
        }
        c00.intoArray(c, co);
        c10.intoArray(c, co + ldc);
        c20.intoArray(c, co + 2 * ldc);
        c30.intoArray(c, co + 3 * ldc);
        c40.intoArray(c, co + 4 * ldc);
        c50.intoArray(c, co + 5 * ldc);
    }

    static void tile4x3(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co), c01 = FloatVector.fromArray(S, c, co + L), c02 = FloatVector.fromArray(S, c, co + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + ldc), c11 = FloatVector.fromArray(S, c, co + ldc + L), c12 = FloatVector.fromArray(S, c, co + ldc + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc), c21 = FloatVector.fromArray(S, c, co + 2 * ldc + L), c22 = FloatVector.fromArray(S, c, co + 2 * ldc + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc), c31 = FloatVector.fromArray(S, c, co + 3 * ldc + L), c32 = FloatVector.fromArray(S, c, co + 3 * ldc + 2 * L);
        for (int p = 0, bp = bo; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            int a0 = apo + p * 4;
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[a0 + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[a0 + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[a0 + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + L); c02.intoArray(c, co + 2 * L);
        c10.intoArray(c, co + ldc); c11.intoArray(c, co + ldc + L); c12.intoArray(c, co + ldc + 2 * L);
        c20.intoArray(c, co + 2 * ldc); c21.intoArray(c, co + 2 * ldc + L); c22.intoArray(c, co + 2 * ldc + 2 * L);
        c30.intoArray(c, co + 3 * ldc); c31.intoArray(c, co + 3 * ldc + L); c32.intoArray(c, co + 3 * ldc + 2 * L);
    }

    static void tile4x2(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co), c01 = FloatVector.fromArray(S, c, co + L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + ldc), c11 = FloatVector.fromArray(S, c, co + ldc + L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc), c21 = FloatVector.fromArray(S, c, co + 2 * ldc + L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc), c31 = FloatVector.fromArray(S, c, co + 3 * ldc + L);
        for (int p = 0, bp = bo; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int a0 = apo + p * 4;
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, ap[a0 + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, ap[a0 + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, ap[a0 + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc); c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc); c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc); c31.intoArray(c, co + 3 * ldc + L);
    }

    static void tile4x1(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co);
        FloatVector c10 = FloatVector.fromArray(S, c, co + ldc);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc);
        for (int p = 0, bp = bo; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            int a0 = apo + p * 4;
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00);
            x = FloatVector.broadcast(S, ap[a0 + 1]);
            c10 = x.fma(b0, c10);
            x = FloatVector.broadcast(S, ap[a0 + 2]);
            c20 = x.fma(b0, c20);
            x = FloatVector.broadcast(S, ap[a0 + 3]);
            c30 = x.fma(b0, c30);
        }
        c00.intoArray(c, co);
        c10.intoArray(c, co + ldc);
        c20.intoArray(c, co + 2 * ldc);
        c30.intoArray(c, co + 3 * ldc);
    }

    static void tile1x3(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co), c01 = FloatVector.fromArray(S, c, co + L), c02 = FloatVector.fromArray(S, c, co + 2 * L);
        for (int p = 0, bp = bo; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            int a0 = apo + p;
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + L); c02.intoArray(c, co + 2 * L);
    }

    static void tile1x2(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co), c01 = FloatVector.fromArray(S, c, co + L);
        for (int p = 0, bp = bo; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int a0 = apo + p;
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + L);
    }

    static void tile1x1(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co);
        for (int p = 0, bp = bo; p < kc; p++, bp += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            int a0 = apo + p;
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00);
        }
        c00.intoArray(c, co);
    }
}
