package org.scratchnet.data;

import java.util.Arrays;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Per-feature standardization x' = (x - mean) / std, fit on the training split only (so the
 * validation and test rows stay unseen) and stored in the model file to apply at prediction.
 *
 * <p>{@code std} holds the divisor actually used: a constant feature (population std 0) gets 1,
 * so it becomes 0 instead of NaN.
 */
public final class Standardizer {
    private final float[] mean;
    private final float[] std;

    /** mean and std of length D; std values must be positive and everything finite. */
    public Standardizer(float[] mean, float[] std) {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("Standardizer: mean has " + mean.length + " values, std has "
                    + std.length + "; expected the same positive count");
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Float.isFinite(mean[j]) || !Float.isFinite(std[j]) || !(std[j] > 0)) {
                throw new IllegalArgumentException("Standardizer: feature " + j + " has mean " + mean[j] + ", std "
                        + std[j] + "; expected finite values and std > 0");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Fits mean and population std per column of x (N, D), accumulating in double. */
    public static Standardizer fit(Tensor x) {
        int n = x.rows();
        int d = x.cols();
        if (n == 0) {
            throw new IllegalArgumentException("Standardizer.fit: x " + x.shapeString() + " has no rows");
        }
        float[] data = x.data();
        double[] sum = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                sum[j] += data[i * d + j];
            }
        }
        float[] mean = new float[d];
        float[] std = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double dev = data[i * d + j] - m;
                ss += dev * dev;
            }
            float s = (float) Math.sqrt(ss / n);
            mean[j] = (float) m;
            std[j] = s > 0 && Float.isFinite(s) ? s : 1f;
        }
        return new Standardizer(mean, std);
    }

    /** (x - mean) / std as a new tensor; x (N, D) → (N, D), in float32 as numpy would compute it. */
    public Tensor transform(Tensor x) {
        int d = mean.length;
        if (x.rank() < 2 || x.cols() != d) { // [N, D], or images [N, C, H, W] with D = C·H·W
            throw new ShapeException("Standardizer: input " + x.shapeString() + " has " + x.cols()
                    + " features, fitted on " + d);
        }
        float[] in = x.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            int j = i % d;
            out[i] = (in[i] - mean[j]) / std[j];
        }
        return Tensor.of(out, x.shape());
    }

    /** (x - mean) / std written over x itself (N, D), for a copy the caller owns: no second copy of a large x. */
    public void transformInPlace(Tensor x) {
        int d = mean.length;
        if (x.rank() < 2 || x.cols() != d) {
            throw new ShapeException("Standardizer: input " + x.shapeString() + " has " + x.cols()
                    + " features, fitted on " + d);
        }
        float[] v = x.data();
        for (int i = 0; i < v.length; i++) {
            int j = i % d;
            v[i] = (v[i] - mean[j]) / std[j];
        }
    }

    /** The same dataset with x standardized. */
    public Dataset transform(Dataset data) {
        return new Dataset(transform(data.x()), data.y(), data.classNames());
    }

    public int features() {
        return mean.length;
    }

    public float[] mean() {
        return mean.clone();
    }

    public float[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardizer s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }
}
