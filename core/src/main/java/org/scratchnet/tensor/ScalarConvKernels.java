package org.scratchnet.tensor;

/** Plain-loop convolution and pooling: the reference for {@code VectorConvKernels} and the fallback. */
public final class ScalarConvKernels implements ConvKernels {
    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void im2col(float[] x, int xo, ConvGeometry g, float[] col, int co) {
        int patch = g.patch();
        int[] offs = g.patchOffsets();
        for (int oh = 0; oh < g.oh; oh++) {
            for (int ow = 0; ow < g.ow; ow++) {
                int row = co + (oh * g.ow + ow) * patch;
                if (g.inside(oh, ow)) {
                    int base = xo + g.windowBase(oh, ow);
                    for (int q = 0; q < patch; q++) {
                        col[row + q] = x[base + offs[q]];
                    }
                } else {
                    edgeRow(x, xo, g, col, row, oh, ow);
                }
            }
        }
    }

    /** One im2col row of a window that overhangs the image: cells outside read as 0. */
    static void edgeRow(float[] x, int xo, ConvGeometry g, float[] col, int row, int oh, int ow) {
        int q = 0;
        for (int c = 0; c < g.c; c++) {
            int plane = xo + c * g.h * g.w;
            for (int i = 0; i < g.kh; i++) {
                int ih = oh * g.sh - g.padTop + i;
                boolean rowIn = ih >= 0 && ih < g.h;
                for (int j = 0; j < g.kw; j++, q++) {
                    int iw = ow * g.sw - g.padLeft + j;
                    col[row + q] = rowIn && iw >= 0 && iw < g.w ? x[plane + ih * g.w + iw] : 0f;
                }
            }
        }
    }

    @Override
    public void col2im(float[] col, int co, ConvGeometry g, float[] dx, int xo) {
        int patch = g.patch();
        int[] offs = g.patchOffsets();
        for (int oh = 0; oh < g.oh; oh++) {
            for (int ow = 0; ow < g.ow; ow++) {
                int row = co + (oh * g.ow + ow) * patch;
                if (g.inside(oh, ow)) {
                    int base = xo + g.windowBase(oh, ow);
                    for (int q = 0; q < patch; q++) {
                        dx[base + offs[q]] += col[row + q];
                    }
                } else {
                    edgeRowBackward(col, row, g, dx, xo, oh, ow);
                }
            }
        }
    }

    /** The adjoint of {@link #edgeRow}: cells outside the image are dropped. */
    static void edgeRowBackward(float[] col, int row, ConvGeometry g, float[] dx, int xo, int oh, int ow) {
        int q = 0;
        for (int c = 0; c < g.c; c++) {
            int plane = xo + c * g.h * g.w;
            for (int i = 0; i < g.kh; i++) {
                int ih = oh * g.sh - g.padTop + i;
                boolean rowIn = ih >= 0 && ih < g.h;
                for (int j = 0; j < g.kw; j++, q++) {
                    int iw = ow * g.sw - g.padLeft + j;
                    if (rowIn && iw >= 0 && iw < g.w) {
                        dx[plane + ih * g.w + iw] += col[row + q];
                    }
                }
            }
        }
    }

    @Override
    public void maxPool(float[] x, int xo, ConvGeometry g, float[] y, int yo, int[] arg) {
        for (int oh = 0; oh < g.oh; oh++) {
            for (int ow = 0; ow < g.ow; ow++) {
                if (g.inside(oh, ow)) {
                    maxInside(x, xo, g, y, yo, arg, oh, ow);
                } else {
                    maxWindow(x, xo, g, y, yo, arg, oh, ow);
                }
            }
        }
    }

    /** {@link #maxWindow} for a window wholly inside the image: the same comparisons, no clamping. */
    private static void maxInside(float[] x, int xo, ConvGeometry g, float[] y, int yo, int[] arg, int oh, int ow) {
        int base = g.windowBase(oh, ow);
        float max = Float.NEGATIVE_INFINITY;
        int at = base;
        for (int i = 0; i < g.kh; i++) {
            int rowAt = base + i * g.w;
            for (int j = 0; j < g.kw; j++) {
                float v = x[xo + rowAt + j];
                if (v > max || v != v) { // v != v: NaN propagates, as PyTorch
                    max = v;
                    at = rowAt + j;
                }
            }
        }
        y[yo + oh * g.ow + ow] = max;
        arg[yo + oh * g.ow + ow] = at;
    }

