package org.scratchnet.tensor;

/**
 * The sliding-window arithmetic shared by convolution and pooling, for one image of
 * {@code C} channels of {@code H x W} pixels: window {@code kH x kW}, strides {@code sH, sW}
 * and zero padding given for each side (top, bottom, left, right), so that PyTorch's symmetric
 * padding and the asymmetric split of {@code same} are both one case.
 *
 * <p>Output size per axis, as PyTorch (floor mode): {@code OH = (H + top + bottom - kH) / sH + 1}.
 * Output pixel {@code (oh, ow)} reads input rows {@code oh·sH - top + i} for {@code i} in
 * {@code [0, kH)}, and likewise for columns; reads outside the image see zero (convolution) or
 * are skipped (pooling).
 */
public final class ConvGeometry {
    public final int c, h, w;
    public final int kh, kw;
    public final int sh, sw;
    public final int padTop, padBottom, padLeft, padRight;
    public final int oh, ow;
    /** Output rows [ohFrom, ohTo) and columns [owFrom, owTo) whose windows lie wholly inside the image. */
    final int ohFrom, ohTo, owFrom, owTo;
    private volatile int[] patchOffsets;
    private volatile int[][] interior;

    /**
     * @throws ShapeException if a size is not positive, a pad is negative, or the window does not
     *                        fit in the padded image (the message gives the input and window)
     */
    public ConvGeometry(int c, int h, int w, int kh, int kw, int sh, int sw,
                        int padTop, int padBottom, int padLeft, int padRight) {
        if (c < 1 || h < 1 || w < 1) {
            throw new ShapeException("window over input (" + c + "," + h + "," + w + "): channels, height and width must be >= 1");
        }
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1) {
            throw new ShapeException("window " + kh + "x" + kw + " stride " + sh + "x" + sw + ": kernel and stride must be >= 1");
        }
        if (padTop < 0 || padBottom < 0 || padLeft < 0 || padRight < 0) {
            throw new ShapeException("pads (top " + padTop + ", bottom " + padBottom + ", left " + padLeft
                    + ", right " + padRight + ") must be >= 0");
        }
        if (h + padTop + padBottom < kh || w + padLeft + padRight < kw) {
            throw new ShapeException("window " + kh + "x" + kw + " does not fit input (" + c + "," + h + "," + w
                    + ") padded to " + (h + padTop + padBottom) + "x" + (w + padLeft + padRight));
        }
        this.c = c;
        this.h = h;
        this.w = w;
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.padTop = padTop;
        this.padBottom = padBottom;
        this.padLeft = padLeft;
        this.padRight = padRight;
        this.oh = (h + padTop + padBottom - kh) / sh + 1;
        this.ow = (w + padLeft + padRight - kw) / sw + 1;
        this.ohFrom = Math.min(oh, (padTop + sh - 1) / sh);
        this.ohTo = Math.max(ohFrom, Math.min(oh, h - kh + padTop < 0 ? 0 : (h - kh + padTop) / sh + 1));
        this.owFrom = Math.min(ow, (padLeft + sw - 1) / sw);
        this.owTo = Math.max(owFrom, Math.min(ow, w - kw + padLeft < 0 ? 0 : (w - kw + padLeft) / sw + 1));
    }

    /** True when output pixel (oh, ow)'s window lies wholly inside the image (no bounds checks needed). */
    boolean inside(int r, int col) {
        return r >= ohFrom && r < ohTo && col >= owFrom && col < owTo;
    }

    /** Input offset of the window's top-left cell for output (oh, ow); may be negative at a padded edge. */
    int windowBase(int r, int col) {
        return (r * sh - padTop) * w + col * sw - padLeft;
    }

    /**
     * Offsets of the C·kH·kW window cells from the window's top-left cell, in im2col column order
     * {@code (c·kH + i)·kW + j}: {@code c·H·W + i·W + j}. Computed once per geometry.
     */
    int[] patchOffsets() {
        int[] p = patchOffsets;
        if (p == null) {
            p = new int[patch()];
            int q = 0;
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        p[q++] = ch * h * w + i * w + j;
                    }
                }
            }
            patchOffsets = p;
        }
        return p;
    }

    /**
     * The outputs whose windows lie inside the image, row-major: {@code [0]} their windows' base
     * offsets in the input plane, {@code [1]} their indices in the output plane. The vector pools
     * gather L of them at a time, whatever the plane's width.
     */
    int[][] interior() {
        int[][] t = interior;
        if (t == null) {
            int count = (ohTo - ohFrom) * (owTo - owFrom);
            t = new int[2][count];
            int k = 0;
            for (int r = ohFrom; r < ohTo; r++) {
                for (int col = owFrom; col < owTo; col++, k++) {
                    t[0][k] = windowBase(r, col);
                    t[1][k] = r * ow + col;
                }
            }
            interior = t;
        }
        return t;
    }

    /** Square window, equal stride and the same pad on all four sides. */
    public static ConvGeometry square(int c, int h, int w, int k, int stride, int pad) {
        return new ConvGeometry(c, h, w, k, k, stride, stride, pad, pad, pad, pad);
    }

    /** Pixels in one input plane, {@code H·W}. */
    public int inPlane() {
        return h * w;
    }

    /** Pixels in one output plane, {@code OH·OW}; also the rows of one image's im2col matrix. */
    public int outPlane() {
        return oh * ow;
    }

    /** Columns of the im2col matrix, {@code C·kH·kW}: one per weight of a filter. */
    public int patch() {
        return c * kh * kw;
    }

    /**
     * Pooling windows must see at least one real pixel; like PyTorch, each pad may be at most half
     * the window along its axis.
     */
    public void requirePoolPads(String op) {
        if (2 * Math.max(padTop, padBottom) > kh || 2 * Math.max(padLeft, padRight) > kw) {
            throw new ShapeException(op + ": pads (top " + padTop + ", bottom " + padBottom + ", left " + padLeft
                    + ", right " + padRight + ") must be at most half the window " + kh + "x" + kw);
        }
    }

    @Override
    public String toString() {
        return "(" + c + "," + h + "," + w + ") window " + kh + "x" + kw + " stride " + sh + "x" + sw
                + " pads " + padTop + "," + padBottom + "," + padLeft + "," + padRight + " -> " + oh + "x" + ow;
    }
}
