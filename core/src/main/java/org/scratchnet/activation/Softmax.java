package org.scratchnet.activation;

import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Tensor;

/**
 * Row-wise softmax, max-subtracted. Backward per row: dZ = a ⊙ (dA - Σ_j dA_j a_j).
 * For classification prefer a logits output with the fused softmax cross-entropy loss.
 */
public final class Softmax implements Activation {
    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void forward(Tensor z, Tensor a) {
        Ops.softmaxRows(z, a);
    }

    @Override
    public void backward(Tensor z, Tensor a, Tensor dA, Tensor dZ) {
        int rows = a.rows(), cols = a.cols();
        float[] ad = a.data(), g = dA.data(), out = dZ.data();
        for (int r = 0; r < rows; r++) {
            int off = r * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += (double) g[off + j] * ad[off + j];
            }
            for (int j = 0; j < cols; j++) {
                out[off + j] = ad[off + j] * (float) (g[off + j] - dot);
            }
        }
    }
}
