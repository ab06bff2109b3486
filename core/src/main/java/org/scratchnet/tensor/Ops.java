package org.scratchnet.tensor;

/**
 * Shape-checked tensor operations on top of {@link Kernels}. Every error names the operation
 * and both shapes. Outputs are passed in so that callers can reuse buffers.
 */
public final class Ops {
    private Ops() {
    }

    /** out (N,H) = a (N,D) @ b (D,H). */
    public static void matmul(Tensor a, Tensor b, Tensor out) {
        int m = a.rows(), k = a.cols(), n = b.cols();
        if (b.rows() != k || out.rows() != m || out.cols() != n) {
            throw new ShapeException("matmul: " + a.shapeString() + " @ " + b.shapeString() + " -> "
                    + out.shapeString() + " (inner dimensions must match, output must be [" + m + ", " + n + "])");
        }
        Kernels kern = Engine.kernels();
        float[] ad = a.data(), bd = b.data(), cd = out.data();
        Parallel.forRows(m, 2L * m * k * n, (from, to) -> kern.matmul(ad, bd, cd, m, k, n, false, from, to));
    }

    /** out (D,H) [+]= aᵀ @ b with a (N,D) and b (N,H): the weight gradient xᵀ @ dZ. */
    public static void matmulTransA(Tensor a, Tensor b, Tensor out, boolean accumulate) {
        int k = a.rows(), m = a.cols(), n = b.cols();
        if (b.rows() != k || out.rows() != m || out.cols() != n) {
            throw new ShapeException("matmulTransA: " + a.shapeString() + "ᵀ @ " + b.shapeString() + " -> "
                    + out.shapeString() + " (row counts must match, output must be [" + m + ", " + n + "])");
        }
        Kernels kern = Engine.kernels();
        float[] ad = a.data(), bd = b.data(), cd = out.data();
        Parallel.forRows(m, 2L * m * k * n, (from, to) -> kern.matmulTransA(ad, bd, cd, m, k, n, accumulate, from, to));
    }

    /** out (N,D) = a (N,H) @ bᵀ with b (D,H): the input gradient dZ @ wᵀ. */
    public static void matmulTransB(Tensor a, Tensor b, Tensor out) {
        int m = a.rows(), k = a.cols(), n = b.rows();
        if (b.cols() != k || out.rows() != m || out.cols() != n) {
            throw new ShapeException("matmulTransB: " + a.shapeString() + " @ " + b.shapeString() + "ᵀ -> "
                    + out.shapeString() + " (column counts must match, output must be [" + m + ", " + n + "])");
        }
        Kernels kern = Engine.kernels();
        float[] ad = a.data(), bd = b.data(), cd = out.data();
        Parallel.forRows(m, 2L * m * k * n, (from, to) -> kern.matmulTransB(ad, bd, cd, m, k, n, false, from, to));
    }

    /** z (N,H) += b (1,H), broadcast over rows. */
    public static void addRowVectorInPlace(Tensor z, Tensor b) {
        int n = z.rows(), h = z.cols();
        if (b.size() != h) {
            throw new ShapeException("addRowVector: " + z.shapeString() + " + " + b.shapeString()
                    + " (bias must have " + h + " values)");
        }
        float[] zd = z.data(), bd = b.data();
        for (int i = 0; i < n; i++) {
            int off = i * h;
            for (int j = 0; j < h; j++) {
                zd[off + j] += bd[j];
            }
        }
    }

    /** out (1,H) [+]= column sums of g (N,H): the bias gradient Σ_rows dZ. */
    public static void sumRows(Tensor g, Tensor out, boolean accumulate) {
        int n = g.rows(), h = g.cols();
        if (out.size() != h) {
            throw new ShapeException("sumRows: " + g.shapeString() + " -> " + out.shapeString()
                    + " (output must have " + h + " values)");
        }
        float[] gd = g.data(), od = out.data();
        if (!accumulate) {
            java.util.Arrays.fill(od, 0f);
        }
        for (int i = 0; i < n; i++) {
            int off = i * h;
            for (int j = 0; j < h; j++) {
                od[j] += gd[off + j];
            }
        }
    }

    /** a = max(0, z) element-wise; a may be z. */
    public static void relu(Tensor z, Tensor a) {
        z.requireSameShape("relu", a);
        Engine.kernels().relu(z.data(), a.data(), z.size());
    }

    /** dZ = dA where z &gt; 0, else 0; dZ may be dA. */
    public static void reluBackward(Tensor z, Tensor dA, Tensor dZ) {
        z.requireSameShape("relu backward", dA);
        z.requireSameShape("relu backward", dZ);
        Engine.kernels().reluBackward(z.data(), dA.data(), dZ.data(), z.size());
    }

    public static void sigmoid(Tensor z, Tensor a) {
        z.requireSameShape("sigmoid", a);
        Engine.kernels().sigmoid(z.data(), a.data(), z.size());
    }

    public static void tanh(Tensor z, Tensor a) {
        z.requireSameShape("tanh", a);
        Engine.kernels().tanh(z.data(), a.data(), z.size());
    }

    public static void softmaxRows(Tensor z, Tensor a) {
        z.requireSameShape("softmax", a);
        Engine.kernels().softmaxRows(z.data(), a.data(), z.rows(), z.cols());
    }

    /** out[i] = a[i] · b[i] over all elements; shapes must match ({@code out} may be {@code a}). */
    public static void multiply(Tensor a, Tensor b, Tensor out) {
        a.requireSameShape("multiply", b);
        a.requireSameShape("multiply", out);
        float[] x = a.data(), y = b.data(), z = out.data();
        for (int i = 0; i < z.length; i++) {
            z[i] = x[i] * y[i];
        }
    }
}
