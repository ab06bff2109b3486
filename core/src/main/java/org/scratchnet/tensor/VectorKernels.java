package org.scratchnet.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-API kernels. The product kernels are register-blocked: a micro-kernel keeps an
 * 8-row by 3-vector tile of c in registers (24 accumulators of 16 floats with AVX-512) and
 * streams one row of b and 8 broadcast values of a per step of the inner dimension, blocked by
 * {@value #KB} so the b panel stays in cache.
 *
 * <p>Every output element is summed with fused multiply-adds in inner-dimension order,
 * whether it falls in a full tile, an edge tile or the scalar tail. That makes the result
 * independent of how rows are split between threads.
 *
 * <p>Only IEEE-exact lane operations are used (add, mul, fma, compare, fixed shuffles), never
 * {@code lanewise(EXP/TANH)} or {@code reduceLanes(ADD)}: those may give different bits in the
 * interpreter and in JIT-compiled code (measured: vector EXP changed results once compiled),
 * which would break same-seed-same-bits. {@link #exp} and {@link #sumLanes} replace them.
 *
 * <p>Loaded reflectively by {@link Engine}; nothing else may refer to this class, so the rest
 * of the engine works when {@code jdk.incubator.vector} is absent.
 */
public final class VectorKernels implements Kernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int KB = 256;
    /** Shuffles that fold a vector in halves: lane i takes lane i + L/2, then i + L/4, ... */
    private static final VectorShuffle<Float>[] FOLDS = folds();

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] folds() {
        int steps = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] f = new VectorShuffle[steps];
        for (int i = 0, shift = L / 2; shift >= 1; i++, shift /= 2) {
            f[i] = VectorShuffle.iota(S, shift, 1, true);
        }
        return f;
    }

    /** Sum of the lanes in a fixed pairwise order, identical in interpreted and compiled code. */
    static float sumLanes(FloatVector v) {
        for (VectorShuffle<Float> f : FOLDS) {
            v = v.add(v.rearrange(f));
        }
        return v.lane(0);
    }

    private static final float LOG2E = 1.44269504088896341f;
    // ln 2 split in two so that n·LN2_HI is exact for |n| < 512 (Cody and Waite)
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND_MAGIC = 12582912f; // 1.5·2^23: x + M - M rounds x to an integer
    private static final float EXP_MIN = -87.33f;        // below: e^x underflows float's normal range
    private static final float EXP_MAX = 88.0f;

    /**
     * e^x for float lanes: x = n·ln2 + r with |r| ≤ ln2/2, e^r by its degree-6 Taylor polynomial
     * (truncation error below 1.3e-7, about one ulp), then scaled by 2^n through the exponent bits.
     * Inputs below -87.33 give 0.
     */
    static FloatVector exp(FloatVector x) {
        VectorMask<Float> under = x.compare(VectorOperators.LT, EXP_MIN);
        FloatVector xc = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector n = xc.mul(LOG2E).add(ROUND_MAGIC).sub(ROUND_MAGIC);
        FloatVector r = xc.sub(n.mul(LN2_HI)); // exact: n·LN2_HI has few significant bits
        r = r.sub(n.mul(LN2_LO));
        FloatVector p = FloatVector.broadcast(S, 1f / 720);
        p = p.fma(r, FloatVector.broadcast(S, 1f / 120));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 24));
        p = p.fma(r, FloatVector.broadcast(S, 1f / 6));
        p = p.fma(r, FloatVector.broadcast(S, 0.5f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        p = p.fma(r, FloatVector.broadcast(S, 1f));
        IntVector bits = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(bits.reinterpretAsFloats()).blend(0f, under);
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n,
                       boolean accumulate, int rowFrom, int rowTo) {
        // element (i,p) of a (M,K) is a[i*K + p]
        gemm(a, k, 1, b, c, k, n, accumulate, rowFrom, rowTo);
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n,
                             boolean accumulate, int rowFrom, int rowTo) {
        // element (i,p) of aᵀ, with a stored (K,M), is a[p*M + i]
        gemm(a, 1, m, b, c, k, n, accumulate, rowFrom, rowTo);
    }

    /**
     * c (M,N) [+]= A (M,K) @ b (K,N) where A(i,p) = a[i*ars + p*acs].
     */
    private static void gemm(float[] a, int ars, int acs, float[] b, float[] c, int k, int n,
                             boolean accumulate, int r0, int r1) {
        if (k == 0) {
            if (!accumulate) {
                java.util.Arrays.fill(c, r0 * n, r1 * n, 0f);
            }
            return;
        }
        for (int kb = 0; kb < k; kb += KB) {
            int ke = Math.min(k, kb + KB);
            boolean load = accumulate || kb > 0;
            int j = 0;
            for (; j + 3 * L <= n; j += 3 * L) {
                int i = r0;
                for (; i + 8 <= r1; i += 8) {
                    tile8x3(a, ars, acs, b, c, n, i, j, kb, ke, load);
                }
                for (; i < r1; i++) {
                    tile1x3(a, ars, acs, b, c, n, i, j, kb, ke, load);
                }
            }
            for (; j + L <= n; j += L) {
                int i = r0;
                for (; i + 8 <= r1; i += 8) {
                    tile8x1(a, ars, acs, b, c, n, i, j, kb, ke, load);
                }
                for (; i < r1; i++) {
                    tile1x1(a, ars, acs, b, c, n, i, j, kb, ke, load);
                }
            }
            if (j < n) {
                for (int i = r0; i < r1; i++) {
                    for (int jj = j; jj < n; jj++) {
                        float acc = load ? c[i * n + jj] : 0f;
                        for (int p = kb; p < ke; p++) {
                            acc = Math.fma(a[i * ars + p * acs], b[p * n + jj], acc);
                        }
                        c[i * n + jj] = acc;
                    }
                }
            }
        }
    }

    private static FloatVector init(float[] c, int off, boolean load) {
        return load ? FloatVector.fromArray(S, c, off) : FloatVector.zero(S);
    }

    private static void tile8x3(float[] a, int ars, int acs, float[] b, float[] c, int n,
                                int i, int j, int kb, int ke, boolean load) {
        int c0 = i * n + j;
        FloatVector c00 = init(c, c0, load), c01 = init(c, c0 + L, load), c02 = init(c, c0 + 2 * L, load);
        FloatVector c10 = init(c, c0 + n, load), c11 = init(c, c0 + n + L, load), c12 = init(c, c0 + n + 2 * L, load);
        FloatVector c20 = init(c, c0 + 2 * n, load), c21 = init(c, c0 + 2 * n + L, load), c22 = init(c, c0 + 2 * n + 2 * L, load);
        FloatVector c30 = init(c, c0 + 3 * n, load), c31 = init(c, c0 + 3 * n + L, load), c32 = init(c, c0 + 3 * n + 2 * L, load);
        FloatVector c40 = init(c, c0 + 4 * n, load), c41 = init(c, c0 + 4 * n + L, load), c42 = init(c, c0 + 4 * n + 2 * L, load);
        FloatVector c50 = init(c, c0 + 5 * n, load), c51 = init(c, c0 + 5 * n + L, load), c52 = init(c, c0 + 5 * n + 2 * L, load);
        FloatVector c60 = init(c, c0 + 6 * n, load), c61 = init(c, c0 + 6 * n + L, load), c62 = init(c, c0 + 6 * n + 2 * L, load);
        FloatVector c70 = init(c, c0 + 7 * n, load), c71 = init(c, c0 + 7 * n + L, load), c72 = init(c, c0 + 7 * n + 2 * L, load);
        int ai = i * ars;
        for (int p = kb; p < ke; p++) {
            int bo = p * n + j;
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bo + 2 * L);
            int ao = ai + p * acs;
            FloatVector x;
            x = FloatVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, a[ao + ars]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, a[ao + 2 * ars]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, a[ao + 3 * ars]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, a[ao + 4 * ars]);
            c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, a[ao + 5 * ars]);
            c50 = x.fma(b0, c50); c51 = x.fma(b1, c51); c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, a[ao + 6 * ars]);
            c60 = x.fma(b0, c60); c61 = x.fma(b1, c61); c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, a[ao + 7 * ars]);
            c70 = x.fma(b0, c70); c71 = x.fma(b1, c71); c72 = x.fma(b2, c72);
        }
        c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L);
        c10.intoArray(c, c0 + n); c11.intoArray(c, c0 + n + L); c12.intoArray(c, c0 + n + 2 * L);
        c20.intoArray(c, c0 + 2 * n); c21.intoArray(c, c0 + 2 * n + L); c22.intoArray(c, c0 + 2 * n + 2 * L);
        c30.intoArray(c, c0 + 3 * n); c31.intoArray(c, c0 + 3 * n + L); c32.intoArray(c, c0 + 3 * n + 2 * L);
        c40.intoArray(c, c0 + 4 * n); c41.intoArray(c, c0 + 4 * n + L); c42.intoArray(c, c0 + 4 * n + 2 * L);
        c50.intoArray(c, c0 + 5 * n); c51.intoArray(c, c0 + 5 * n + L); c52.intoArray(c, c0 + 5 * n + 2 * L);
        c60.intoArray(c, c0 + 6 * n); c61.intoArray(c, c0 + 6 * n + L); c62.intoArray(c, c0 + 6 * n + 2 * L);
        c70.intoArray(c, c0 + 7 * n); c71.intoArray(c, c0 + 7 * n + L); c72.intoArray(c, c0 + 7 * n + 2 * L);
    }

    private static void tile1x3(float[] a, int ars, int acs, float[] b, float[] c, int n,
                                int i, int j, int kb, int ke, boolean load) {
        int c0 = i * n + j;
        FloatVector c00 = init(c, c0, load), c01 = init(c, c0 + L, load), c02 = init(c, c0 + 2 * L, load);
        int ai = i * ars;
        for (int p = kb; p < ke; p++) {
            int bo = p * n + j;
            FloatVector x = FloatVector.broadcast(S, a[ai + p * acs]);
            c00 = x.fma(FloatVector.fromArray(S, b, bo), c00);
            c01 = x.fma(FloatVector.fromArray(S, b, bo + L), c01);
            c02 = x.fma(FloatVector.fromArray(S, b, bo + 2 * L), c02);
        }
        c00.intoArray(c, c0); c01.intoArray(c, c0 + L); c02.intoArray(c, c0 + 2 * L);
    }

    private static void tile8x1(float[] a, int ars, int acs, float[] b, float[] c, int n,
                                int i, int j, int kb, int ke, boolean load) {
        int c0 = i * n + j;
        FloatVector c0v = init(c, c0, load), c1v = init(c, c0 + n, load);
        FloatVector c2v = init(c, c0 + 2 * n, load), c3v = init(c, c0 + 3 * n, load);
        FloatVector c4v = init(c, c0 + 4 * n, load), c5v = init(c, c0 + 5 * n, load);
        FloatVector c6v = init(c, c0 + 6 * n, load), c7v = init(c, c0 + 7 * n, load);
        int ai = i * ars;
        for (int p = kb; p < ke; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, p * n + j);
            int ao = ai + p * acs;
            c0v = FloatVector.broadcast(S, a[ao]).fma(bv, c0v);
            c1v = FloatVector.broadcast(S, a[ao + ars]).fma(bv, c1v);
            c2v = FloatVector.broadcast(S, a[ao + 2 * ars]).fma(bv, c2v);
            c3v = FloatVector.broadcast(S, a[ao + 3 * ars]).fma(bv, c3v);
            c4v = FloatVector.broadcast(S, a[ao + 4 * ars]).fma(bv, c4v);
            c5v = FloatVector.broadcast(S, a[ao + 5 * ars]).fma(bv, c5v);
            c6v = FloatVector.broadcast(S, a[ao + 6 * ars]).fma(bv, c6v);
            c7v = FloatVector.broadcast(S, a[ao + 7 * ars]).fma(bv, c7v);
        }
        c0v.intoArray(c, c0); c1v.intoArray(c, c0 + n);
        c2v.intoArray(c, c0 + 2 * n); c3v.intoArray(c, c0 + 3 * n);
        c4v.intoArray(c, c0 + 4 * n); c5v.intoArray(c, c0 + 5 * n);
        c6v.intoArray(c, c0 + 6 * n); c7v.intoArray(c, c0 + 7 * n);
    }

    private static void tile1x1(float[] a, int ars, int acs, float[] b, float[] c, int n,
                                int i, int j, int kb, int ke, boolean load) {
        int c0 = i * n + j;
        FloatVector acc = init(c, c0, load);
        int ai = i * ars;
        for (int p = kb; p < ke; p++) {
            acc = FloatVector.broadcast(S, a[ai + p * acs]).fma(FloatVector.fromArray(S, b, p * n + j), acc);
        }
        acc.intoArray(c, c0);
    }

    /**
     * c (M,N) [+]= a (M,K) @ bᵀ, b stored (N,K): dot products of rows of a with rows of b,
     * vectorized along K in 2x4 tiles (8 accumulators), then reduced across lanes.
     */
    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n,
                             boolean accumulate, int rowFrom, int rowTo) {
        int kv = k - k % L;
        int i = rowFrom;
        for (; i + 2 <= rowTo; i += 2) {
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot2x4(a, b, c, k, n, kv, i, j, accumulate);
            }
            for (; j < n; j++) {
                store(c, i * n + j, dot(a, i * k, b, j * k, k, kv), accumulate);
                store(c, (i + 1) * n + j, dot(a, (i + 1) * k, b, j * k, k, kv), accumulate);
            }
        }
        for (; i < rowTo; i++) {
            for (int j = 0; j < n; j++) {
                store(c, i * n + j, dot(a, i * k, b, j * k, k, kv), accumulate);
            }
        }
    }

    private static void store(float[] c, int idx, float v, boolean accumulate) {
        c[idx] = accumulate ? c[idx] + v : v;
    }

    private static float dot(float[] a, int ao, float[] b, int bo, int k, int kv) {
        FloatVector acc = FloatVector.zero(S);
        for (int p = 0; p < kv; p += L) {
            acc = FloatVector.fromArray(S, a, ao + p).fma(FloatVector.fromArray(S, b, bo + p), acc);
        }
        float s = sumLanes(acc);
        for (int p = kv; p < k; p++) {
            s = Math.fma(a[ao + p], b[bo + p], s);
        }
        return s;
    }

    private static void dot2x4(float[] a, float[] b, float[] c, int k, int n, int kv, int i, int j,
                               boolean accumulate) {
        int a0 = i * k, a1 = a0 + k;
        int b0 = j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00;
        FloatVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        for (int p = 0; p < kv; p += L) {
            FloatVector x0 = FloatVector.fromArray(S, a, a0 + p);
            FloatVector x1 = FloatVector.fromArray(S, a, a1 + p);
            FloatVector y = FloatVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(y, s00); s10 = x1.fma(y, s10);
            y = FloatVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(y, s01); s11 = x1.fma(y, s11);
            y = FloatVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(y, s02); s12 = x1.fma(y, s12);
            y = FloatVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(y, s03); s13 = x1.fma(y, s13);
        }
        // Same per-element procedure as dot(): lanes reduced, then the scalar tail.
        store(c, i * n + j, tail(a, a0, b, b0, k, kv, sumLanes(s00)), accumulate);
        store(c, i * n + j + 1, tail(a, a0, b, b1, k, kv, sumLanes(s01)), accumulate);
        store(c, i * n + j + 2, tail(a, a0, b, b2, k, kv, sumLanes(s02)), accumulate);
        store(c, i * n + j + 3, tail(a, a0, b, b3, k, kv, sumLanes(s03)), accumulate);
        int r1 = (i + 1) * n + j;
        store(c, r1, tail(a, a1, b, b0, k, kv, sumLanes(s10)), accumulate);
        store(c, r1 + 1, tail(a, a1, b, b1, k, kv, sumLanes(s11)), accumulate);
        store(c, r1 + 2, tail(a, a1, b, b2, k, kv, sumLanes(s12)), accumulate);
        store(c, r1 + 3, tail(a, a1, b, b3, k, kv, sumLanes(s13)), accumulate);
    }

    private static float tail(float[] a, int ao, float[] b, int bo, int k, int kv, float s) {
        for (int p = kv; p < k; p++) {
            s = Math.fma(a[ao + p], b[bo + p], s);
        }
        return s;
    }

    /** Overflow-safe sigmoid: with e = exp(-|z|), s = 1/(1+e) for z ≥ 0 and e/(1+e) otherwise. */
    @Override
    public void sigmoid(float[] z, float[] a, int len) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i + L <= len; i += L) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            FloatVector e = exp(v.abs().neg());
            FloatVector inv = one.div(one.add(e));
            VectorMask<Float> neg = v.compare(VectorOperators.LT, 0f);
            inv.blend(e.mul(inv), neg).intoArray(a, i);
        }
        for (; i < len; i++) {
            a[i] = ScalarKernels.sigmoid(z[i]);
        }
    }

    @Override
    public void tanh(float[] z, float[] a, int len) {
        int i = 0;
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (; i + L <= len; i += L) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            FloatVector t = v.abs();
            // tanh|x| = (1 - e)/(1 + e) with e = e^(-2|x|); near 0 the odd series x - x³/3 + 2x⁵/15
            // avoids the cancellation in 1 - e
            FloatVector e = exp(t.mul(-2f));
            FloatVector big = one.sub(e).div(one.add(e));
            FloatVector t2 = t.mul(t);
            FloatVector small = t2.fma(2f / 15, -1f / 3).fma(t2, one).mul(t);
            FloatVector r = big.blend(small, t.compare(VectorOperators.LT, 0.0625f));
            r.blend(r.neg(), v.compare(VectorOperators.LT, 0f)).intoArray(a, i);
        }
        for (; i < len; i++) {
            a[i] = (float) Math.tanh(z[i]);
        }
    }

    @Override
    public void softmaxRows(float[] z, float[] a, int rows, int cols) {
        int cv = cols - cols % L;
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            int j = 0;
            if (cv > 0) {
                FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
                for (; j < cv; j += L) {
                    m = m.max(FloatVector.fromArray(S, z, off + j));
                }
                max = m.reduceLanes(VectorOperators.MAX);
            }
            for (; j < cols; j++) {
                max = Math.max(max, z[off + j]);
            }
            float sum = 0f;
            j = 0;
            if (cv > 0) {
                FloatVector s = FloatVector.zero(S);
                for (; j < cv; j += L) {
                    FloatVector e = exp(FloatVector.fromArray(S, z, off + j).sub(max));
                    e.intoArray(a, off + j);
                    s = s.add(e);
                }
                sum = sumLanes(s);
            }
            for (; j < cols; j++) {
                float e = (float) Math.exp(z[off + j] - max);
                a[off + j] = e;
                sum += e;
            }
            float inv = 1f / sum;
            j = 0;
            for (; j < cv; j += L) {
                FloatVector.fromArray(S, a, off + j).mul(inv).intoArray(a, off + j);
            }
            for (; j < cols; j++) {
                a[off + j] *= inv;
            }
        }
    }
}
