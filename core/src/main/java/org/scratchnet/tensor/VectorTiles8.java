package org.scratchnet.tensor;

import static org.scratchnet.tensor.VectorTiles.L;
import static org.scratchnet.tensor.VectorTiles.S;

import jdk.incubator.vector.FloatVector;

/**
 * The 8-row micro-kernels for {@link VectorGemm}, for machines with 32 vector registers
 * (AVX-512). Same contract and layout as {@link VectorTiles}: A(r, p) = ap[apo + p·8 + r],
 * b(p, j) = b[bo + p·ldb + j], c(r, j) = c[co + r·ldc + j], c += A @ b over kc steps. Unlike
 * those, these compute b's index as bo + p·ldb each step: growing it by ldb measured even or
 * 1-3% slower here (docs/performance.md, "Six-row tiles at a stride of eight").
 */
final class VectorTiles8 {
    private VectorTiles8() {
    }

    static void tile8x3(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co), c01 = FloatVector.fromArray(S, c, co + L), c02 = FloatVector.fromArray(S, c, co + 2 * L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + ldc), c11 = FloatVector.fromArray(S, c, co + ldc + L), c12 = FloatVector.fromArray(S, c, co + ldc + 2 * L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc), c21 = FloatVector.fromArray(S, c, co + 2 * ldc + L), c22 = FloatVector.fromArray(S, c, co + 2 * ldc + 2 * L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc), c31 = FloatVector.fromArray(S, c, co + 3 * ldc + L), c32 = FloatVector.fromArray(S, c, co + 3 * ldc + 2 * L);
        FloatVector c40 = FloatVector.fromArray(S, c, co + 4 * ldc), c41 = FloatVector.fromArray(S, c, co + 4 * ldc + L), c42 = FloatVector.fromArray(S, c, co + 4 * ldc + 2 * L);
        FloatVector c50 = FloatVector.fromArray(S, c, co + 5 * ldc), c51 = FloatVector.fromArray(S, c, co + 5 * ldc + L), c52 = FloatVector.fromArray(S, c, co + 5 * ldc + 2 * L);
        FloatVector c60 = FloatVector.fromArray(S, c, co + 6 * ldc), c61 = FloatVector.fromArray(S, c, co + 6 * ldc + L), c62 = FloatVector.fromArray(S, c, co + 6 * ldc + 2 * L);
        FloatVector c70 = FloatVector.fromArray(S, c, co + 7 * ldc), c71 = FloatVector.fromArray(S, c, co + 7 * ldc + L), c72 = FloatVector.fromArray(S, c, co + 7 * ldc + 2 * L);
        for (int p = 0; p < kc; p++) {
            int bp = bo + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            int a0 = apo + p * 8;
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, ap[a0 + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, ap[a0 + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, ap[a0 + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, ap[a0 + 4]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, ap[a0 + 5]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51); c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, ap[a0 + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61); c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, ap[a0 + 7]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71); c72 = x.fma(b2, c72);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + L); c02.intoArray(c, co + 2 * L);
        c10.intoArray(c, co + ldc); c11.intoArray(c, co + ldc + L); c12.intoArray(c, co + ldc + 2 * L);
        c20.intoArray(c, co + 2 * ldc); c21.intoArray(c, co + 2 * ldc + L); c22.intoArray(c, co + 2 * ldc + 2 * L);
        c30.intoArray(c, co + 3 * ldc); c31.intoArray(c, co + 3 * ldc + L); c32.intoArray(c, co + 3 * ldc + 2 * L);
        c40.intoArray(c, co + 4 * ldc); c41.intoArray(c, co + 4 * ldc + L); c42.intoArray(c, co + 4 * ldc + 2 * L);
        c50.intoArray(c, co + 5 * ldc); c51.intoArray(c, co + 5 * ldc + L); c52.intoArray(c, co + 5 * ldc + 2 * L);
        c60.intoArray(c, co + 6 * ldc); c61.intoArray(c, co + 6 * ldc + L); c62.intoArray(c, co + 6 * ldc + 2 * L);
        c70.intoArray(c, co + 7 * ldc); c71.intoArray(c, co + 7 * ldc + L); c72.intoArray(c, co + 7 * ldc + 2 * L);
    }