    /** One output of max pooling; also the vector path's edge columns. */
    static void maxWindow(float[] x, int xo, ConvGeometry g, float[] y, int yo, int[] arg, int oh, int ow) {
        int h0 = Math.max(0, oh * g.sh - g.padTop), h1 = Math.min(g.h, oh * g.sh - g.padTop + g.kh);
        int w0 = Math.max(0, ow * g.sw - g.padLeft), w1 = Math.min(g.w, ow * g.sw - g.padLeft + g.kw);
        float max = Float.NEGATIVE_INFINITY;
        int at = h0 * g.w + w0;
        for (int ih = h0; ih < h1; ih++) {
            for (int iw = w0; iw < w1; iw++) {
                float v = x[xo + ih * g.w + iw];
                if (v > max || Float.isNaN(v)) {
                    max = v;
                    at = ih * g.w + iw;
                }
            }
        }
        y[yo + oh * g.ow + ow] = max;
        arg[yo + oh * g.ow + ow] = at;
    }

    @Override
    public void maxPoolBackward(float[] dy, int yo, int[] arg, ConvGeometry g, float[] dx, int xo) {
        int n = g.outPlane();
        for (int p = 0; p < n; p++) {
            dx[xo + arg[yo + p]] += dy[yo + p];
        }
    }

    @Override
    public void avgPool(float[] x, int xo, ConvGeometry g, boolean countIncludePad, float[] y, int yo) {
        for (int oh = 0; oh < g.oh; oh++) {
            for (int ow = 0; ow < g.ow; ow++) {
                avgWindow(x, xo, g, countIncludePad, y, yo, oh, ow);
            }
        }
    }

    static void avgWindow(float[] x, int xo, ConvGeometry g, boolean countIncludePad, float[] y, int yo, int oh, int ow) {
        int h0 = Math.max(0, oh * g.sh - g.padTop), h1 = Math.min(g.h, oh * g.sh - g.padTop + g.kh);
        int w0 = Math.max(0, ow * g.sw - g.padLeft), w1 = Math.min(g.w, ow * g.sw - g.padLeft + g.kw);
        float sum = 0f;
        for (int ih = h0; ih < h1; ih++) {
            for (int iw = w0; iw < w1; iw++) {
                sum += x[xo + ih * g.w + iw];
            }
        }
        y[yo + oh * g.ow + ow] = sum / divisor(g, countIncludePad, oh, ow);
    }

    /**
     * PyTorch's divisor: with padding counted, the window clipped to the padded image (a window
     * can overhang the bottom/right pad when the stride does not divide evenly); else the real pixels.
     */
    static int divisor(ConvGeometry g, boolean countIncludePad, int oh, int ow) {
        int hs = oh * g.sh - g.padTop, ws = ow * g.sw - g.padLeft;
        int he = Math.min(hs + g.kh, g.h + g.padBottom), we = Math.min(ws + g.kw, g.w + g.padRight);
        if (countIncludePad) {
            return (he - hs) * (we - ws);
        }
        return (Math.min(he, g.h) - Math.max(hs, 0)) * (Math.min(we, g.w) - Math.max(ws, 0));
    }

    @Override
    public void avgPoolBackward(float[] dy, int yo, ConvGeometry g, boolean countIncludePad, float[] dx, int xo) {
        for (int oh = 0; oh < g.oh; oh++) {
            int h0 = Math.max(0, oh * g.sh - g.padTop), h1 = Math.min(g.h, oh * g.sh - g.padTop + g.kh);
            for (int ow = 0; ow < g.ow; ow++) {
                int w0 = Math.max(0, ow * g.sw - g.padLeft), w1 = Math.min(g.w, ow * g.sw - g.padLeft + g.kw);
                float share = dy[yo + oh * g.ow + ow] / divisor(g, countIncludePad, oh, ow);
                for (int ih = h0; ih < h1; ih++) {
                    for (int iw = w0; iw < w1; iw++) {
                        dx[xo + ih * g.w + iw] += share;
                    }
                }
            }
        }
    }

    @Override
    public float planeSum(float[] x, int off, int len) {
        float s = 0f;
        for (int i = 0; i < len; i++) {
            s += x[off + i];
        }
        return s;
    }
}
