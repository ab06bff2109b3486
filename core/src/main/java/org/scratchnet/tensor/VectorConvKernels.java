package org.scratchnet.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-API pooling. Windows that lie wholly inside the image are handled L at a time through
 * gathers and scatters with index tables computed once per {@link ConvGeometry}, whatever the
 * plane's width; windows that overhang a padded edge take the scalar code. Each value sees
 * the same operations in the same order as in {@link ScalarConvKernels}, so the bits agree.
 *
 * <p>im2col and col2im use the scalar table loops (gathers measured slower), and the pooling
 * gradients stay scalar: overlapping windows would collide in a vector scatter, and they are a
 * small share of a step. The convolution's arithmetic is the product, done by
 * {@link VectorKernels}.
 *
 * <p>Loaded reflectively ({@link ConvKernels#current()}), so nothing else may refer to this class.
 */
public final class VectorConvKernels implements ConvKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);
    private static final int L = S.length();
    private static final ScalarConvKernels SCALAR = new ScalarConvKernels();

    @Override
    public String name() {
        return "vector";
    }

    /** The scalar table loop: measured about twice as fast as vector gathers here (few cells per window row). */
    @Override
    public void im2col(float[] x, int xo, ConvGeometry g, float[] col, int co) {
        SCALAR.im2col(x, xo, g, col, co);
    }

    /** Scalar, as {@link #im2col}. */
    @Override
    public void col2im(float[] col, int co, ConvGeometry g, float[] dx, int xo) {
        SCALAR.col2im(col, co, g, dx, xo);
    }

    /**
     * Max pooling, L interior outputs at a time from {@link ConvGeometry#interior()} (so a 13-wide
     * plane vectorises too): for each window cell, gather the L inputs, keep the larger (or NaN)
     * and its index; scatter the results. The rest of the plane takes the scalar window.
     */
    @Override
    public void maxPool(float[] x, int xo, ConvGeometry g, float[] y, int yo, int[] arg) {
        int[][] in = g.interior();
        int[] bases = in[0], outs = in[1];
        int full = bases.length - bases.length % L;
        FloatVector minusInf = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int k = 0; k < full; k += L) {
            FloatVector max = minusInf;
            IntVector base = IntVector.fromArray(IS, bases, k);
            IntVector at = base;
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    int cell = i * g.w + j;
                    FloatVector v = FloatVector.fromArray(S, x, xo + cell, bases, k);
                    // v != v marks NaN; test(IS_NAN) is not compiled to vector code on JDK 17 (profiled)
                    VectorMask<Float> take = v.compare(VectorOperators.GT, max).or(v.compare(VectorOperators.NE, v));
                    max = max.blend(v, take);
                    at = at.blend(base.add(cell), take.cast(IS));
                }
            }
            max.intoArray(y, yo, outs, k);
            at.intoArray(arg, yo, outs, k);
        }
        for (int k = full; k < outs.length; k++) {
            ScalarConvKernels.maxWindow(x, xo, g, y, yo, arg, outs[k] / g.ow, outs[k] % g.ow);
        }
        edges(g, (oh, ow) -> ScalarConvKernels.maxWindow(x, xo, g, y, yo, arg, oh, ow));
    }

    /** One output of a pool, computed by the scalar window. */
    @FunctionalInterface
    private interface Window {
        void at(int oh, int ow);
    }

    /** Runs {@code window} on every output whose window overhangs the image. */
    private static void edges(ConvGeometry g, Window window) {
        for (int oh = 0; oh < g.oh; oh++) {
            boolean rowInside = oh >= g.ohFrom && oh < g.ohTo;
            for (int ow = 0; ow < g.ow; ow++) {
                if (!rowInside || ow < g.owFrom || ow >= g.owTo) {
                    window.at(oh, ow);
                }
            }
        }
    }

    @Override
    public void maxPoolBackward(float[] dy, int yo, int[] arg, ConvGeometry g, float[] dx, int xo) {
        SCALAR.maxPoolBackward(dy, yo, arg, g, dx, xo);
    }

    /** Average pooling like {@link #maxPool}; an interior window's divisor is kH·kW either way. */
    @Override
    public void avgPool(float[] x, int xo, ConvGeometry g, boolean countIncludePad, float[] y, int yo) {
        int[][] in = g.interior();
        int[] bases = in[0], outs = in[1];
        int full = bases.length - bases.length % L;
        float div = g.kh * g.kw;
        for (int k = 0; k < full; k += L) {
            FloatVector sum = FloatVector.zero(S);
            for (int i = 0; i < g.kh; i++) {
                for (int j = 0; j < g.kw; j++) {
                    sum = sum.add(FloatVector.fromArray(S, x, xo + i * g.w + j, bases, k));
                }
            }
            sum.div(div).intoArray(y, yo, outs, k);
        }
        for (int k = full; k < outs.length; k++) {
            ScalarConvKernels.avgWindow(x, xo, g, countIncludePad, y, yo, outs[k] / g.ow, outs[k] % g.ow);
        }
        edges(g, (oh, ow) -> ScalarConvKernels.avgWindow(x, xo, g, countIncludePad, y, yo, oh, ow));
    }

    @Override
    public void avgPoolBackward(float[] dy, int yo, ConvGeometry g, boolean countIncludePad, float[] dx, int xo) {
        SCALAR.avgPoolBackward(dy, yo, g, countIncludePad, dx, xo);
    }

    @Override
    public float planeSum(float[] x, int off, int len) {
        int i = 0;
        float s = 0f;
        if (len >= L) {
            FloatVector acc = FloatVector.zero(S);
            for (; i + L <= len; i += L) {
                acc = acc.add(FloatVector.fromArray(S, x, off + i));
            }
            s = VectorKernels.sumLanes(acc);
        }
        for (; i < len; i++) {
            s += x[off + i];
        }
        return s;
    }
}
