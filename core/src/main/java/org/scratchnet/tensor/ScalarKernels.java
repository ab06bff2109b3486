package org.scratchnet.tensor;

/**
 * Plain-loop kernels: the readable reference for the math and the fallback when the
 * {@code jdk.incubator.vector} module is absent.
 */
public final class ScalarKernels implements Kernels {
    @Override
    public String name() {
        return "scalar";
    }

    // a (M,K) @ b (K,N) -> c (M,N). The i-p-j loop order walks b and c along rows.
    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n,
                       boolean accumulate, int rowFrom, int rowTo) {
        if (n == 1) { // one output column (a regression or binary head): a dot product per row
            for (int i = rowFrom; i < rowTo; i++) {
                float sum = accumulate ? c[i] : 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p];
                }
                c[i] = sum;
            }
            return;
        }
        part(a, b, c, k, n, 0, k, accumulate, rowFrom, rowTo);
    }

    @Override
    public void matmulPart(float[] a, float[] b, float[] c, int m, int k, int n, int p0, int p1,
                           int rowFrom, int rowTo) {
        part(a, b, c, k, n, p0, p1, false, rowFrom, rowTo);
    }

    // c rows [r0, r1) [+]= Σ over p in [p0, p1) of a(i,p)·b(p,j), a (M,K) row-major
    private static void part(float[] a, float[] b, float[] c, int k, int n, int p0, int p1, boolean accumulate,
                             int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            int ci = i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = p0; p < p1; p++) {
                float aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    // aᵀ (M,K) @ b (K,N) -> c (M,N), a stored (K,M): element aᵀ[i][p] is a[p*M + i].
    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n,
                             boolean accumulate, int rowFrom, int rowTo) {
        if (n == 1) { // the gradient of a one-column head's weights: a dot product per row
            for (int i = rowFrom; i < rowTo; i++) {
                float sum = accumulate ? c[i] : 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[p * m + i] * b[p];
                }
                c[i] = sum;
            }
            return;
        }
        for (int i = rowFrom; i < rowTo; i++) {
            int ci = i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = a[p * m + i];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    // a (M,K) @ bᵀ (K,N) -> c (M,N), b stored (N,K): each output is a dot product of two rows.
    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int k, int n,
                             boolean accumulate, int rowFrom, int rowTo) {
        if (k == 1) { // an outer product (a one-column head's input gradient); 0f + keeps the bits of the sum below
            for (int i = rowFrom; i < rowTo; i++) {
                float ai = a[i];
                for (int j = 0; j < n; j++) {
                    float sum = 0f + ai * b[j];
                    c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
                }
            }
            return;
        }
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[j * k + p];
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }

    /**
     * sigmoid(z) = 1 / (1 + e^-z). For z &lt; 0 the equal form e^z / (1 + e^z) is used so that
     * e^-z never overflows.
     */
    @Override
    public void sigmoid(float[] z, float[] a, int len) {
        for (int i = 0; i < len; i++) {
            a[i] = sigmoid(z[i]);
        }
    }

    static float sigmoid(float z) {
        if (z >= 0) {
            return (float) (1.0 / (1.0 + Math.exp(-z)));
        }
        double e = Math.exp(z);
        return (float) (e / (1.0 + e));
    }

    @Override
    public void tanh(float[] z, float[] a, int len) {
        for (int i = 0; i < len; i++) {
            a[i] = (float) Math.tanh(z[i]);
        }
    }

    @Override
    public void relu(float[] z, float[] a, int len) {
        for (int i = 0; i < len; i++) {
            a[i] = Math.max(0f, z[i]);
        }
    }

    @Override
    public void reluBackward(float[] z, float[] dA, float[] dZ, int len) {
        for (int i = 0; i < len; i++) {
            dZ[i] = z[i] > 0f ? dA[i] : 0f;
        }
    }

    /** softmax(z)_j = e^(z_j - max) / Σ e^(z_i - max); subtracting the max keeps exp ≤ 1. */
    @Override
    public void softmaxRows(float[] z, float[] a, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, z[off + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(z[off + j] - max);
                a[off + j] = e;
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            for (int j = 0; j < cols; j++) {
                a[off + j] *= inv;
            }
        }
    }

    @Override
    public void adamStep(float[] w, float[] g, float[] m, float[] v, int from, int to, float beta1, float beta2,
                         float stepSize, float invSqrtBc2, float eps, float weightDecay) {
        float c1 = 1 - beta1, c2 = 1 - beta2;
        for (int i = from; i < to; i++) {
            float gi = g[i] + weightDecay * w[i];
            m[i] = Ops.normalOrZero(beta1 * m[i] + c1 * gi);
            v[i] = Ops.normalOrZero(beta2 * v[i] + c2 * gi * gi);
            w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * invSqrtBc2 + eps);
        }
    }
}
