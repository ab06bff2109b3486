package org.scratchnet.layer;

import java.util.ArrayList;
import java.util.List;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/** Shape checks and config helpers shared by the image layers; messages name the layer and both shapes. */
final class ImageShapes {
    private ImageShapes() {
    }

    /** "[N, 1, 28, 28]": a per-sample shape with the batch letter in front. */
    static String batched(int[] perSample) {
        return Configs.batchShape(perSample);
    }

    static int product(int[] shape) {
        long p = 1;
        for (int d : shape) {
            p *= d;
        }
        if (p > Integer.MAX_VALUE) {
            throw new ShapeException("shape " + batched(shape) + " holds more than " + Integer.MAX_VALUE + " values per sample");
        }
        return (int) p;
    }

    /** The per-sample input must be (C, H, W) with positive sizes. */
    static int[] requireImage(String layer, int[] inputShape) {
        if (inputShape == null || inputShape.length != 3 || inputShape[0] < 1 || inputShape[1] < 1 || inputShape[2] < 1) {
            throw new ShapeException(layer + ": input is " + (inputShape == null ? "unknown" : batched(inputShape))
                    + ", expected images [N, C, H, W]");
        }
        return inputShape.clone();
    }

    /** A batch x must be [N, ...perSample] with N ≥ 1. */
    static int requireBatch(String layer, Tensor x, int[] perSample) {
        int[] s = x.shape();
        boolean ok = s.length == perSample.length + 1 && s[0] >= 1;
        for (int i = 0; ok && i < perSample.length; i++) {
            ok = s[i + 1] == perSample[i];
        }
        if (!ok) {
            throw new ShapeException(layer + ": input " + x.shapeString() + " does not match the layer's input "
                    + batched(perSample));
        }
        return s[0];
    }

    /** {@code outputShape(inputShape)} of a layer built for {@code expected}. */
    static void requireSame(String layer, int[] given, int[] expected) {
        if (!java.util.Arrays.equals(given, expected)) {
            throw new ShapeException(layer + ": input " + (given == null ? "unknown" : batched(given))
                    + " does not match the layer's input " + batched(expected));
        }
    }

    static List<Integer> list(int... values) {
        List<Integer> l = new ArrayList<>(values.length);
        for (int v : values) {
            l.add(v);
        }
        return l;
    }

    /** [N, ...perSample] */
    static int[] withBatch(int n, int[] perSample) {
        int[] s = new int[perSample.length + 1];
        s[0] = n;
        System.arraycopy(perSample, 0, s, 1, perSample.length);
        return s;
    }

    /** A reusable buffer of the given shape: {@code old} when it already has it. */
    static Tensor buffer(Tensor old, int[] shape) {
        return old != null && java.util.Arrays.equals(old.shape(), shape) ? old : Tensor.zeros(shape);
    }
}
