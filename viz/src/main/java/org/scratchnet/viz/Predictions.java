package org.scratchnet.viz;

import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Metrics;

/**
 * Class decisions and probabilities from a model's outputs, the same way training measures
 * accuracy ({@link Metrics#correct}): one output column is class 1 above 0.5 (above 0 for a
 * loss that takes logits); several columns are the argmax.
 */
public final class Predictions {
    private Predictions() {
    }

    /** The model's outputs on x (N, D) as probabilities (N, K): sigmoid/softmax applied for logit losses. */
    public static Tensor probabilities(Sequential model, Tensor x, Loss loss) {
        return toProbabilities(model.predict(x), loss);
    }

    /** As {@link #probabilities(Sequential, Tensor, Loss)} on a dataset's x, in chunks when it is compact. */
    public static Tensor probabilities(Sequential model, org.scratchnet.data.Dataset data, Loss loss) {
        return toProbabilities(org.scratchnet.train.Trainer.predict(model, data), loss);
    }

    private static Tensor toProbabilities(Tensor out, Loss loss) {
        if (loss == null || !loss.takesLogits()) {
            return out;
        }
        float[] v = out.data();
        int n = out.rows(), k = out.cols();
        if (k == 1) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (1 / (1 + Math.exp(-v[i])));
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, v[i * k + j]);
            }
            for (int j = 0; j < k; j++) {
                sum += Math.exp(v[i * k + j] - max);
            }
            for (int j = 0; j < k; j++) {
                v[i * k + j] = (float) (Math.exp(v[i * k + j] - max) / sum);
            }
        }
        return out;
    }

    /** Class index per row of probabilities p (N, K): p &gt; 0.5 for K = 1, else argmax. */
    public static int[] classes(Tensor p) {
        int n = p.rows(), k = p.cols();
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = k == 1 ? (p.data()[i] > 0.5f ? 1 : 0) : Metrics.argmax(p.data(), i * k, k);
        }
        return c;
    }

    /** Confidence of the chosen class per row: max(p, 1 − p) for K = 1, else the largest p. */
    public static double confidence(Tensor p, int row) {
        int k = p.cols();
        if (k == 1) {
            float v = p.data()[row];
            return Math.max(v, 1 - v);
        }
        return p.data()[row * k + Metrics.argmax(p.data(), row * k, k)];
    }

    /** Number of classes for targets y (N, K): 2 for one 0/1 column, else K. */
    public static int classCount(Tensor y) {
        return y.cols() == 1 ? 2 : y.cols();
    }
}
