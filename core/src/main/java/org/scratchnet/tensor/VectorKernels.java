package org.scratchnet.tensor;

import static org.scratchnet.tensor.VectorTiles.L;
import static org.scratchnet.tensor.VectorTiles.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;

/**
 * Vector-API kernels. The products are in {@link VectorGemm} (register-blocked FMA tiles,
 * {@link VectorTiles}): every output element is one chain of fused multiply-adds in
 * inner-dimension order, so the result does not depend on how rows are split between threads.
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
    // S and L live in VectorTiles: the Vector API's classes initialize on the first call that uses
    // vectors, not when the engine starts (the tutorials' tiny networks may never need them)
    /**
     * Products with fewer multiply-adds than this (M·K·N, the whole product, never a thread's
     * rows, so the choice is the same for any thread count) and element-wise calls shorter than
     * {@link #SMALL_LEN} go to the scalar reference: the tutorials' tiny networks (2-16-1 on 200
     * points) spend their time in thousands of calls that are too small to repay the Vector API's
     * per-call cost, and the examples ran ~1.7x slower with vectors only (measured, see README).
     */
    static final long SMALL_FLOPS = 1 << 15;
    static final int SMALL_LEN = 256;
    /**
     * The ReLU gradient gives the same bits on either path; below this length the Vector API's own
     * warm-up (until C2 compiles it, vector operations run interpreted, allocating an object per
     * operation) costs more than it saves: the demo's 200x16 activations took 1.3 CPU-seconds
     * with vector ReLU, 0.8 without. (ReLU itself always takes the plain loop, which C2
     * vectorizes by itself; its gradient's branch it does not.)
     */
    static final int EXACT_SMALL_LEN = 4096;
    private static final ScalarKernels SCALAR = new ScalarKernels();
    /** 0 for the tests that must exercise the vector code on every shape. */
    private final long smallFlops;
    private final int smallLen;
    private final int exactSmallLen;

    /** The kernels the engine uses: tiny calls take the scalar path. */
    public VectorKernels() {
        this(SMALL_FLOPS, SMALL_LEN);
    }

    /** Tests: {@code new VectorKernels(0, 0)} uses vector code for every size. */
    VectorKernels(long smallFlops, int smallLen) {
        this.smallFlops = smallFlops;
        this.smallLen = smallLen;
        this.exactSmallLen = smallLen == 0 ? 0 : Math.max(smallLen, EXACT_SMALL_LEN);
    }

    private boolean small(int m, int k, int n) {
        return (long) m * k * n < smallFlops;
    }

    /** Shuffles that fold a vector in halves: lane i takes lane i + L/2, then i + L/4, ... */
    private static final class Folds {
        static final VectorShuffle<Float>[] FOLDS = folds();

        @SuppressWarnings("unchecked")
        private static VectorShuffle<Float>[] folds() {
            int steps = Integer.numberOfTrailingZeros(L);
            VectorShuffle<Float>[] f = new VectorShuffle[steps];
            for (int i = 0, shift = L / 2; shift >= 1; i++, shift /= 2) {
                f[i] = VectorShuffle.iota(S, shift, 1, true);
            }
            return f;
        }
    }

    /** Sum of the lanes in a fixed pairwise order, identical in interpreted and compiled code. */
    static float sumLanes(FloatVector v) {
        for (VectorShuffle<Float> f : Folds.FOLDS) {
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
        if (small(m, k, n)) {
            SCALAR.matmul(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
            return;
        }
        // element (i,p) of a (M,K) is a[i*K + p]
        VectorGemm.gemm(a, k, 1, b, c, k, n, accumulate, rowFrom, rowTo);
    }

    @Override
    public void matmulPart(float[] a, float[] b, float[] c, int m, int k, int n, int p0, int p1,
                           int rowFrom, int rowTo) {
        if (small(m, k, n)) {
            SCALAR.matmulPart(a, b, c, m, k, n, p0, p1, rowFrom, rowTo);
            return;
        }
        VectorGemm.gemmPart(a, b, c, k, n, p0, p1, rowFrom, rowTo);
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n,
                             boolean accumulate, int rowFrom, int rowTo) {
        if (small(m, k, n)) {
            SCALAR.matmulTransA(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
            return;
        }
        // element (i,p) of aᵀ, with a stored (K,M), is a[p*M + i]
        VectorGemm.gemm(a, 1, m, b, c, k, n, accumulate, rowFrom, rowTo);
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n,
                             boolean accumulate, int rowFrom, int rowTo) {
        if (small(m, k, n)) {
            SCALAR.matmulTransB(a, b, c, m, k, n, accumulate, rowFrom, rowTo);
            return;
        }
        VectorGemm.gemmTransB(a, b, c, k, n, accumulate, rowFrom, rowTo);
    }

    @Override
    public void relu(float[] z, float[] a, int len) {
        // the plain loop, which C2 vectorizes itself: 1.4 µs for 64x256 floats against 2.3 µs
        // for a FloatVector max (in one process, alternating), and 7 against 14 µs per MNIST step
        SCALAR.relu(z, a, len);
    }

    @Override
    public void reluBackward(float[] z, float[] dA, float[] dZ, int len) {
        if (len < exactSmallLen) {
            SCALAR.reluBackward(z, dA, dZ, len);
            return;
        }
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i + L <= len; i += L) {
            VectorMask<Float> on = FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dA, i), on).intoArray(dZ, i);
        }
        for (; i < len; i++) {
            dZ[i] = z[i] > 0f ? dA[i] : 0f;
        }
    }

    /** Overflow-safe sigmoid: with e = exp(-|z|), s = 1/(1+e) for z ≥ 0 and e/(1+e) otherwise. */
    @Override
    public void sigmoid(float[] z, float[] a, int len) {
        if (len < smallLen) {
            SCALAR.sigmoid(z, a, len);
            return;
        }
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
        if (len < smallLen) {
            SCALAR.tanh(z, a, len);
            return;
        }
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
        if ((long) rows * cols < smallLen) {
            SCALAR.softmaxRows(z, a, rows, cols);
            return;
        }
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

    /** Same operations in the same order as {@link ScalarKernels#adamStep}, so the same bits. */
    @Override
    public void adamStep(float[] w, float[] g, float[] m, float[] v, int from, int to, float beta1, float beta2,
                         float stepSize, float invSqrtBc2, float eps, float weightDecay) {
        if (to - from < smallLen) { // same bits either way: the contract rules out FMA here
            SCALAR.adamStep(w, g, m, v, from, to, beta1, beta2, stepSize, invSqrtBc2, eps, weightDecay);
            return;
        }
        float c1 = 1 - beta1, c2 = 1 - beta2;
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector wv = FloatVector.fromArray(S, w, i);
            FloatVector gi = FloatVector.fromArray(S, g, i).add(wv.mul(weightDecay));
            FloatVector mv = normalOrZero(FloatVector.fromArray(S, m, i).mul(beta1).add(gi.mul(c1)));
            FloatVector vv = normalOrZero(FloatVector.fromArray(S, v, i).mul(beta2).add(gi.mul(c2).mul(gi)));
            mv.intoArray(m, i);
            vv.intoArray(v, i);
            wv.sub(mv.mul(stepSize).div(vv.lanewise(VectorOperators.SQRT).mul(invSqrtBc2).add(eps))).intoArray(w, i);
        }
        for (; i < to; i++) {
            float gi = g[i] + weightDecay * w[i];
            m[i] = Ops.normalOrZero(beta1 * m[i] + c1 * gi);
            v[i] = Ops.normalOrZero(beta2 * v[i] + c2 * gi * gi);
            w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * invSqrtBc2 + eps);
        }
    }

    private static FloatVector normalOrZero(FloatVector x) {
        return x.blend(0f, x.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
    }
}
