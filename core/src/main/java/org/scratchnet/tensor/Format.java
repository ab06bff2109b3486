package org.scratchnet.tensor;

import java.util.Locale;

/**
 * Compact printing of tensor values, numpy-like: one pair of brackets per axis, so a (2, 2)
 * tensor prints as {@code [[0.1000, 0.2000], [0.3000, 0.4000]]} and a (1, 2, 1) tensor as
 * {@code [[[1.0000], [2.0000]]]}; a rank-0 tensor prints its one value.
 */
public final class Format {
    private Format() {
    }

    /**
     * Values of a tensor with at most {@code maxPerAxis} entries along each axis: a longer axis
     * shows its first {@code maxPerAxis} entries, {@code ...}, and its last entry.
     */
    public static String values(Tensor t, int maxPerAxis) {
        if (maxPerAxis < 1) {
            throw new IllegalArgumentException("maxPerAxis must be >= 1, got " + maxPerAxis);
        }
        int[] shape = t.shape();
        if (shape.length == 0) {
            return number(t.data()[0]);
        }
        StringBuilder sb = new StringBuilder();
        axis(sb, t.data(), shape, 0, 0, t.size(), maxPerAxis);
        return sb.toString();
    }

    /** Appends axis {@code d} of the block of {@code block} values starting at {@code off}. */
    private static void axis(StringBuilder sb, float[] data, int[] shape, int d, int off, int block, int max) {
        int n = shape[d];
        int step = n == 0 ? 0 : block / n;
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i == max && n > max + 1) {
                sb.append(", ...");
                i = n - 1;
            }
            if (i > 0) {
                sb.append(", ");
            }
            if (d == shape.length - 1) {
                sb.append(number(data[off + i]));
            } else {
                axis(sb, data, shape, d + 1, off + i * step, step, max);
            }
        }
        sb.append(']');
    }

    private static String number(float v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * An unbounded figure (a loss, an error, a regression value) as the logs print it: four
     * decimals between 1e-3 and 1e7 in magnitude, else four significant decimals in scientific
     * notation, so that neither a loss of 5e-5 shows as 0.0000 nor one of 3e47 as 48 digits (the
     * rule Keras's progress bar uses for small values). Zero, NaN and infinities print as
     * {@code 0.0000}, {@code NaN}, {@code Infinity}.
     */
    public static String figure(double v) {
        double a = Math.abs(v);
        boolean fixed = a == 0 || !Double.isFinite(v) || (a >= 1e-3 && a < 1e7);
        return String.format(Locale.ROOT, fixed ? "%.4f" : "%.4e", v);
    }
}
