package org.scratchnet.cli.train;

import java.util.List;
import java.util.Locale;
import org.scratchnet.activation.Activations;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Task;
import org.scratchnet.init.Initializers;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;

/**
 * The network train and sweep build: D → hidden widths (each followed by the hidden activation)
 * → K, then the output activation unless it is the identity. Output activation and loss default
 * from the task: binary → sigmoid + BCE, K classes → logits + softmax cross-entropy,
 * regression → identity + MSE.
 */
public final class Network {
    private Network() {
    }

    /** Output activation ("identity" = none) and loss name. */
    public record Head(String output, String loss) {
        public boolean hasOutputLayer() {
            return !isIdentity(output);
        }
    }

    static boolean isIdentity(String activation) {
        String a = activation.toLowerCase(Locale.ROOT);
        return a.equals("identity") || a.equals("linear") || a.equals("none");
    }

    /** The head for {@code task} with K = {@code outputs}, honouring whichever of output/loss was given. */
    public static Head head(Task task, int outputs, String output, String loss) {
        if (output != null) {
            checkActivation("--output", output);
        }
        if (loss != null) {
            try {
                Losses.byName(loss);
            } catch (IllegalArgumentException e) {
                throw Checks.usage("--loss: " + e.getMessage());
            }
        }
        boolean regression = task == Task.REGRESSION;
        if (output == null && loss == null) {
            return regression ? new Head("identity", "mse")
                    : outputs == 1 ? new Head("sigmoid", "bce") : new Head("identity", "softmax_ce");
        }
        if (output == null) {
            String l = Losses.byName(loss).name();
            String out = switch (l) {
                case "bce" -> "sigmoid";
                case "cce" -> "softmax";
                case "softmax_ce", "bce_logits" -> "identity";
                default -> regression ? "identity" : "sigmoid";
            };
            return new Head(out, l);
        }
        String o = Activations.byName(output).name();
        if (loss != null) {
            return new Head(isIdentity(o) ? "identity" : o, Losses.byName(loss).name());
        }
        if (regression) {
            return new Head(isIdentity(o) ? "identity" : o, "mse");
        }
        String l = switch (o) {
            case "sigmoid" -> "bce";
            case "softmax" -> "cce";
            case "identity" -> outputs == 1 ? "bce_logits" : "softmax_ce";
            default -> "mse";
        };
        return new Head(isIdentity(o) ? "identity" : o, l);
    }

    /** Hidden widths from {@code --layers D,...,K} (checked against the data) or {@code --hidden}. */
    public static List<Integer> hidden(String layers, String hidden, int inputs, int outputs) {
        if (layers != null && hidden != null) {
            throw Checks.usage("give --layers or --hidden, not both");
        }
        if (layers != null) {
            List<Integer> all = Checks.intList("--layers", layers, 1);
            if (all.size() < 2 || all.get(0) != inputs || all.get(all.size() - 1) != outputs) {
                throw Checks.usage("--layers must start with the data's " + inputs + " features and end with its "
                        + outputs + " output(s), e.g. " + inputs + ",16," + outputs + "; got " + layers);
            }
            return all.subList(1, all.size() - 1);
        }
        return hidden == null ? List.of(16) : Checks.intList("--hidden", hidden, 1);
    }

    /**
     * D → hidden → K. {@code weightInit} null keeps PyTorch's nn.Linear default for weights and
     * biases; a named initializer sets the weights and zero biases.
     */
    public static Sequential build(int inputs, List<Integer> hidden, String activation, int outputs, Head head,
            String weightInit, long seed) {
        checkActivation("--activation", activation);
        Sequential.Builder b = Sequential.builder(inputs);
        if (weightInit != null) {
            try {
                b.init(Initializers.byName(weightInit), Initializers.zeros());
            } catch (IllegalArgumentException e) {
                throw Checks.usage("--weight-init: " + e.getMessage());
            }
        }
        for (int h : hidden) {
            b.dense(h).activation(activation);
        }
        b.dense(outputs);
        if (head.hasOutputLayer()) {
            b.activation(head.output());
        }
        return b.build(seed);
    }

    /** "2 -> 16 relu -> 1 sigmoid" */
    public static String describe(Sequential model) {
        StringBuilder sb = new StringBuilder().append(model.inputWidth());
        String pending = null;
        for (var l : model.layers()) {
            if (l instanceof org.scratchnet.layer.Dense d) {
                if (pending != null) {
                    sb.append(" ").append(pending);
                }
                sb.append(" -> ").append(d.units());
                pending = null;
            } else {
                pending = l.type();
            }
        }
        return sb.append(pending == null ? " (linear)" : " " + pending).toString();
    }

    private static void checkActivation(String option, String name) {
        try {
            Activations.byName(name);
        } catch (IllegalArgumentException e) {
            throw Checks.usage(option + ": " + e.getMessage());
        }
    }
}
