package org.scratchnet.train;

import org.scratchnet.tensor.Tensor;

/** Classification metrics over (N, K) predictions and targets. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * Number of rows classified correctly. One column: the prediction is 1 when above the
     * threshold (0.5 for probabilities, 0 for logits), the target is 1 when above 0.5.
     * Several columns: argmax of prediction equals argmax of target.
     */
    public static int correct(Tensor pred, Tensor target, boolean logits) {
        int n = pred.rows(), k = pred.cols();
        float[] p = pred.data(), y = target.data();
        int correct = 0;
        if (k == 1) {
            float threshold = logits ? 0f : 0.5f;
            for (int i = 0; i < n; i++) {
                if ((p[i] > threshold) == (y[i] > 0.5f)) {
                    correct++;
                }
            }
            return correct;
        }
        for (int i = 0; i < n; i++) {
            if (argmax(p, i * k, k) == argmax(y, i * k, k)) {
                correct++;
            }
        }
        return correct;
    }

    /** Fraction of rows classified correctly, see {@link #correct}. */
    public static double accuracy(Tensor pred, Tensor target, boolean logits) {
        return pred.rows() == 0 ? Double.NaN : (double) correct(pred, target, logits) / pred.rows();
    }

    /** Index of the largest of {@code len} values starting at {@code off} (first one on ties). */
    public static int argmax(float[] v, int off, int len) {
        int best = 0;
        for (int j = 1; j < len; j++) {
            if (v[off + j] > v[off + best]) {
                best = j;
            }
        }
        return best;
    }

    /** True when every target is 0 or 1, i.e. accuracy is meaningful. */
    public static boolean isClassificationTarget(Tensor y) {
        for (float v : y.data()) {
            if (v != 0f && v != 1f) {
                return false;
            }
        }
        return true;
    }
}
