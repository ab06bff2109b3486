package org.scratchnet.loss;

import java.util.List;
import java.util.Locale;

/** Losses by name, as used on the command line and in model files. */
public final class Losses {
    /** Every name {@link #byName} accepts, in the order help texts list them. */
    public static final List<String> NAMES =
            List.of("mse", "sse", "half_se", "bce", "bce_logits", "cce", "softmax_ce", "huber");

    private Losses() {
    }

    public static Loss byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (n) {
            case "mse":
                return new Mse();
            case "sse":
                return new Sse();
            case "half_se":
            case "half_squared_error":
                return new HalfSquaredError();
            case "bce":
            case "binary_crossentropy":
                return new BinaryCrossEntropy();
            case "bce_logits":
            case "bce_with_logits":
                return new BceWithLogits();
            case "cce":
            case "categorical_crossentropy":
                return new CategoricalCrossEntropy();
            case "softmax_ce":
            case "ce":
            case "cross_entropy":
                return new SoftmaxCrossEntropy();
            case "huber":
                return new Huber();
            default:
                throw new IllegalArgumentException("unknown loss '" + name + "': expected one of "
                        + String.join(", ", NAMES));
        }
    }
}
