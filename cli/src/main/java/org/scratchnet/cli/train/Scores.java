package org.scratchnet.cli.train;

import org.scratchnet.loss.Loss;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Metrics;

/**
 * Turns network outputs (N, K) into probabilities and class indices. Losses that take logits
 * (softmax_ce, bce_logits) get softmax / sigmoid applied here; otherwise the outputs are used as
 * they are (sigmoid or softmax layers already made them probabilities).
 */
public final class Scores {
    private Scores() {
    }

    /** (N, K) probabilities (or scores) for outputs (N, K). */
    public static Tensor probabilities(Tensor outputs, Loss loss) {
        if (!loss.takesLogits()) {
            return outputs;
        }
        int n = outputs.rows(), k = outputs.cols();
        float[] z = outputs.data();
        float[] p = new float[z.length];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                p[i] = (float) (1 / (1 + Math.exp(-z[i])));
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, z[i * k + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(z[i * k + j] - max);
            }
            for (int j = 0; j < k; j++) {
                p[i * k + j] = (float) (Math.exp(z[i * k + j] - max) / sum);
            }
        }
        return Tensor.of(p, n, k);
    }

    /** Class of each row: one column → 1 when p &gt; 0.5; several → argmax. Same rule as {@link Metrics}. */
    public static int[] classes(Tensor probs) {
        int n = probs.rows(), k = probs.cols();
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = k == 1 ? (probs.data()[i] > 0.5f ? 1 : 0) : Metrics.argmax(probs.data(), i * k, k);
        }
        return c;
    }

    /** Probability of the chosen class of row i: p or 1 − p for one column, else p[class]. */
    public static float confidence(Tensor probs, int row, int cls) {
        int k = probs.cols();
        if (k == 1) {
            float p = probs.data()[row];
            return cls == 1 ? p : 1 - p;
        }
        return probs.data()[row * k + cls];
    }

    /** Target classes of y (N, 1) 0/1 or (N, K) one-hot. */
    public static int[] targets(Tensor y) {
        return classes(y);
    }

    /**
     * Area under the ROC curve for scores of the positive class and 0/1 actual classes: the
     * probability that a random positive row scores above a random negative one, ties counting
     * half (Mann-Whitney U with average ranks, which equals scikit-learn's roc_auc_score). NaN
     * when one of the two classes has no rows.
     */
    public static double rocAuc(float[] score, int[] actual) {
        int n = score.length;
        // rows by score as Float.compare orders them, equal scores by row: one primitive sort of
        // (score key, row) pairs instead of boxed indices and a comparator (a million rows in tens of ms)
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToIntBits(score[i]);
            int key = bits ^ ((bits >> 31) & 0x7FFFFFFF); // ints ordered as Float.compare orders floats
            keyed[i] = (long) key << 32 | i;
        }
        java.util.Arrays.sort(keyed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keyed[i];
        }
        double rankSumPos = 0;
        long pos = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // average 1-based rank of the tied group
            for (int t = i; t <= j; t++) {
                if (actual[order[t]] == 1) {
                    rankSumPos += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
