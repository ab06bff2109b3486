package org.scratchnet.tensor;

import java.util.Arrays;

/**
 * A float32, row-major, contiguous N-dimensional array.
 *
 * <p>The data array is exposed on purpose: kernels work on flat {@code float[]} and layers pass
 * them through without copies. Methods ending in {@code InPlace} mutate the receiver; the
 * others return a new tensor.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] data;

    private Tensor(int[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** A zero-filled tensor of the given shape. */
    public static Tensor zeros(int... shape) {
        int[] s = checkedShape(shape);
        return new Tensor(s, new float[Math.toIntExact(size(s))]);
    }

    /** Wraps {@code data} (not copied) as a tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        int[] s = checkedShape(shape);
        if (size(s) != data.length) {
            throw new ShapeException("Tensor.of: shape " + Arrays.toString(s) + " holds " + size(s)
                    + " values, data has " + data.length);
        }
        return new Tensor(s, data);
    }

    /** A 2-D tensor from nested rows, e.g. {@code Tensor.matrix(new float[][]{{1, 2}, {3, 4}})}. */
    public static Tensor matrix(float[][] rows) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != d) {
                throw new ShapeException("Tensor.matrix: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + d);
            }
            System.arraycopy(rows[i], 0, data, i * d, d);
        }
        return new Tensor(new int[] {n, d}, data);
    }

    /** A 2-D tensor from double rows (convenient for hand-written fixtures). */
    public static Tensor matrix(double[][] rows) {
        float[][] f = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            f[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                f[i][j] = (float) rows[i][j];
            }
        }
        return matrix(f);
    }

    private static int[] checkedShape(int[] shape) {
        for (int dim : shape) {
            if (dim < 0) {
                throw new ShapeException("negative dimension in shape " + Arrays.toString(shape));
            }
        }
        if (size(shape) > Integer.MAX_VALUE - 8) {
            throw new ShapeException("shape " + Arrays.toString(shape) + " is too large for one array");
        }
        return shape.clone();
    }

    private static long size(int[] shape) {
        long n = 1;
        for (int dim : shape) {
            n *= dim;
        }
        return n;
    }

    public float[] data() {
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    /** Rows of a 2-D tensor (the first dimension of any tensor). */
    public int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Columns of a 2-D tensor: the product of all dimensions after the first. */
    public int cols() {
        return shape.length == 0 ? 1 : data.length / Math.max(1, shape[0]) ;
    }

    public float get(int i, int j) {
        return data[i * cols() + j];
    }

    public void set(int i, int j, float v) {
        data[i * cols() + j] = v;
    }

    public float get(int i) {
        return data[i];
    }

    public Tensor copy() {
        return new Tensor(shape.clone(), data.clone());
    }

    /** Same data, new shape (the element count must match). */
    public Tensor reshape(int... newShape) {
        int[] s = checkedShape(newShape);
        if (size(s) != data.length) {
            throw new ShapeException("reshape: cannot view " + shapeString() + " as " + Arrays.toString(s));
        }
        return new Tensor(s, data);
    }

    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }

    public Tensor fillInPlace(float v) {
        Arrays.fill(data, v);
        return this;
    }

    /** Copies {@code src} into this tensor; shapes must match. */
    public Tensor copyFromInPlace(Tensor src) {
        requireSameShape("copyFrom", src);
        System.arraycopy(src.data, 0, data, 0, data.length);
        return this;
    }

    /** this += alpha * other, element-wise. */
    public Tensor addScaledInPlace(Tensor other, float alpha) {
        requireSameShape("addScaled", other);
        for (int i = 0; i < data.length; i++) {
            data[i] += alpha * other.data[i];
        }
        return this;
    }

    /** this *= alpha. */
    public Tensor scaleInPlace(float alpha) {
        for (int i = 0; i < data.length; i++) {
            data[i] *= alpha;
        }
        return this;
    }

    /** Element-wise sum as a new tensor. */
    public Tensor add(Tensor other) {
        return copy().addScaledInPlace(other, 1f);
    }

    /** Element-wise difference as a new tensor. */
    public Tensor sub(Tensor other) {
        return copy().addScaledInPlace(other, -1f);
    }

    /** Matrix product: this (N,D) @ other (D,H) -> (N,H). */
    public Tensor matmul(Tensor other) {
        Tensor out = zeros(rows(), other.cols());
        Ops.matmul(this, other, out);
        return out;
    }

    /** Rows {@code [from, to)} copied into a new tensor. */
    public Tensor sliceRows(int from, int to) {
        if (from < 0 || to > rows() || from > to) {
            throw new ShapeException("sliceRows: rows [" + from + ", " + to + ") outside " + shapeString());
        }
        int c = cols();
        int[] s = shape.clone();
        s[0] = to - from;
        return new Tensor(s, Arrays.copyOfRange(data, from * c, to * c));
    }

    /** The given rows, in order, copied into a new tensor (used for shuffled batches). */
    public Tensor gatherRows(int[] rowIndex, int from, int to) {
        int c = cols();
        int[] s = shape.clone();
        s[0] = to - from;
        float[] out = new float[(to - from) * c];
        for (int r = from; r < to; r++) {
            System.arraycopy(data, rowIndex[r] * c, out, (r - from) * c, c);
        }
        return new Tensor(s, out);
    }

    /**
     * Copies rows {@code rowIndex[from..to)} of {@code src} (R, C) into this tensor (to−from, C),
     * in order: the allocation-free form of {@link #gatherRows} used for training batches.
     */
    public Tensor gatherRowsInPlace(Tensor src, int[] rowIndex, int from, int to) {
        int c = src.cols();
        if (to - from != rows() || c != cols()) {
            throw new ShapeException("gatherRowsInPlace: " + (to - from) + " rows of " + src.shapeString()
                    + " do not fit " + shapeString());
        }
        float[] s = src.data;
        for (int r = from; r < to; r++) {
            System.arraycopy(s, rowIndex[r] * c, data, (r - from) * c, c);
        }
        return this;
    }

    /** True when every value is finite (no NaN, no infinity). */
    public boolean allFinite() {
        for (float v : data) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    void requireSameShape(String op, Tensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new ShapeException(op + ": shapes differ, " + shapeString() + " vs " + other.shapeString());
        }
    }

    /** Values as nested rows, for printing and tests. */
    public float[][] toArray2d() {
        int r = rows();
        int c = cols();
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(data, i * c, out[i], 0, c);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Tensor" + shapeString() + " " + Format.values(this, 6);
    }
}
