package org.scratchnet.tensor;

/**
 * Batch normalisation over x viewed as (N, C, S): C channels of S values per sample, so one
 * kernel serves images (N, C, H, W) with S = H·W and feature rows (N, D) with C = D, S = 1.
 * Statistics of channel c run over its M = N·S values. Per channel (all vectors are (C)):
 *
 * <pre>
 *   mean = Σx / M,  var = Σ(x − mean)² / M   (biased, as used to normalise)
 *   x̂ = (x − mean)·invStd,  invStd = 1/√(var + ε),  y = γ·x̂ + β
 *   dβ = Σ dY,  dγ = Σ dY·x̂,  dX = γ·invStd·(dY − dβ/M − x̂·dγ/M)
 * </pre>
 *
 * Sums are accumulated in double over all of a channel's values in a fixed order, and
 * {@link Parallel} splits channels only, so the bits do not depend on the thread count. The
 * loops are scalar: they are memory-bound passes, small beside the convolutions.
 */
public final class BatchNormKernels {
    private BatchNormKernels() {
    }

    private static void check(String op, float[] x, int n, int c, int s) {
        if (n < 1 || c < 1 || s < 1 || x.length < (long) n * c * s) {
            throw new ShapeException("batchnorm " + op + ": input of " + x.length + " values does not hold ("
                    + n + "," + c + "," + s + ")");
        }
    }

    /** Per-channel mean and biased variance of x (N, C, S), two passes in double. */
    public static void stats(float[] x, int n, int c, int s, float[] mean, float[] var) {
        check("stats", x, n, c, s);
        long m = (long) n * s;
        Parallel.forRows(c, 2L * n * c * s, (c0, c1) -> {
            for (int ch = c0; ch < c1; ch++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    int off = (i * c + ch) * s;
                    for (int t = 0; t < s; t++) {
                        sum += x[off + t];
                    }
                }
                double mu = sum / m, sq = 0;
                for (int i = 0; i < n; i++) {
                    int off = (i * c + ch) * s;
                    for (int t = 0; t < s; t++) {
                        double d = x[off + t] - mu;
                        sq += d * d;
                    }
                }
                mean[ch] = (float) mu;
                var[ch] = (float) (sq / m);
            }
        });
    }

    /** y = γ·(x − mean)/√(var + ε) + β per channel; gamma/beta null mean 1 and 0. y may be x. */
    public static void normalize(float[] x, int n, int c, int s, float[] mean, float[] var, float eps,
                                 float[] gamma, float[] beta, float[] y) {
        check("normalize", x, n, c, s);
        Parallel.forRows(n, 2L * n * c * s, (i0, i1) -> {
            for (int i = i0; i < i1; i++) {
                for (int ch = 0; ch < c; ch++) {
                    float inv = (float) (1.0 / Math.sqrt((double) var[ch] + eps));
                    float scale = gamma == null ? inv : gamma[ch] * inv;
                    float shift = (beta == null ? 0f : beta[ch]) - mean[ch] * scale;
                    int off = (i * c + ch) * s;
                    for (int t = 0; t < s; t++) {
                        y[off + t] = x[off + t] * scale + shift;
                    }
                }
            }
        });
    }

    /**
     * Training-mode gradient through the batch statistics (the formulas above), given the
     * forward's input x and its mean/var: dγ, dβ (C) +=, dX (N, C, S) = (overwritten; may be dY).
     */
    public static void backward(float[] x, float[] dy, int n, int c, int s, float[] mean, float[] var, float eps,
                                float[] gamma, float[] dGamma, float[] dBeta, float[] dx) {
        check("backward", x, n, c, s);
        check("backward gradient", dy, n, c, s);
        long m = (long) n * s;
        Parallel.forRows(c, 4L * n * c * s, (c0, c1) -> {
            for (int ch = c0; ch < c1; ch++) {
                double inv = 1.0 / Math.sqrt((double) var[ch] + eps), mu = mean[ch];
                double sumDy = 0, sumDyXhat = 0;
                for (int i = 0; i < n; i++) {
                    int off = (i * c + ch) * s;
                    for (int t = 0; t < s; t++) {
                        sumDy += dy[off + t];
                        sumDyXhat += dy[off + t] * ((x[off + t] - mu) * inv);
                    }
                }
                if (dGamma != null) {
                    dGamma[ch] += (float) sumDyXhat;
                }
                if (dBeta != null) {
                    dBeta[ch] += (float) sumDy;
                }
                double g = gamma == null ? 1.0 : gamma[ch];
                double meanDy = sumDy / m, meanDyXhat = sumDyXhat / m;
                for (int i = 0; i < n; i++) {
                    int off = (i * c + ch) * s;
                    for (int t = 0; t < s; t++) {
                        double xhat = (x[off + t] - mu) * inv;
                        dx[off + t] = (float) (g * inv * (dy[off + t] - meanDy - xhat * meanDyXhat));
                    }
                }
            }
        });
    }

    /**
     * Moves the running statistics toward the batch's, as PyTorch: running = (1 − momentum)·running
     * + momentum·batch, with the batch variance made unbiased (× M/(M − 1)) for the running one.
     */
    public static void updateRunning(float[] runMean, float[] runVar, float[] mean, float[] var, int c, long m,
                                     float momentum) {
        double unbias = m > 1 ? (double) m / (m - 1) : 1.0;
        for (int ch = 0; ch < c; ch++) {
            runMean[ch] = (float) ((1 - momentum) * runMean[ch] + momentum * mean[ch]);
            runVar[ch] = (float) ((1 - momentum) * runVar[ch] + momentum * var[ch] * unbias);
        }
    }
}
