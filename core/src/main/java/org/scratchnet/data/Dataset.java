package org.scratchnet.data;

import java.util.List;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Features x (N, D) — or any batch-first shape, e.g. images (N, C, H, W) — and targets y (N, K). For classification y is one-hot with K ≥ 2 columns,
 * or a single 0/1 column for a binary task; {@code classNames} (may be empty) label the classes.
 */
public final class Dataset {
    private final Tensor x;
    private final Tensor y;
    private final List<String> classNames;

    public Dataset(Tensor x, Tensor y) {
        this(x, y, List.of());
    }

    public Dataset(Tensor x, Tensor y, List<String> classNames) {
        if (x.rank() < 2 || y.rank() != 2) {
            throw new ShapeException("Dataset: x " + x.shapeString() + " must be [N, ...] (at least 2-D) and y "
                    + y.shapeString() + " [N, K]");
        }
        if (x.rows() != y.rows()) {
            throw new ShapeException("Dataset: x has " + x.rows() + " rows " + x.shapeString() + ", y has "
                    + y.rows() + " " + y.shapeString());
        }
        this.x = x;
        this.y = y;
        this.classNames = List.copyOf(classNames);
    }

    public Tensor x() {
        return x;
    }

    public Tensor y() {
        return y;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int size() {
        return x.rows();
    }

    /** Values per sample: D for a table, C·H·W for images. */
    public int features() {
        return x.cols();
    }

    /** The shape of one sample of x (batch excluded): {@code [D]} or {@code [C, H, W]}. */
    public int[] sampleShape() {
        return java.util.Arrays.copyOfRange(x.shape(), 1, x.rank());
    }

    public int targets() {
        return y.cols();
    }

    /** Rows [from, to) as a new dataset. */
    public Dataset slice(int from, int to) {
        return new Dataset(x.sliceRows(from, to), y.sliceRows(from, to), classNames);
    }

    /** The rows listed in {@code index}, in that order. */
    public Dataset select(int[] index) {
        return new Dataset(x.gatherRows(index, 0, index.length), y.gatherRows(index, 0, index.length), classNames);
    }

    /**
     * Shuffles (seeded) and splits into [train, validation] with {@code fraction} of the rows in
     * validation (Keras' validation_split, but shuffled first).
     */
    public Dataset[] split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must be in (0, 1), got " + fraction);
        }
        int n = size();
        int nVal = (int) Math.round(n * fraction);
        if (nVal < 1 || nVal >= n) {
            throw new IllegalArgumentException("holding out " + fraction + " of " + n + " rows leaves "
                    + (nVal < 1 ? "no held-out row" : "no training row") + ": use a fraction between " + round3(1.0 / n)
                    + " and " + round3((n - 1.0) / n) + ", or more data");
        }
        int[] perm = Rng.forPurpose(seed, "split").permutation(n);
        int[] train = java.util.Arrays.copyOfRange(perm, 0, n - nVal);
        int[] val = java.util.Arrays.copyOfRange(perm, n - nVal, n);
        return new Dataset[] {select(train), select(val)};
    }

    /** 3 significant digits for a message: 1/3 → 0.333 (still inside the safe range of split fractions). */
    private static String round3(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
