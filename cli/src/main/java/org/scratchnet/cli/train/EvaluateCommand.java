package org.scratchnet.cli.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.tensor.Format;
import org.scratchnet.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scratchnet evaluate}: a saved model on labelled data (its stored normalization and
 * class names applied): loss, accuracy, per-class precision/recall and the confusion matrix;
 * for regression loss, MSE, MAE and R².
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure a saved model on labelled data: loss, accuracy, precision/recall, confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL_FILE", description = "A model saved by train.")
    Path modelFile;

    @Mixin
    DataOptions data;

    @Mixin
    BigFileOptions big;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the built-in generators (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--metrics-out", paramLabel = "FILE.json", description = "Write the metrics as JSON.")
    Path metricsOut;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Write figures here: the confusion matrix (classification), predicted against actual (regression or two classes).")
    Path plots;

    @Override
    public Integer call() {
        Checks.writableTarget("--metrics-out", metricsOut);
        PrintWriter out = spec.commandLine().getOut();
        SavedModel saved = ModelFile.load(modelFile);
        DataSpec.Options o = data.options(seed);
        o.expectedFeatures = saved.model().inputWidth();
        o.rules = saved.columns();
        big.apply(data.spec, o);
        o.progress = name -> org.scratchnet.cli.LoadProgress.forOutput(out, name);
        List<String> notes = new ArrayList<>();
        o.notes = notes::add; // printed once the data has loaded, so a failed load stays one error line
        o.sampleShape = saved.model().inputShape();
        if (o.task == Task.AUTO) {
            o.task = saved.task();
        }
        boolean classify = saved.task() == Task.CLASSIFICATION;
        if (classify) {
            o.classNames = ModelFiles.classNames(saved);
        }
        Tensor y, pred;
        String dataLine;
        if (big.stream) { // the file is read range by range; only predictions and targets are kept
            Tensor[] py = StreamTraining.predict(data.spec, saved, o, notes::add);
            pred = py[0];
            y = py[1];
            dataLine = data.spec + " (streamed): " + y.rows() + " rows";
        } else {
            DataSpec.Loaded loaded = DataSpec.load(data.spec, o);
            y = loaded.data().y();
            checkTargets(loaded.spec(), y, saved);
            pred = Runs.inChunks(loaded.data().x(), saved::predict);
            dataLine = loaded.describe();
        }
        notes.forEach(n -> out.println("note: " + n));
        Loss loss = Losses.byName(saved.loss());
        double lossValue = loss.value(pred, y);

        out.println("model: " + ModelFiles.describe(modelFile.toString(), saved));
        out.println("data: " + dataLine);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "evaluate");
        m.put("model", modelFile.toString());
        m.put("data", data.spec);
        m.put("rows", y.rows());
        m.put("loss", MetricsJson.num(lossValue));
        if (classify) {
            Tensor probs = Scores.probabilities(pred, loss);
            ClassReport report = new ClassReport(o.classNames, Scores.targets(y), Scores.classes(probs));
            out.println(String.format(Locale.ROOT, "loss = %s, accuracy = %.4f (%d rows)", Format.figure(lossValue),
                    report.accuracy(), y.rows()));
            double auc = probs.cols() == 1 ? Scores.rocAuc(probs.data(), Scores.targets(y)) : Double.NaN;
            out.println(String.format(Locale.ROOT, "macro F1 = %.4f", report.macroF1())
                    + (probs.cols() == 1 ? String.format(Locale.ROOT, ", ROC AUC = %.4f", auc) : ""));
            out.print(report.format());
            m.put("accuracy", MetricsJson.num(report.accuracy()));
            m.put("macro_f1", MetricsJson.num(report.macroF1()));
            if (probs.cols() == 1) {
                m.put("roc_auc", MetricsJson.num(auc));
            }
            m.put("classes", List.copyOf(o.classNames));
            m.put("per_class", report.perClass());
            m.put("confusion_matrix", report.confusion());
        } else {
            double[] r = regression(pred, y);
            out.println(String.format(Locale.ROOT, "loss = %s, mse = %s, mae = %s, r2 = %.4f (%d rows)",
                    Format.figure(lossValue), Format.figure(r[0]), Format.figure(r[1]), r[2], y.rows()));
            m.put("mse", MetricsJson.num(r[0]));
            m.put("mae", MetricsJson.num(r[1]));
            m.put("r2", MetricsJson.num(r[2]));
        }
        if (plots != null) {
            EvaluationPlots.write(out, plots, pred, y, saved, loss, o.classNames, labelName(saved));
        }
        if (metricsOut != null) {
            MetricsJson.write(metricsOut, m);
            out.println("metrics written to " + metricsOut);
        }
        out.flush();
        return 0;
    }

    static void checkTargets(String spec, Tensor y, SavedModel saved) {
        if (y.cols() != saved.model().outputWidth()) {
            throw new org.scratchnet.data.DataFormatException(spec + ": targets have " + y.cols()
                    + " column(s), the model outputs " + saved.model().outputWidth());
        }
    }

    private static String labelName(SavedModel saved) {
        return saved.columns() == null ? null : saved.columns().label();
    }

    /** {mse, mae, r2} over all elements of pred and y (N, K), in double. */
    static double[] regression(Tensor pred, Tensor y) {
        float[] p = pred.data(), t = y.data();
        double mean = 0;
        for (float v : t) {
            mean += v;
        }
        mean /= Math.max(1, t.length);
        double se = 0, ae = 0, tot = 0;
        for (int i = 0; i < t.length; i++) {
            double d = p[i] - t[i];
            se += d * d;
            ae += Math.abs(d);
            tot += (t[i] - mean) * (t[i] - mean);
        }
        int n = Math.max(1, t.length);
        return new double[] {se / n, ae / n, tot == 0 ? Double.NaN : 1 - se / tot};
    }
}
