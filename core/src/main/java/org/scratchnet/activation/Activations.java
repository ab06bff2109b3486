package org.scratchnet.activation;

import java.util.List;
import java.util.Locale;

/** Activations by name, as used on the command line and in model files. */
public final class Activations {
    /** Every name {@link #byName} accepts, in the order help texts list them. */
    public static final List<String> NAMES =
            List.of("relu", "sigmoid", "tanh", "leaky_relu", "softmax", "identity", "step");

    private Activations() {
    }

    public static Activation byName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        switch (n) {
            case "relu":
                return new Relu();
            case "sigmoid":
                return new Sigmoid();
            case "tanh":
                return new Tanh();
            case "leaky_relu":
            case "leakyrelu":
                return new LeakyRelu();
            case "softmax":
                return new Softmax();
            case "identity":
            case "linear":
            case "none":
                return new Identity();
            case "step":
                return new Step();
            default:
                throw new IllegalArgumentException("unknown activation '" + name + "': expected one of "
                        + String.join(", ", NAMES));
        }
    }
}
