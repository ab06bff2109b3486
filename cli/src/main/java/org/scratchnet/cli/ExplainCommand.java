package org.scratchnet.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchnet.activation.Activations;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scratchnet explain}: one forward and one backward pass on a few rows, printed step by
 * step with formulas, shapes and values (see {@link ExplainTrace}).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Print one forward pass, the loss, one backward pass and one SGD update, step by step, "
                + "with formulas, shapes and values.")
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "quadrants",
            description = "Built-in dataset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = DataNames.class)
    String data;

    @Option(names = "--layers", defaultValue = "2,16,1", split = ",",
            description = "Widths from input to output, e.g. 2,16,1 (default: ${DEFAULT-VALUE}).")
    int[] layers;

    @Option(names = "--net", paramLabel = "SPEC",
            description = "The whole network instead of --layers, e.g. \"dense 8, tanh, dropout 0.5, dense 1, sigmoid\". "
                    + "Layers: ${sys:scratchnet.layer.usage}.")
    String net;

    @Option(names = "--image", paramLabel = "CxHxW",
            description = "Give each row to the network as an image of this shape, e.g. 1x5x6 for letters "
                    + "(C·H·W must equal the features), so --net can start with a convolution.")
    String image;

    @Option(names = "--activation", defaultValue = "relu", description = "Hidden activation (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--output", defaultValue = "sigmoid",
            description = "Output activation, or none (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--loss", defaultValue = "bce", description = "Loss (default: ${DEFAULT-VALUE}).")
    String lossName;

    @Option(names = "--rows", defaultValue = "4", description = "Rows in the batch (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--lr", defaultValue = "0.1", description = "SGD learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for data and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Dataset names for the help text. */
    static final class DataNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Datasets.NAMES.iterator();
        }
    }

    @Override
    public Integer call() {
        if (layers.length < 2) {
            throw new Errors.UserException("--layers needs at least an input and an output width, e.g. 2,16,1", 2);
        }
        for (int w : layers) {
            if (w < 1) {
                throw new Errors.UserException("--layers widths must be >= 1, got " + w, 2);
            }
        }
        if (rows < 1) {
            throw new Errors.UserException("--rows must be >= 1, got " + rows, 2);
        }
        if (!(lr > 0) || !Float.isFinite(lr)) {
            throw new Errors.UserException("--lr must be a positive number, got " + lr, 2);
        }
        Dataset d;
        Loss loss;
        try {
            d = Datasets.byName(data, Math.max(200, rows), 0.1, seed);
            loss = Losses.byName(lossName);
            Activations.byName(activation);
            if (!isNone(output)) {
                Activations.byName(output);
            }
        } catch (IllegalArgumentException e) {
            throw new Errors.UserException(e.getMessage(), 2);
        }
        if (image != null) {
            if (net == null) {
                throw new Errors.UserException("--image needs --net (a network that takes images, e.g. \"conv 4 3, relu, flatten, dense 3\")", 2);
            }
            d = asImages(d);
        }
        Sequential model;
        String description;
        if (net != null) {
            try {
                model = org.scratchnet.model.NetSpec.parse(net).build(d.sampleShape(), null, null, seed);
            } catch (IllegalArgumentException e) {
                throw new Errors.UserException("--net: " + e.getMessage(), 2);
            }
            if (model.outputWidth() != d.targets()) {
                throw new Errors.UserException("--net ends with " + model.outputWidth() + " outputs, but " + data + " has "
                        + d.targets() + " target columns " + d.y().shapeString(), 2);
            }
            description = org.scratchnet.cli.train.Network.describe(model);
        } else {
            model = checkedLayers(d);
            description = describe(layers, activation, output);
        }
        if (rows > d.size()) {
            throw new Errors.UserException("--rows " + rows + " is more than the " + d.size() + " rows of " + data, 2);
        }
        Dataset batch = d.slice(0, rows);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "explain: %s on the first %d rows of %s (seed %d), loss %s, SGD lr %s%n",
                description, rows, data, seed, loss.name(), lr);
        out.println((image != null ? "shapes are (N, channels, height, width) for images, (rows, columns) for tables"
                : "shapes are (rows, columns)") + "; N = " + rows + " rows in the batch; "
                + "@ = matrix product, ⊙ = element-wise product, ᵀ = transpose");
        new ExplainTrace(out).run(model, batch.x(), batch.y(), loss, lr);
        return 0;
    }

    /** The same rows with x viewed as images shaped by --image (no copy). */
    private Dataset asImages(Dataset d) {
        String[] parts = image.toLowerCase(Locale.ROOT).split("x", -1);
        int[] shape = new int[parts.length + 1];
        long size = 1;
        try {
            for (int i = 0; i < parts.length; i++) {
                shape[i + 1] = Integer.parseInt(parts[i].trim());
                if (shape[i + 1] < 1) {
                    throw new NumberFormatException();
                }
                size *= shape[i + 1];
            }
        } catch (NumberFormatException e) {
            throw new Errors.UserException("--image: expected CxHxW with positive integers, e.g. 1x5x6, got '" + image + "'", 2);
        }
        if (parts.length != 3 || size != d.features()) {
            throw new Errors.UserException("--image " + image + " holds " + size + " values in " + parts.length
                    + " dimensions, but each row of " + data + " has " + d.features() + " features " + d.x().shapeString()
                    + ": give CxHxW with C·H·W = " + d.features(), 2);
        }
        shape[0] = d.size();
        return new Dataset(d.x().reshape(shape), d.y(), d.classNames());
    }

    private Sequential checkedLayers(Dataset d) {
        if (layers[0] != d.features()) {
            throw new Errors.UserException("--layers starts with " + layers[0] + " inputs, but " + data + " has "
                    + d.features() + " features " + d.x().shapeString(), 2);
        }
        if (layers[layers.length - 1] != d.targets()) {
            throw new Errors.UserException("--layers ends with " + layers[layers.length - 1] + " outputs, but "
                    + data + " has " + d.targets() + " target columns " + d.y().shapeString(), 2);
        }
        return buildModel(layers, activation, output, seed);
    }

    /** widths[0] inputs → dense + activation per hidden width → dense + output activation (none: no layer). */
    static Sequential buildModel(int[] widths, String hidden, String output, long seed) {
        Sequential.Builder b = Sequential.builder(widths[0]);
        for (int i = 1; i < widths.length - 1; i++) {
            b.dense(widths[i]).activation(hidden);
        }
        b.dense(widths[widths.length - 1]);
        if (!isNone(output)) {
            b.activation(output);
        }
        return b.build(seed);
    }

    static String describe(int[] widths, String hidden, String output) {
        StringBuilder sb = new StringBuilder().append(widths[0]);
        for (int i = 1; i < widths.length; i++) {
            String act = i < widths.length - 1 ? hidden : (isNone(output) ? "" : output);
            sb.append(" -> ").append(widths[i]).append(act.isEmpty() ? "" : " " + act);
        }
        return sb.toString();
    }

    private static boolean isNone(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals("none") || n.equals("identity") || n.equals("linear");
    }
}
