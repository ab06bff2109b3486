package org.scratchnet.cli;

import org.scratchnet.loss.Loss;
import org.scratchnet.tensor.Tensor;

/** The formulas {@code explain} prints for each loss and activation, as the tutorials write them. */
final class LossText {
    private LossText() {
    }

    static String formula(Loss loss) {
        switch (loss.name()) {
            case "mse":
                return "mean((y_pred − y)²)";
            case "sse":
                return "Σ (y_pred − y)²";
            case "half_se":
                return "½ Σ (y_pred − y)² / N";
            case "bce":
                return "−mean(y·log(y_pred) + (1 − y)·log(1 − y_pred))";
            case "bce_logits":
                return "−mean(y·log σ(y_pred) + (1 − y)·log(1 − σ(y_pred)))   (y_pred are logits)";
            case "cce":
                return "−(1/N) Σ y·log(y_pred)";
            case "softmax_ce":
                return "−(1/N) Σ y·log softmax(y_pred)   (y_pred are logits)";
            case "huber":
                return "mean(½d² if |d| ≤ 1 else |d| − ½), d = y_pred − y";
            default:
                return loss.name();
        }
    }

    static String gradient(Loss loss) {
        switch (loss.name()) {
            case "mse":
                return "2(y_pred − y) / n   (n = all elements)";
            case "sse":
                return "2(y_pred − y)";
            case "bce":
                return "(y_pred − y) / (y_pred(1 − y_pred)) / n";
            case "bce_logits":
                return "(σ(y_pred) − y) / n";
            case "cce":
                return "−y / y_pred / N";
            case "softmax_ce":
                return "(softmax(y_pred) − y) / N";
            case "huber":
                return "clip(y_pred − y, −1, 1) / n";
            default:
                return "∂" + loss.name() + "/∂y_pred";
        }
    }

    /** True when activation f followed by this loss has the classic simplified gradient (y_pred − y)/N. */
    static boolean fused(Loss loss, String f) {
        return f.equals("sigmoid") && loss.name().equals("bce") || f.equals("softmax") && loss.name().equals("cce");
    }

    /** What (y_pred − y) is divided by: all elements for BCE, rows for CCE. */
    static String divisor(Loss loss, Tensor y) {
        return loss.name().equals("bce") ? "n (" + y.size() + ")" : "N (" + y.rows() + ")";
    }

    /** f'(zk) in words, for the dZ line. */
    static String derivative(String f, int k) {
        String z = "z" + k, a = "a" + k;
        switch (f) {
            case "relu":
                return "relu'(" + z + "),  relu'(z) = 1 if z > 0 else 0";
            case "sigmoid":
                return a + "(1 − " + a + ")";
            case "tanh":
                return "(1 − " + a + "²)";
            case "leaky_relu":
                return "leaky_relu'(" + z + "),  1 if z > 0 else α";
            case "identity":
                return "1";
            case "step":
                return "0   (the step function has no useful gradient)";
            case "softmax":
                return "softmax Jacobian: " + a + " ⊙ (dA − Σ_j dA_j·" + a + "_j)";
            default:
                return f + "'(" + z + ")";
        }
    }
}
