package org.scratchnet.spark;

import org.scratchnet.tensor.Tensor;

/** Gathers a run of a partition's epoch-ordered rows into batch tensors. */
final class Batches {
    private Batches() {
    }

    /** x (rows, ...sampleShape) of the view's rows [lo, hi). */
    static Tensor x(EpochView v, int lo, int hi, int[] sampleShape) {
        int d = 1;
        for (int s : sampleShape) {
            d *= s;
        }
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = hi - lo;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return Tensor.of(gather(v.block().x(), v.local(), lo, hi, d), shape);
    }

    /** y (rows, K) of the view's rows [lo, hi). */
    static Tensor y(EpochView v, int lo, int hi, int k) {
        return Tensor.of(gather(v.block().y(), v.local(), lo, hi, k), hi - lo, k);
    }

    /** Dataset positions of the view's rows [lo, hi): what dropout masks are keyed by. */
    static int[] rows(EpochView v, int lo, int hi) {
        int[] r = new int[hi - lo];
        for (int i = lo; i < hi; i++) {
            r[i - lo] = Math.toIntExact(v.offset() + v.local()[i]);
        }
        return r;
    }

    private static float[] gather(float[] src, int[] local, int lo, int hi, int width) {
        float[] out = new float[(hi - lo) * width];
        for (int i = lo; i < hi; i++) {
            System.arraycopy(src, local[i] * width, out, (i - lo) * width, width);
        }
        return out;
    }
}
