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

    /** Row-wise softmax of z (rows, cols) into a, subtracting each row's max first. */
    void softmaxRows(float[] z, float[] a, int rows, int cols);
}
