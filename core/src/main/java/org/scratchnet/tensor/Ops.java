package org.scratchnet.tensor;

/**
 * Shape-checked tensor operations on top of {@link Kernels}. Every error names the operation
 * and both shapes. Outputs are passed in so that callers can reuse buffers.
 */
public final class Ops {
    private Ops() {
    }

    /** Inner dimensions longer than this are summed in parts: see {@link #innerParts}. */
    public static final int INNER_PART = 512;
    /** Scratch for the later parts' sums, per calling thread, kept while at most this many floats. */
    private static final int KEEP_SCRATCH = 1 << 20;
    private static final ThreadLocal<float[][]> PARTS = ThreadLocal.withInitial(() -> new float[0][]);

    /**
     * out (N,H) = a (N,D) @ b (D,H). An inner dimension longer than {@link #INNER_PART} is
     * summed in {@link #innerParts} parts: each part is one chain over its share of D, and the
     * parts are added in order, out = part 0 + part 1 + .... The parts depend on D alone, so any
     * thread count gives the same bits. With two threads, each sums one half of D for every row,
     * reading only its half of b's rows: the rows its share of the weight gradient (a row split
     * of {@link #matmulTransA}) and of the optimizer's element-wise update cover, so a weight
     * read in the forward pass stays in the cache of the core that last wrote it. Split by rows
     * instead, both cores would read all of b, half of it just written by the other core.
     */
    public static void matmul(Tensor a, Tensor b, Tensor out) {
        int m = a.rows(), k = a.cols(), n = b.cols();
        if (b.rows() != k || out.rows() != m || out.cols() != n) {
            throw new ShapeException("matmul: " + a.shapeString() + " @ " + b.shapeString() + " -> "
                    + out.shapeString() + " (inner dimensions must match, output must be [" + m + ", " + n + "])");
        }
        Kernels kern = Engine.kernels();
        float[] ad = a.data(), bd = b.data(), cd = out.data();
        long flops = 2L * m * k * n;
        int parts = innerParts(k);
        if (parts == 1 || m == 0) {
            Parallel.forRows(m, flops, (from, to) -> kern.matmul(ad, bd, cd, m, k, n, false, from, to));
            return;
        }
        float[][] sums = partSums(parts, m * n, cd);
        forParts(m, k, flops, (q, p0, p1, r0, r1) -> kern.matmulPart(ad, bd, sums[q], m, k, n, p0, p1, r0, r1));
        for (int q = 1; q < parts; q++) {
            float[] s = sums[q];
            for (int i = 0; i < cd.length; i++) {
                cd[i] += s[i];
            }
        }
    }

    /** Work on rows [r0, r1) of columns [p0, p1), part q of a row length's {@link #innerParts}. */
    @FunctionalInterface
    public interface PartTask {
        void run(int q, int p0, int p1, int r0, int r1);
    }

    /**
     * Runs {@code task} over the parts of (m, k) rows, split between threads exactly as
     * {@link #matmul} splits an (m, k) left operand: whoever fills a batch this way (decoding
     * bytes, say) leaves each part in the cache of the core that multiplies it.
     */
    public static void forParts(int m, int k, long work, PartTask task) {
        int parts = innerParts(k);
        if (m == 0) {
            return;
        }
        // (part, row) pairs as rows [0, parts·m): with two threads and two parts, one part each
        Parallel.forRows(parts * m, work, (from, to) -> {
            for (int q = from / m; q * m < to; q++) { // to <= parts·m, so q < parts
                task.run(q, partStart(k, parts, q), partStart(k, parts, q + 1),
                        Math.max(from - q * m, 0), Math.min(to - q * m, m));
            }
        });
    }

    /** The number of parts an inner dimension of length k is summed in: one per {@link #INNER_PART} (rounded up). */
    public static int innerParts(int k) {
        return Math.max(1, (k + INNER_PART - 1) / INNER_PART);
    }

    /** Where part q of an inner dimension of length k begins: nearly equal parts, starting at multiples of 8. */
    static int partStart(int k, int parts, int q) {
        return q >= parts ? k : (int) ((long) k * q / parts) / 8 * 8;
    }

    // {out, then one buffer per later part}: this thread's kept buffers when they fit
    private static float[][] partSums(int parts, int size, float[] out) {
        float[][] sums = PARTS.get();
        if (sums.length != parts || sums[1].length < size) {
            sums = new float[parts][size];
            if ((long) parts * size <= KEEP_SCRATCH) {
                PARTS.set(sums);
            }
        }
        sums[0] = out;
        return sums;
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

    /**
     * x, or +0 when x is subnormal or a zero of either sign. The optimizers store their running
     * averages through it: an average that decays where the gradient stays 0 would otherwise spend
     * about 150 steps in the subnormal range, where every multiplication takes a slow path in the
     * CPU (see {@link Kernels#adamStep}).
     */
    public static float normalOrZero(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }
}
