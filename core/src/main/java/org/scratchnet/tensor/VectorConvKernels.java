package org.scratchnet.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector-API pooling: L adjacent outputs of a row at once, for the interior columns whose
 * windows lie wholly inside the image (the edge columns take the scalar window). With a stride
 * the L inputs of one window position are gathered through a fixed index map. Each output sees
 * the same operations in the same order as in {@link ScalarConvKernels}, so the bits agree.
 *
 * <p>im2col, col2im and the pooling gradients are scattered copies and sums that the Vector API
 * does not speed up (overlapping windows would collide in a vector scatter); they use the scalar
 * loops. The convolution's arithmetic is the product, done by {@link VectorKernels}.
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

    @Override
    public void im2col(float[] x, int xo, ConvGeometry g, float[] col, int co) {
        SCALAR.im2col(x, xo, g, col, co);
    }

    @Override
    public void col2im(float[] col, int co, ConvGeometry g, float[] dx, int xo) {
        SCALAR.col2im(col, co, g, dx, xo);
    }

    /** First output column whose window starts inside the image: ow·sW − left ≥ 0. */
    private static int interiorFrom(ConvGeometry g) {
        return Math.min(g.ow, (g.padLeft + g.sw - 1) / g.sw);
    }

    /** One past the last output column whose window ends inside the image: ow·sW − left + kW ≤ W. */
    private static int interiorTo(ConvGeometry g, int from) {
        int last = g.w - g.kw + g.padLeft;
        return last < 0 ? from : Math.max(from, Math.min(g.ow, last / g.sw + 1));
    }

    /** Lane l reads input column offset l·sW. */
    private static int[] laneMap(int sw) {
        int[] map = new int[L];
        for (int l = 0; l < L; l++) {
            map[l] = l * sw;
        }
        return map;
    }

    private static FloatVector load(float[] x, int base, int sw, int[] map) {
        return sw == 1 ? FloatVector.fromArray(S, x, base) : FloatVector.fromArray(S, x, base, map, 0);
    }

    @Override
    public void maxPool(float[] x, int xo, ConvGeometry g, float[] y, int yo, int[] arg) {
        int lo = interiorFrom(g), hi = interiorTo(g, lo);
        int[] map = laneMap(g.sw);
        IntVector lanes = IntVector.fromArray(IS, map, 0);
        FloatVector minusInf = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int oh = 0; oh < g.oh; oh++) {
            int h0 = Math.max(0, oh * g.sh - g.padTop), h1 = Math.min(g.h, oh * g.sh - g.padTop + g.kh);
            int ow = 0;
            for (; ow < lo; ow++) {
                ScalarConvKernels.maxWindow(x, xo, g, y, yo, arg, oh, ow);
            }
            for (; ow + L <= hi; ow += L) {
                int col0 = ow * g.sw - g.padLeft;
                FloatVector max = minusInf;
                IntVector at = lanes.add(h0 * g.w + col0);
                for (int ih = h0; ih < h1; ih++) {
                    for (int j = 0; j < g.kw; j++) {
                        int idx = ih * g.w + col0 + j;
                        FloatVector v = load(x, xo + idx, g.sw, map);
                        VectorMask<Float> take = v.compare(VectorOperators.GT, max).or(v.test(VectorOperators.IS_NAN));
                        max = max.blend(v, take);
                        at = at.blend(lanes.add(idx), take.cast(IS));
                    }
                }
                max.intoArray(y, yo + oh * g.ow + ow);
                at.intoArray(arg, yo + oh * g.ow + ow);
            }
            for (; ow < g.ow; ow++) {
                ScalarConvKernels.maxWindow(x, xo, g, y, yo, arg, oh, ow);
            }
        }
    }

    @Override
    public void maxPoolBackward(float[] dy, int yo, int[] arg, ConvGeometry g, float[] dx, int xo) {
        SCALAR.maxPoolBackward(dy, yo, arg, g, dx, xo);
    }

    @Override
    public void avgPool(float[] x, int xo, ConvGeometry g, boolean countIncludePad, float[] y, int yo) {
        int lo = interiorFrom(g), hi = interiorTo(g, lo);
        int[] map = laneMap(g.sw);
        for (int oh = 0; oh < g.oh; oh++) {
            int h0 = Math.max(0, oh * g.sh - g.padTop), h1 = Math.min(g.h, oh * g.sh - g.padTop + g.kh);
            int ow = 0;
            for (; ow < lo; ow++) {
                ScalarConvKernels.avgWindow(x, xo, g, countIncludePad, y, yo, oh, ow);
            }
            if (ow + L <= hi) {
                // interior columns span the full kW, so every lane of the row shares one divisor
                float div = ScalarConvKernels.divisor(g, countIncludePad, oh, ow);
                for (; ow + L <= hi; ow += L) {
                    int col0 = ow * g.sw - g.padLeft;
                    FloatVector sum = FloatVector.zero(S);
                    for (int ih = h0; ih < h1; ih++) {
                        for (int j = 0; j < g.kw; j++) {
                            sum = sum.add(load(x, xo + ih * g.w + col0 + j, g.sw, map));
                        }
                    }
                    sum.div(div).intoArray(y, yo + oh * g.ow + ow);
                }
            }
            for (; ow < g.ow; ow++) {
                ScalarConvKernels.avgWindow(x, xo, g, countIncludePad, y, yo, oh, ow);
            }
        }
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
