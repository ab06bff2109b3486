package org.scratchnet.tensor;

/**
 * Pooling over a batch x (N, C, H, W) → y (N, C, OH, OW): every one of the N·C planes is pooled
 * on its own, and {@link Parallel} hands whole planes to threads, so the bits never depend on
 * the thread count. The window, stride and pads come from a {@link ConvGeometry} whose {@code c}
 * is C. Each method takes the {@link ConvKernels} to use; the engine's choice is
 * {@link ConvKernels#current()}.
 */
public final class PoolKernels {
    private PoolKernels() {
    }

    private static void check(String op, ConvGeometry g, int n, float[] x, float[] y) {
        g.requirePoolPads(op);
        long in = (long) n * g.c * g.inPlane(), out = (long) n * g.c * g.outPlane();
        if (x.length < in || y.length < out) {
            throw new ShapeException(op + " " + g + " for " + n + " images: input has " + x.length
                    + " values (needs " + in + "), output " + y.length + " (needs " + out + ")");
        }
    }

    /** x (N,C,H,W) → y (N,C,OH,OW) and arg (N,C,OH,OW), each maximum's index within its input plane. */
    public static void maxPool(ConvKernels ck, float[] x, int n, ConvGeometry g, float[] y, int[] arg) {
        check("maxpool", g, n, x, y);
        int in = g.inPlane(), out = g.outPlane();
        Parallel.forRows(n * g.c, (long) n * g.c * out * g.kh * g.kw, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                ck.maxPool(x, p * in, g, y, p * out, arg);
            }
        });
    }

    /** dY (N,C,OH,OW) and the forward's arg → dX (N,C,H,W) (overwritten). */
    public static void maxPoolBackward(ConvKernels ck, float[] dy, int[] arg, int n, ConvGeometry g, float[] dx) {
        check("maxpool backward", g, n, dx, dy);
        int in = g.inPlane(), out = g.outPlane();
        Parallel.forRows(n * g.c, (long) n * g.c * (in + out), (p0, p1) -> {
            java.util.Arrays.fill(dx, p0 * in, p1 * in, 0f);
            for (int p = p0; p < p1; p++) {
                ck.maxPoolBackward(dy, p * out, arg, g, dx, p * in);
            }
        });
    }

    /** x (N,C,H,W) → y (N,C,OH,OW), PyTorch's {@code AvgPool2d} with {@code count_include_pad}. */
    public static void avgPool(ConvKernels ck, float[] x, int n, ConvGeometry g, boolean countIncludePad, float[] y) {
        check("avgpool", g, n, x, y);
        int in = g.inPlane(), out = g.outPlane();
        Parallel.forRows(n * g.c, (long) n * g.c * out * g.kh * g.kw, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                ck.avgPool(x, p * in, g, countIncludePad, y, p * out);
            }
        });
    }

    /** dY (N,C,OH,OW) → dX (N,C,H,W) (overwritten). */
    public static void avgPoolBackward(ConvKernels ck, float[] dy, int n, ConvGeometry g, boolean countIncludePad, float[] dx) {
        check("avgpool backward", g, n, dx, dy);
        int in = g.inPlane(), out = g.outPlane();
        Parallel.forRows(n * g.c, (long) n * g.c * out * g.kh * g.kw, (p0, p1) -> {
            java.util.Arrays.fill(dx, p0 * in, p1 * in, 0f);
            for (int p = p0; p < p1; p++) {
                ck.avgPoolBackward(dy, p * out, g, countIncludePad, dx, p * in);
            }
        });
    }

    /** x (N, C, S) with S = H·W pixels per plane → y (N, C): each plane's mean. */
    public static void globalAvgPool(ConvKernels ck, float[] x, int planes, int plane, float[] y) {
        if (plane < 1 || x.length < (long) planes * plane || y.length < planes) {
            throw new ShapeException("global average pool: " + planes + " planes of " + plane
                    + " pixels need an input of " + (long) planes * plane + " and an output of " + planes
                    + " values, got " + x.length + " and " + y.length);
        }
        Parallel.forRows(planes, (long) planes * plane, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                y[p] = ck.planeSum(x, p * plane, plane) / plane;
            }
        });
    }

    /** dY (N, C) → dX (N, C, S): every pixel of plane p gets dY[p] / S. */
    public static void globalAvgPoolBackward(float[] dy, int planes, int plane, float[] dx) {
        if (plane < 1 || dx.length < (long) planes * plane || dy.length < planes) {
            throw new ShapeException("global average pool backward: " + planes + " planes of " + plane
                    + " pixels need a gradient of " + planes + " and an output of " + (long) planes * plane
                    + " values, got " + dy.length + " and " + dx.length);
        }
        Parallel.forRows(planes, (long) planes * plane, (p0, p1) -> {
            for (int p = p0; p < p1; p++) {
                java.util.Arrays.fill(dx, p * plane, (p + 1) * plane, dy[p] / plane);
            }
        });
    }
}
