package org.scratchnet.cli.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchnet.cli.AtomicFiles;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.data.Npy;
import org.scratchnet.data.TableApplier;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.loss.Losses;
import org.scratchnet.tensor.Format;
import org.scratchnet.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scratchnet predict}: runs a saved model on raw features (its stored normalization is
 * applied) and prints the class and its probability per row, or the value for regression.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict with a saved model: class and probability per row (or value, for regression).")
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_FILE", description = "A model saved by train.")
    Path modelFile;

    @Option(names = "--input", paramLabel = "ROWS", description = "Rows of raw features: values split by ',', rows by ';', e.g. \"1,1;1,-1\".")
    String input;

    String dataSpec;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "A CSV file (PATH or csv:PATH) with the model's feature columns (a label column, if present, "
                    + "is ignored), a .npy file or npy:PATH (a float32 NumPy array, batch first: [N, D] or [N, C, H, W]), "
                    + "or a built-in.")
    void data(String value) {
        dataSpec = DataSpec.normalize(value);
    }

    @Option(names = "--label", paramLabel = "COLUMN", description = "Label column of the CSV to drop (default: none, or the last when there is one column too many).")
    String label;

    @Option(names = "--samples", defaultValue = "200", description = "Rows for the generated built-ins (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--noise", defaultValue = "0.1", description = "Noise of moons, circles, spiral (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the built-in generators (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Also write the predictions: FILE.npy as a float32 NumPy array (probabilities, or values for "
                    + "regression; [N, K]), any other name as CSV; both at full float precision.")
    Path output;

    @Override
    public Integer call() {
        if ((input == null) == (dataSpec == null)) {
            throw Checks.usage("give exactly one of --input ROWS or --data SPEC");
        }
        Checks.writableTarget("--output", output);
        PrintWriter out = spec.commandLine().getOut();
        SavedModel saved = ModelFile.load(modelFile);
        int d = saved.model().inputWidth();
        Tensor x;
        List<String> notes = new ArrayList<>(); // on stderr (stdout holds the predictions), once the input has loaded
        if (dataSpec != null && DataSpec.kind(dataSpec).equals("npy")) {
            x = NpyInput.features(dataSpec, saved.model().inputShape());
        } else if (input != null && saved.columns() != null) {
            x = parseTableRows(input, saved.columns(), notes);
        } else if (input != null) {
            x = parseRows(input, d);
        } else {
            DataSpec.Options o = new DataSpec.Options();
            o.samples = Checks.atLeast("--samples", samples, 1);
            o.noise = Checks.nonNegative("--noise", noise);
            o.seed = seed;
            o.label = label;
            o.expectedFeatures = d;
            o.task = saved.task();
            if (saved.task() == Task.CLASSIFICATION) {
                o.classNames = ModelFiles.classNames(saved);
            }
            o.rules = saved.columns();
            o.notes = notes::add;
            x = DataSpec.features(dataSpec, o);
        }
        PrintWriter err = spec.commandLine().getErr();
        notes.forEach(n -> err.println("note: " + n));
        err.flush();
        Tensor pred = saved.predict(x);
        Tensor written = pred;
        StringBuilder csv = new StringBuilder();
        if (saved.task() == Task.REGRESSION) {
            csv.append(pred.cols() == 1 ? "value" : header("value_", pred.cols())).append('\n');
            out.println("row,value");
            for (int i = 0; i < pred.rows(); i++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < pred.cols(); j++) {
                    row.append(j == 0 ? "" : ",").append(Format.figure(pred.get(i, j)));
                    csv.append(j == 0 ? "" : ",").append(pred.get(i, j));
                }
                out.println((i + 1) + "," + row);
                csv.append('\n');
            }
        } else {
            List<String> names = ModelFiles.classNames(saved);
            Tensor probs = Scores.probabilities(pred, Losses.byName(saved.loss()));
            written = probs;
            int[] classes = Scores.classes(probs);
            out.println("row,class,probability");
            csv.append("class,probability");
            for (String n : names) {
                csv.append(",").append(quote("p_" + n));
            }
            csv.append('\n');
            for (int i = 0; i < classes.length; i++) {
                float p = Scores.confidence(probs, i, classes[i]);
                out.println((i + 1) + "," + names.get(classes[i]) + "," + fmt(p));
                csv.append(quote(names.get(classes[i]))).append(',').append(p);
                for (int c = 0; c < names.size(); c++) {
                    csv.append(',').append(Scores.confidence(probs, i, c));
                }
                csv.append('\n');
            }
        }
        if (output != null) {
            // the file keeps every float digit (Float.toString round-trips); the screen shows 4 decimals
            byte[] bytes = output.toString().toLowerCase(Locale.ROOT).endsWith(".npy") ? Npy.toBytes(written)
                    : csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            AtomicFiles.writeOrFail(output, o -> o.write(bytes));
            out.println("predictions written to " + output);
        }
        out.flush();
        return 0;
    }

    /**
     * Rows of raw column values for a model with column rules, one value per feature column in the
     * model's order (text for category columns, empty for a missing value): "5.1,red;4.9,blue".
     */
    static Tensor parseTableRows(String text, ColumnRules rules, List<String> notes) {
        List<String> names = new java.util.ArrayList<>();
        rules.features().forEach(c -> names.add(c.name()));
        String[] rows = text.split(";", -1);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            String[] vals = rows[i].split(",", -1);
            if (vals.length != names.size()) {
                throw Checks.usage("--input row " + (i + 1) + " has " + vals.length + " values, the model expects "
                        + names.size() + " (" + String.join(", ", names) + ")");
            }
            for (int j = 0; j < vals.length; j++) {
                csv.append(j == 0 ? "" : ",").append(quote(vals[j].trim()));
            }
            csv.append('\n');
        }
        try {
            return TableApplier.parseFeatures("--input", csv.toString(), rules, notes::add, false);
        } catch (DataFormatException e) {
            throw Checks.usage(e.getMessage());
        }
    }

    /** "1,1;1,-1" → x (2, 2); every row must have {@code d} numbers. */
    static Tensor parseRows(String text, int d) {
        String[] rows = text.split(";", -1);
        float[] x = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            String[] vals = rows[i].split(",", -1);
            if (vals.length != d) {
                throw Checks.usage("--input row " + (i + 1) + " has " + vals.length + " values, the model expects " + d
                        + " (rows look like \"1,1;1,-1\")");
            }
            for (int j = 0; j < d; j++) {
                try {
                    x[i * d + j] = Float.parseFloat(vals[j].trim());
                } catch (NumberFormatException e) {
                    throw Checks.usage("--input row " + (i + 1) + ", value " + (j + 1) + ": expected a number, found '"
                            + vals[j].trim() + "'");
                }
                if (!Float.isFinite(x[i * d + j])) {
                    throw Checks.usage("--input row " + (i + 1) + ", value " + (j + 1) + ": expected a finite number, found '"
                            + vals[j].trim() + "'");
                }
            }
        }
        return Tensor.of(x, rows.length, d);
    }

    private static String header(String prefix, int k) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < k; j++) {
            sb.append(j == 0 ? "" : ",").append(prefix).append(j + 1);
        }
        return sb.toString();
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** CSV-quotes a field when it holds a separator, quote or line break. */
    static String quote(String s) {
        return s.matches(".*[,;\"\\t\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
