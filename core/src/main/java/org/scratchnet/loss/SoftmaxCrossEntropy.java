package org.scratchnet.loss;

import org.scratchnet.tensor.Tensor;

/**
 * Softmax cross-entropy on logits, fused (PyTorch's CrossEntropyLoss with one-hot targets):
 * L = (1/N) Σ_rows (logsumexp(z) - Σ y·z), with logsumexp max-subtracted;
 * dL/dz = (softmax(z) - y) / N.
 */
public final class SoftmaxCrossEntropy implements Loss {
    @Override
    public String name() {
        return "softmax_ce";
    }

    @Override
    public boolean takesLogits() {
        return true;
    }

    @Override
    public double compute(Tensor pred, Tensor target, Tensor grad) {
        Loss.checkShapes(this, pred, target, grad);
        int rows = pred.rows(), k = pred.cols();
        float[] z = pred.data(), y = target.data();
        double total = 0;
        float invN = 1f / Math.max(1, rows);
        double[] e = new double[k];
        for (int r = 0; r < rows; r++) {
            int off = r * k;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, z[off + j]);
            }
            double sumExp = 0;
            for (int j = 0; j < k; j++) {
                e[j] = Math.exp(z[off + j] - max);
                sumExp += e[j];
            }
            double logSumExp = max + Math.log(sumExp);
            double ySum = 0;
            for (int j = 0; j < k; j++) {
                total += y[off + j] * (logSumExp - z[off + j]);
                ySum += y[off + j];
            }
            if (grad != null) {
                float[] g = grad.data();
                double inv = 1 / sumExp;
                for (int j = 0; j < k; j++) {
                    // with targets summing to 1 this is (p - y); the ySum factor keeps it exact otherwise
                    double p = e[j] * inv;
                    g[off + j] = (float) (p * ySum - y[off + j]) * invN;
                }
            }
        }
        return rows == 0 ? 0 : total / rows;
    }
}
