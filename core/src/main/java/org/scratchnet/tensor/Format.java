package org.scratchnet.tensor;

import java.util.Locale;

/** Compact printing of tensor values, numpy-like: {@code [[0.1, 0.2], [0.3, 0.4]]}. */
public final class Format {
    private Format() {
    }

    /** Values of a tensor with at most {@code maxPerAxis} entries per row/column (then "..."). */
    public static String values(Tensor t, int maxPerAxis) {
        StringBuilder sb = new StringBuilder();
        if (t.rank() <= 1) {
            row(sb, t.data(), 0, t.size(), maxPerAxis);
            return sb.toString();
        }
        int r = t.rows();
        int c = t.cols();
        sb.append('[');
        for (int i = 0; i < r; i++) {
            if (i == maxPerAxis && r > maxPerAxis + 1) {
                sb.append(", ...");
                i = r - 1;
            }
            if (i > 0) {
                sb.append(", ");
            }
            row(sb, t.data(), i * c, c, maxPerAxis);
        }
        return sb.append(']').toString();
    }

    private static void row(StringBuilder sb, float[] data, int off, int n, int max) {
        sb.append('[');
        for (int j = 0; j < n; j++) {
            if (j == max && n > max + 1) {
                sb.append(", ...");
                j = n - 1;
            }
            if (j > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%.4f", data[off + j]));
        }
        sb.append(']');
    }
}
