package org.scratchnet.model;

import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Rosenblatt's perceptron (1958): y = step(x·w + b), step(z) = 1 for z ≥ 0 else 0.
 * Learning rule, per sample: w += lr·(t − y)·x and b += lr·(t − y). Training stops after the
 * first epoch with zero errors. It converges only when the classes are linearly separable
 * (AND, OR), and never on XOR.
 */
public final class Perceptron {
    private final float[] w;
    private float b;
    private final float lr;

    /** A perceptron with {@code inputs} weights and bias starting at zero. */
    public Perceptron(int inputs, float learningRate) {
        this.w = new float[inputs];
        this.lr = learningRate;
    }

    public float[] weights() {
        return w.clone();
    }

    public float bias() {
        return b;
    }

    /** Called after each epoch with its 1-based number and its total error Σ|t − y|. */
    @FunctionalInterface
    public interface EpochListener {
        void onEpoch(int epoch, int totalError);
    }

    /** 0 or 1 for one input row. */
    public int predict(float[] x) {
        if (x.length != w.length) {
            throw new ShapeException("Perceptron: input has " + x.length + " features, expects " + w.length);
        }
        float z = b;
        for (int j = 0; j < w.length; j++) {
            z += x[j] * w[j];
        }
        return z >= 0 ? 1 : 0;
    }

    /**
     * Trains on x (N, D) with 0/1 targets y (N, 1) for at most {@code maxEpochs}.
     * Returns the number of epochs run; converged when the last one had zero errors.
     */
    public int train(Tensor x, Tensor y, int maxEpochs, EpochListener listener) {
        if (x.cols() != w.length || y.rows() != x.rows()) {
            throw new ShapeException("Perceptron.train: x " + x.shapeString() + " and y " + y.shapeString()
                    + " (expected [N, " + w.length + "] and [N, 1])");
        }
        int d = w.length;
        float[] row = new float[d];
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            int errors = 0;
            for (int i = 0; i < x.rows(); i++) {
                System.arraycopy(x.data(), i * d, row, 0, d);
                int t = Math.round(y.data()[i]);
                int out = predict(row);
                int err = t - out;
                if (err != 0) {
                    errors += Math.abs(err);
                    for (int j = 0; j < d; j++) {
                        w[j] += lr * err * row[j];
                    }
                    b += lr * err;
                }
            }
            if (listener != null) {
                listener.onEpoch(epoch, errors);
            }
            if (errors == 0) {
                return epoch;
            }
        }
        return maxEpochs;
    }
}
