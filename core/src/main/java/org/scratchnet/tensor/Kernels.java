package org.scratchnet.tensor;

/**
 * The heavy loops, over flat row-major {@code float[]} arrays. Two implementations share this
 * contract: {@link ScalarKernels} (the readable reference) and {@code VectorKernels}
 * (Vector API, register-blocked FMA). Results agree to float rounding, not bit for bit.
 *
 * <p>The matrix products compute output rows {@code [rowFrom, rowTo)} only, so that
 * {@link Engine} can hand disjoint row ranges to threads. Each output element is always summed
 * by one thread in the same order, which is why 1 thread and N threads give identical bits.
 */
public interface Kernels {
    /** Short name shown in logs and benchmarks ("scalar" or "vector"). */
    String name();

    /** c (M,N) [+]= a (M,K) @ b (K,N), rows [rowFrom, rowTo) of c. */
    void matmul(float[] a, float[] b, float[] c, int m, int k, int n,
                boolean accumulate, int rowFrom, int rowTo);

    /**
     * One part of the inner dimension of a (M,K) @ b (K,N): c(i,j) = Σ a(i,p)·b(p,j) over p in
     * [p0, p1), summed as {@link #matmul} sums all of K, for rows [rowFrom, rowTo) of c (written,
     * not added to). {@link Ops#matmul} adds the parts of a long inner dimension.
     */
    void matmulPart(float[] a, float[] b, float[] c, int m, int k, int n, int p0, int p1, int rowFrom, int rowTo);

    /** c (M,N) [+]= aᵀ @ b where a is stored (K,M) and b is (K,N); rows [rowFrom, rowTo) of c. */
    void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n,
                      boolean accumulate, int rowFrom, int rowTo);

    /** c (M,N) [+]= a (M,K) @ bᵀ where b is stored (N,K); rows [rowFrom, rowTo) of c. */
    void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n,
                      boolean accumulate, int rowFrom, int rowTo);

    /** a[i] = 1 / (1 + exp(-z[i])), overflow-safe, for i in [0, len). {@code a} may be {@code z}. */
    void sigmoid(float[] z, float[] a, int len);

    /** a[i] = tanh(z[i]) for i in [0, len). */
    void tanh(float[] z, float[] a, int len);

    /** a[i] = max(0, z[i]) for i in [0, len), with {@link Math#max} semantics (NaN stays NaN). {@code a} may be {@code z}. */
    void relu(float[] z, float[] a, int len);

    /** dZ[i] = dA[i] where z[i] &gt; 0, else 0, for i in [0, len). {@code dZ} may be {@code dA}. */
    void reluBackward(float[] z, float[] dA, float[] dZ, int len);

    /** Row-wise softmax of z (rows, cols) into a, subtracting each row's max first. */
    void softmaxRows(float[] z, float[] a, int rows, int cols);

    /**
     * One Adam update of elements [from, to) of a parameter w with gradient g and moments m, v
     * (all the same length), in float, in this order and without fused multiply-adds (so that
     * every implementation gives the same bits):
     * g' = g + λ·w; m = β1·m + (1−β1)·g'; v = β2·v + (1−β2)·g'·g';
     * w = w − (stepSize·m) / (√v·invSqrtBc2 + ε), with stepSize = lr/(1−β1ᵗ), invSqrtBc2 = 1/√(1−β2ᵗ).
     * A moment whose magnitude falls below the smallest normal float ({@link Float#MIN_NORMAL},
     * about 1.2e-38) is stored as +0 before w is updated. Without that, the first moment of a
     * weight whose gradient stays 0 (an input that is 0 in every row of a batch, such as MNIST's
     * border pixels) decays through the subnormal range for about 150 steps, and every
     * multiplication by a subnormal takes a slow path in the CPU: on a trained MNIST network the
     * 3% of such moments made the whole update twice as slow. Such a moment moves w by at most
     * stepSize·1.2e-38/ε, below a float's resolution for any weight larger than about 1e-20.
     */
    void adamStep(float[] w, float[] g, float[] m, float[] v, int from, int to, float beta1, float beta2,
                  float stepSize, float invSqrtBc2, float eps, float weightDecay);
}
