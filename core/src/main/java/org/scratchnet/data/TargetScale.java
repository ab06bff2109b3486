package org.scratchnet.data;

import org.scratchnet.tensor.Tensor;

/**
 * Regression targets are trained as (y - mean) / std; predictions are mapped back with
 * y = z * std + mean, so every figure the user sees is in the target's own unit.
 */
public record TargetScale(float mean, float std) {
    public TargetScale {
        if (!Float.isFinite(mean) || !Float.isFinite(std) || !(std > 0)) {
            throw new IllegalArgumentException("target scaling mean " + mean + ", std " + std
                    + ": expected finite values and std > 0");
        }
    }

    /** Fits mean and population std of y (N, 1), in double; a constant target gets std 1. */
    public static TargetScale fit(Tensor y) {
        float[] v = y.data();
        double sum = 0;
        for (float f : v) {
            sum += f;
        }
        double mean = sum / Math.max(1, v.length);
        double ss = 0;
        for (float f : v) {
            ss += (f - mean) * (f - mean);
        }
        float std = (float) Math.sqrt(ss / Math.max(1, v.length));
        return new TargetScale((float) mean, std > 0 && Float.isFinite(std) ? std : 1f);
    }

    /** (y - mean) / std, y (N, K) → (N, K). */
    public Tensor scale(Tensor y) {
        float[] in = y.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (in[i] - mean) / std;
        }
        return Tensor.of(out, y.rows(), y.cols());
    }

    /** z * std + mean, z (N, K) → (N, K): network outputs back to the target's unit. */
    public Tensor unscale(Tensor z) {
        float[] in = z.data();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * std + mean;
        }
        return Tensor.of(out, z.rows(), z.cols());
    }
}
