package org.scratchnet.tensor;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code Conv2d}) of a batch by im2col and one
 * product. Shapes, with P = OH·OW output pixels per image and Q = C·kH·kW weights per filter:
 *
 * <pre>
 *   x    (N, C, H, W)        input images
 *   w    (O, C, kH, kW)      filters, PyTorch's layout; row o of w (O, Q) is filter o
 *   b    (O)                 bias, optional
 *   col  (N·P, Q)            patches, one row per output pixel of the batch (kept for backward)
 *   rows (N·P, O)            col @ wᵀ: the output, pixel-major
 *   y    (N, O, OH, OW)      rows transposed per image, plus b
 * </pre>
 *
 * Backward, with dRows the pixel-major copy of dY: dW [+]= dRowsᵀ @ col, dB [+]= Σ dY over images and
 * pixels, dCol = dRows @ w and dX = col2im(dCol).
 *
 * <p>Stacking the batch makes each product one tall matrix that {@link Parallel} splits by rows
 * (output pixels for y and dCol, filters for dW), so the sum over images and pixels in dW is
 * never split: any thread count gives the same bits. Instances keep scratch buffers sized for
 * the largest batch seen; one instance serves one layer and is not thread-safe.
 */
public final class Conv2dKernel {
    private final ConvGeometry g;
    private final int outC;
    private final Kernels kernels;
    private final ConvKernels conv;
    private float[] col = new float[0];
    private float[] rows = new float[0];
    private float[] dCol = new float[0];
    private final float[] wT;

    /** Uses the engine's kernels at the time of each call. */
    public Conv2dKernel(ConvGeometry g, int outChannels) {
        this(g, outChannels, null, null);
    }

    /** Fixed kernels (tests compare the scalar and vector paths); null means the engine's. */
    public Conv2dKernel(ConvGeometry g, int outChannels, Kernels kernels, ConvKernels conv) {
        if (outChannels < 1) {
            throw new ShapeException("conv2d: filters must be >= 1, got " + outChannels);
        }
        this.g = g;
        this.outC = outChannels;
        this.kernels = kernels;
        this.conv = conv;
        this.wT = new float[g.patch() * outChannels];
    }

    public ConvGeometry geometry() {
        return g;
    }

    /** Multiply-adds of one image's forward pass, {@code P·Q·O}; backward is about twice that. */
    public long macsPerImage() {
        return (long) g.outPlane() * g.patch() * outC;
    }

    private Kernels kern() {
        return kernels != null ? kernels : Engine.kernels();
    }

    private ConvKernels ck() {
        return conv != null ? conv : ConvKernels.current();
    }

    private void require(String what, float[] a, long size) {
        if (a.length < size) {
            throw new ShapeException("conv2d " + g + ": " + what + " has " + a.length + " values, needs " + size);
        }
    }

    /** x (N,C,H,W), w (O,C,kH,kW), b (O) or null → y (N,O,OH,OW). Keeps the patches for {@link #backward}. */
    public void forward(float[] x, int n, float[] w, float[] b, float[] y) {
        int p = g.outPlane(), q = g.patch(), in = g.c * g.inPlane();
        require("x", x, (long) n * in);
        require("w", w, (long) outC * q);
        require("y", y, (long) n * outC * p);
        if (b != null) {
            require("b", b, outC);
        }
        int np = n * p;
        col = grow(col, (long) np * q);
        rows = grow(rows, (long) np * outC);
        ConvKernels c = ck();
        Kernels k = kern();
        float[] colD = col, rowsD = rows;
        Parallel.forRows(n, (long) n * p * q, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                c.im2col(x, i * in, g, colD, i * p * q);
            }
        });
        Transpose.copy(w, q, outC, wT, outC);
        Parallel.forRows(np, 2L * np * q * outC, (r0, r1) -> k.matmul(colD, wT, rowsD, np, q, outC, false, r0, r1));
        Parallel.forRows(n, (long) n * p * outC, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                for (int o = 0; o < outC; o++) {
                    float bias = b == null ? 0f : b[o];
                    int yo = (i * outC + o) * p, ro = i * p * outC + o;
                    for (int t = 0; t < p; t++) {
                        y[yo + t] = rowsD[ro + t * outC] + bias;
                    }
                }
            }
        });
    }

    /**
     * dY (N,O,OH,OW) of the last {@link #forward} → dW (O,C,kH,kW) and dB (O) (when not null),
     * added to when {@code accumulate}, else overwritten; dX (N,C,H,W) = the input gradient when
     * not null (the first layer skips it).
     */
    public void backward(float[] dY, int n, float[] w, float[] dW, float[] dB, float[] dX, boolean accumulate) {
        int p = g.outPlane(), q = g.patch(), in = g.c * g.inPlane();
        int np = n * p;
        if (col.length < (long) np * q) {
            throw new IllegalStateException("conv2d backward for " + n + " images without a forward pass of them");
        }
        require("dY", dY, (long) np * outC);
        require("dW", dW, (long) outC * q);
        float[] rowsD = rows, colD = col;
        Parallel.forRows(n, (long) np * outC, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                for (int o = 0; o < outC; o++) {
                    int yo = (i * outC + o) * p, ro = i * p * outC + o;
                    for (int t = 0; t < p; t++) {
                        rowsD[ro + t * outC] = dY[yo + t];
                    }
                }
            }
        });
        if (dB != null) {
            require("dB", dB, outC);
            Parallel.forRows(outC, (long) np * outC, (o0, o1) -> {
                for (int o = o0; o < o1; o++) {
                    float s = 0f;
                    for (int i = 0; i < n; i++) {
                        int yo = (i * outC + o) * p;
                        for (int t = 0; t < p; t++) {
                            s += dY[yo + t];
                        }
                    }
                    dB[o] = accumulate ? dB[o] + s : s;
                }
            });
        }
        Kernels k = kern();
        // dW (O, Q) += rowsᵀ @ col, rows stored (N·P, O): the whole batch is the inner dimension
        Parallel.forRows(outC, 2L * np * q * outC, (o0, o1) -> k.matmulTransA(rowsD, colD, dW, outC, np, q, accumulate, o0, o1));
        if (dX == null) {
            return;
        }
        require("dX", dX, (long) n * in);
        dCol = grow(dCol, (long) np * q);
        float[] dColD = dCol;
        Parallel.forRows(np, 2L * np * q * outC, (r0, r1) -> k.matmul(rowsD, w, dColD, np, outC, q, false, r0, r1));
        ConvKernels c = ck();
        Parallel.forRows(n, (long) np * q, (i0, i1) -> {
            java.util.Arrays.fill(dX, i0 * in, i1 * in, 0f);
            for (int i = i0; i < i1; i++) {
                c.col2im(dColD, i * p * q, g, dX, i * in);
            }
        });
    }

    private static float[] grow(float[] a, long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new ShapeException("conv2d: a batch needs " + size + " scratch values, more than one array holds; use a smaller batch");
        }
        return a.length >= size ? a : new float[(int) size];
    }
}
