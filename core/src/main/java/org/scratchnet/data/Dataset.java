package org.scratchnet.data;

import java.util.List;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Features x (N, D) — or any batch-first shape, e.g. images (N, C, H, W) — and targets y (N, K). For classification y is one-hot with K ≥ 2 columns,
 * or a single 0/1 column for a binary task; {@code classNames} (may be empty) label the classes.
 *
 * <p>A {@link #compact compact} dataset keeps x as bytes ({@link ByteRows}) and hands out floats
 * per batch ({@link #gatherX}, {@link #sliceX}); its {@link #x()} builds a float copy on each call.
 */
public final class Dataset {
    private final Tensor x;
    private final ByteRows bytes;
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
        this.bytes = null;
        this.y = y;
        this.classNames = List.copyOf(classNames);
    }

    private Dataset(ByteRows bytes, Tensor y, List<String> classNames) {
        if (y.rank() != 2 || y.rows() != bytes.rows()) {
            throw new ShapeException("Dataset: " + bytes.rows() + " byte rows, y " + y.shapeString() + " must be ["
                    + bytes.rows() + ", K]");
        }
        this.x = null;
        this.bytes = bytes;
        this.y = y;
        this.classNames = List.copyOf(classNames);
    }

    /** A dataset whose x stays as bytes until a batch needs floats (large image sets). */
    public static Dataset compact(ByteRows x, Tensor y, List<String> classNames) {
        return new Dataset(x, y, classNames);
    }

    /** True when x is kept as bytes: {@link #x()} then builds a float copy each call. */
    public boolean isCompact() {
        return bytes != null;
    }

    /** x as floats; for a compact dataset a new copy on each call (prefer {@link #sliceX} in chunks). */
    public Tensor x() {
        return x != null ? x : bytes.toTensor(0, bytes.rows());
    }

    /**
     * Rows order[from..to) of x into {@code into} (to - from, sample shape...), which is returned;
     * order null means rows from..to as they are.
     */
    public Tensor gatherX(Tensor into, int[] order, int from, int to) {
        if (into.rows() != to - from || into.size() != (to - from) * features()) {
            throw new ShapeException("gatherX: " + (to - from) + " rows of " + features() + " values do not fit "
                    + into.shapeString());
        }
        if (bytes != null) {
            bytes.gather(order, from, to, into.data());
        } else if (order == null) {
            System.arraycopy(x.data(), from * features(), into.data(), 0, (to - from) * features());
        } else {
            into.gatherRowsInPlace(x, order, from, to);
        }
        return into;
    }

    /** Rows [from, to) of x as floats, a new tensor (to - from, sample shape...). */
    public Tensor sliceX(int from, int to) {
        return bytes != null ? bytes.toTensor(from, to) : x.sliceRows(from, to);
    }

    /** The same rows with each sample seen as {@code shape} (same size), e.g. 784 values as [1, 28, 28]. */
    public Dataset withSampleShape(int... shape) {
        if (bytes != null) {
            return new Dataset(bytes.withSampleShape(shape), y, classNames);
        }
        int[] s = new int[shape.length + 1];
        s[0] = size();
        System.arraycopy(shape, 0, s, 1, shape.length);
        return new Dataset(x.reshape(s), y, classNames);
    }

    public Tensor y() {
        return y;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int size() {
        return y.rows();
    }

    /** Values per sample: D for a table, C·H·W for images. */
    public int features() {
        return bytes != null ? bytes.rowSize() : x.cols();
    }

    /** The shape of one sample of x (batch excluded): {@code [D]} or {@code [C, H, W]}. */
    public int[] sampleShape() {
        return bytes != null ? bytes.sampleShape() : java.util.Arrays.copyOfRange(x.shape(), 1, x.rank());
    }

    /** x's shape, batch first, e.g. {@code [60000, 1, 28, 28]}. */
    public int[] xShape() {
        return bytes != null ? bytes.batchShape(size()) : x.shape();
    }

    /** {@link #xShape()} as text, for messages. */
    public String xShapeString() {
        return java.util.Arrays.toString(xShape());
    }

    public int targets() {
        return y.cols();
    }

    /** Rows [from, to) as a new dataset. */
    public Dataset slice(int from, int to) {
        if (bytes != null) {
            return new Dataset(bytes.slice(from, to), y.sliceRows(from, to), classNames);
        }
        return new Dataset(x.sliceRows(from, to), y.sliceRows(from, to), classNames);
    }

    /** The rows listed in {@code index}, in that order. */
    public Dataset select(int[] index) {
        if (bytes != null) {
            return new Dataset(bytes.select(index), y.gatherRows(index, 0, index.length), classNames);
        }
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