    static void tile8x2(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co), c01 = FloatVector.fromArray(S, c, co + L);
        FloatVector c10 = FloatVector.fromArray(S, c, co + ldc), c11 = FloatVector.fromArray(S, c, co + ldc + L);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc), c21 = FloatVector.fromArray(S, c, co + 2 * ldc + L);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc), c31 = FloatVector.fromArray(S, c, co + 3 * ldc + L);
        FloatVector c40 = FloatVector.fromArray(S, c, co + 4 * ldc), c41 = FloatVector.fromArray(S, c, co + 4 * ldc + L);
        FloatVector c50 = FloatVector.fromArray(S, c, co + 5 * ldc), c51 = FloatVector.fromArray(S, c, co + 5 * ldc + L);
        FloatVector c60 = FloatVector.fromArray(S, c, co + 6 * ldc), c61 = FloatVector.fromArray(S, c, co + 6 * ldc + L);
        FloatVector c70 = FloatVector.fromArray(S, c, co + 7 * ldc), c71 = FloatVector.fromArray(S, c, co + 7 * ldc + L);
        for (int p = 0; p < kc; p++) {
            int bp = bo + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int a0 = apo + p * 8;
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
            x = FloatVector.broadcast(S, ap[a0 + 6]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, ap[a0 + 7]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, co); c01.intoArray(c, co + L);
        c10.intoArray(c, co + ldc); c11.intoArray(c, co + ldc + L);
        c20.intoArray(c, co + 2 * ldc); c21.intoArray(c, co + 2 * ldc + L);
        c30.intoArray(c, co + 3 * ldc); c31.intoArray(c, co + 3 * ldc + L);
        c40.intoArray(c, co + 4 * ldc); c41.intoArray(c, co + 4 * ldc + L);
        c50.intoArray(c, co + 5 * ldc); c51.intoArray(c, co + 5 * ldc + L);
        c60.intoArray(c, co + 6 * ldc); c61.intoArray(c, co + 6 * ldc + L);
        c70.intoArray(c, co + 7 * ldc); c71.intoArray(c, co + 7 * ldc + L);
    }

    static void tile8x1(float[] ap, int apo, float[] b, int bo, int ldb, float[] c, int co, int ldc, int kc) {
        FloatVector c00 = FloatVector.fromArray(S, c, co);
        FloatVector c10 = FloatVector.fromArray(S, c, co + ldc);
        FloatVector c20 = FloatVector.fromArray(S, c, co + 2 * ldc);
        FloatVector c30 = FloatVector.fromArray(S, c, co + 3 * ldc);
        FloatVector c40 = FloatVector.fromArray(S, c, co + 4 * ldc);
        FloatVector c50 = FloatVector.fromArray(S, c, co + 5 * ldc);
        FloatVector c60 = FloatVector.fromArray(S, c, co + 6 * ldc);
        FloatVector c70 = FloatVector.fromArray(S, c, co + 7 * ldc);
        for (int p = 0; p < kc; p++) {
            int bp = bo + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            int a0 = apo + p * 8;
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
            x = FloatVector.broadcast(S, ap[a0 + 6]);
            c60 = x.fma(b0, c60);
            x = FloatVector.broadcast(S, ap[a0 + 7]);
            c70 = x.fma(b0, c70);
        }
        c00.intoArray(c, co);
        c10.intoArray(c, co + ldc);
        c20.intoArray(c, co + 2 * ldc);
        c30.intoArray(c, co + 3 * ldc);
        c40.intoArray(c, co + 4 * ldc);
        c50.intoArray(c, co + 5 * ldc);
        c60.intoArray(c, co + 6 * ldc);
        c70.intoArray(c, co + 7 * ldc);
    }
}
