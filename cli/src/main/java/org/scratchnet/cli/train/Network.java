package org.scratchnet.cli.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.activation.Activations;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Task;
import org.scratchnet.init.Initializers;
import org.scratchnet.io.ModelFile;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.LayerTypes;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.NetSpec;
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
        return fits(pick(task, outputs, output, loss), task, outputs);
    }

    /**
     * Rejects a loss that cannot work with the output or the data (exit 2), e.g. BCE on 3 classes
     * (it would train 3 independent sigmoids), softmax on a single output (always 1), or a loss
     * on logits behind a sigmoid.
     */
    static Head fits(Head h, Task task, int outputs) {
        String l = h.loss();
        boolean binaryLoss = l.equals("bce") || l.equals("bce_logits");
        boolean softmaxLoss = l.equals("cce") || l.equals("softmax_ce");
        if ((binaryLoss || softmaxLoss) && task == Task.REGRESSION) {
            throw Checks.usage("--loss " + l + " is for classes; the data has a regression target: use mse, sse, "
                    + "half_se or huber");
        }
        if (binaryLoss && outputs != 1) {
            throw Checks.usage("--loss " + l + " fits 2 classes (one output); the data has " + outputs
                    + " classes: use softmax_ce (or cce with --output softmax)");
        }
        if (softmaxLoss && outputs < 2) {
            throw Checks.usage("--loss " + l + " needs one output per class; the data has 2 classes (one 0/1 output):"
                    + " use bce (or bce_logits)");
        }
        String need = switch (l) {
            case "bce" -> "sigmoid";
            case "cce" -> "softmax";
            case "bce_logits", "softmax_ce" -> "identity";
            default -> null;
        };
        if (need != null && !need.equals(h.output())) {
            throw Checks.usage("--loss " + l + " expects --output " + need + ", got --output " + h.output()
                    + (need.equals("identity") ? " (this loss applies the " + (l.equals("softmax_ce") ? "softmax" : "sigmoid")
                    + " itself)" : ""));
        }
        return h;
    }

    private static Head pick(Task task, int outputs, String output, String loss) {
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
            List<Integer> all = maxWidth("--layers", layers, Checks.intList("--layers", layers, 1));
            if (all.size() < 2 || all.get(0) != inputs || all.get(all.size() - 1) != outputs) {
                throw Checks.usage("--layers must start with the data's " + inputs + " features and end with its "
                        + outputs + " output(s), e.g. " + inputs + ",16," + outputs + "; got " + layers);
            }
            return all.subList(1, all.size() - 1);
        }
        return hidden == null ? List.of(16) : maxWidth("--hidden", hidden, Checks.intList("--hidden", hidden, 1));
    }

    /** Wider layers would train but their model file could not be loaded again. */
    private static List<Integer> maxWidth(String option, String value, List<Integer> widths) {
        for (int w : widths) {
            if (w > ModelFile.MAX_WIDTH) {
                throw Checks.usage(option + " values must be <= " + ModelFile.MAX_WIDTH
                        + " (the widest layer a model file holds), got '" + value + "'");
            }
        }
        return widths;
    }

    /** One float array per weight matrix: D·H must fit in a Java array (checked before allocating). */
    private static void checkWeightCounts(int inputs, List<Integer> hidden, int outputs) {
        List<Integer> widths = new java.util.ArrayList<>();
        widths.add(inputs);
        widths.addAll(hidden);
        widths.add(outputs);
        for (int i = 0; i + 1 < widths.size(); i++) {
            long weights = (long) widths.get(i) * widths.get(i + 1);
            if (weights > Integer.MAX_VALUE - 8) {
                throw Checks.usage("layer " + widths.get(i) + " -> " + widths.get(i + 1) + " needs " + weights
                        + " weights, more than one array holds (" + (Integer.MAX_VALUE - 8)
                        + "): use narrower --hidden/--layers widths");
            }
        }
    }

    /**
     * D → hidden → K. {@code weightInit} null keeps PyTorch's nn.Linear default for weights and
     * biases; a named initializer sets the weights and zero biases.
     */
    public static Sequential build(int inputs, List<Integer> hidden, String activation, int outputs, Head head,
            String weightInit, long seed) {
        checkActivation("--activation", activation);
        checkWeightCounts(inputs, hidden, outputs);
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

    /**
     * The spec's layers, then the output layer the task needs (dense K and the head's activation):
     * {@code --net "dense 64, relu, dropout 0.2"} on 2 classes adds {@code dense 1, sigmoid}.
     */
    public static Sequential build(String net, int[] inputShape, int outputs, Head head, String weightInit, long seed) {
        String full = net.trim() + ", dense " + outputs + (head.hasOutputLayer() ? ", " + head.output() : "");
        try {
            return NetSpec.parse(full).build(inputShape, weightInit == null ? null : initializer(weightInit),
                    weightInit == null ? null : Initializers.zeros(), seed);
        } catch (IllegalArgumentException e) {
            throw Checks.usage("--net: " + e.getMessage());
        }
    }

    private static org.scratchnet.init.Initializer initializer(String weightInit) {
        try {
            return Initializers.byName(weightInit);
        } catch (IllegalArgumentException e) {
            throw Checks.usage("--weight-init: " + e.getMessage());
        }
    }

    /**
     * "2 -> 16 relu -> 1 sigmoid": each product layer's width after an arrow, other layers by
     * their short description ("784 -> 64 relu, dropout 0.2 -> 10 identity").
     */
    public static String describe(Sequential model) {
        int[] in = model.inputShape();
        StringBuilder sb = new StringBuilder(in.length == 1 ? String.valueOf(in[0]) : shapeText(in));
        List<String> pending = new ArrayList<>();
        int[] shape = in;
        for (Layer l : model.layers()) {
            int[] next = l.outputShape(shape);
            if (!l.parameters().isEmpty()) {
                if (!pending.isEmpty()) {
                    sb.append(" ").append(String.join(", ", pending));
                }
                sb.append(" -> ").append(next.length == 1 ? String.valueOf(next[0]) : LayerTypes.of(l).describe(l.config()));
                pending.clear();
            } else {
                pending.add(LayerTypes.of(l).describe(l.config()));
            }
            shape = next;
        }
        return sb.append(pending.isEmpty() ? " identity" : " " + String.join(", ", pending)).toString();
    }

    private static String shapeText(int[] s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : "x").append(s[i]);
        }
        return sb.toString();
    }

    private static void checkActivation(String option, String name) {
        try {
            Activations.byName(name);
        } catch (IllegalArgumentException e) {
            throw Checks.usage(option + ": " + e.getMessage());
        }
    }
}
