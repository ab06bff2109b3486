package org.scratchnet.cli.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scratchnet.cli.Candidates;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Standardizer;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Format;
import org.scratchnet.train.History;
import org.scratchnet.train.TrainingDivergedException;
import org.scratchnet.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scratchnet sweep}: the first tutorial's suggested experiments. Trains one network per
 * combination of hidden widths × activations × optimizers × learning rates × seeds (same data,
 * same split) and prints one table row each: settings, final loss, accuracy, the first epoch
 * whose accuracy reached the target (95% by default) and the time taken.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train every combination of the listed settings and print a comparison table.")
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    ColumnOptions columns;

    @Option(names = "--hidden", defaultValue = "16", paramLabel = "H,...",
            description = "Hidden-layer settings to try, comma-separated; 16x8 = two layers (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--activation", defaultValue = "relu", completionCandidates = Candidates.ActivationNames.class,
            description = "Hidden activations to try, from ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--optimizer", defaultValue = "sgd", completionCandidates = Candidates.OptimizerNames.class,
            description = "Optimizers to try, from ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rates to try (default: 0.5 for sgd, 0.01 for adam).")
    String lr;

    @Option(names = "--seed", defaultValue = "42", description = "Seeds to try (the first also seeds data and split) (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--epochs", defaultValue = "1000", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "0", description = "Rows per update, 0 = full batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--val-split", defaultValue = "0",
            description = "Fraction held out; accuracy and epochs-to-target are then measured on it (default: ${DEFAULT-VALUE}).")
    double valSplit;

    @Option(names = "--target", defaultValue = "0.95", description = "Accuracy for the 'epochs to target' column (default: ${DEFAULT-VALUE}).")
    double target;

    @Option(names = "--metrics-out", paramLabel = "FILE.json", description = "Write the table as JSON.")
    Path metricsOut;

    /** One finished run. */
    record Row(String hidden, String activation, String optimizer, float lr, long seed, double loss, double accuracy,
            int epochsToTarget, double seconds, String note) {
    }

    @Override
    public Integer call() {
        Checks.atLeast("--epochs", epochs, 1);
        Checks.atLeast("--batch-size", batchSize, 0);
        Checks.inRange("--val-split", valSplit, 0, 1);
        Checks.inRange("--target", target, 0, 1.0000001);
        Checks.writableTarget("--metrics-out", metricsOut);
        List<List<Integer>> hiddens = new ArrayList<>();
        for (String h : hidden.split(",")) {
            hiddens.add(Checks.intList("--hidden", h.trim().replace('x', ','), 1));
        }
        List<String> activations = new ArrayList<>();
        for (String a : activation.split(",")) {
            activations.add(a.trim());
        }
        List<String> optimizers = new ArrayList<>();
        for (String o : optimizer.split(",")) {
            optimizers.add(Checks.oneOf("--optimizer", o, Runs.OPTIMIZERS));
        }
        List<Float> lrs = new ArrayList<>();
        if (lr != null) {
            for (String v : lr.split(",")) {
                try {
                    lrs.add(Checks.positive("--lr", Float.parseFloat(v.trim())));
                } catch (NumberFormatException e) {
                    throw Checks.usage("--lr must be comma-separated numbers like 0.05,0.5, got '" + lr + "'");
                }
            }
        }
        List<Long> seedList = new ArrayList<>();
        for (String s : seeds.split(",")) {
            try {
                seedList.add(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                throw Checks.usage("--seed must be comma-separated integers, got '" + seeds + "'");
            }
        }

        PrintWriter out = spec.commandLine().getOut();
        long dataSeed = seedList.get(0);
        if (columns.any() && !DataSpec.kind(data.spec).equals("csv")) {
            throw Checks.usage("--features, --drop, --categorical, --impute and --drop-missing apply to csv:PATH data");
        }
        DataSpec.Options options = data.options(dataSeed);
        options.table = columns.table();
        DataSpec.Loaded loaded = DataSpec.load(data.spec, options);
        Dataset train = loaded.data(), val = null;
        if (valSplit > 0) {
            Dataset[] parts = TrainCommand.split(train, valSplit, dataSeed + 1, "--val-split");
            train = parts[0];
            val = parts[1];
        }
        if (!loaded.builtIn()) {
            Standardizer std = Standardizer.fit(train.x());
            train = std.transform(train);
            val = val == null ? null : std.transform(val);
        }
        int d = train.features(), k = train.targets();
        Network.Head head = Network.head(loaded.task(), k, null, null);
        Loss loss = Losses.byName(head.loss());
        out.println("data: " + loaded.describe() + (val == null ? "" : "; accuracy on " + val.size() + " validation rows"));
        out.println("each run: " + epochs + " epochs, " + (batchSize == 0 ? "full batch" : "batch " + batchSize)
                + ", output " + head.output() + ", loss " + head.loss());
        String fmt = "%-10s %-10s %-9s %-8s %-6s %10s %9s %11s %8s%n";
        out.printf(Locale.ROOT, fmt, "hidden", "activation", "optimizer", "lr", "seed", "final loss", "accuracy",
                String.format(Locale.ROOT, "epochs>=%.0f%%", 100 * target), "seconds");
        out.flush();

        List<Row> rows = new ArrayList<>();
        for (List<Integer> h : hiddens) {
            for (String act : activations) {
                for (String opt : optimizers) {
                    for (float rate : lrs.isEmpty() ? List.of(Runs.defaultLr(opt)) : lrs) {
                        for (long seed : seedList) {
                            Row r = run(h, act, opt, rate, seed, head, loss, train, val, d, k);
                            rows.add(r);
                            out.printf(Locale.ROOT, fmt, r.hidden(), r.activation(), r.optimizer(), r.lr(), r.seed(),
                                    Double.isNaN(r.loss()) ? r.note() : Format.figure(r.loss()),
                                    Double.isNaN(r.accuracy()) ? "-" : String.format(Locale.ROOT, "%.3f", r.accuracy()),
                                    r.epochsToTarget() < 0 ? "-" : Integer.toString(r.epochsToTarget()),
                                    String.format(Locale.ROOT, "%.2f", r.seconds()));
                            out.flush();
                        }
                    }
                }
            }
        }
        if (metricsOut != null) {
            MetricsJson.write(metricsOut, json(loaded, rows));
            out.println("metrics written to " + metricsOut);
        }
        return 0;
    }

    private Row run(List<Integer> h, String act, String opt, float rate, long seed, Network.Head head, Loss loss,
            Dataset train, Dataset val, int d, int k) {
        String hs = h.toString().replaceAll("[\\[\\] ]", "").replace(',', 'x');
        Sequential model = Network.build(d, h, act, k, head, null, seed);
        long t0 = System.nanoTime();
        try {
            History history = Trainer.builder(model, loss, Runs.optimizer(opt, rate, 0f))
                    .epochs(epochs).batchSize(batchSize).seed(seed).validation(val)
                    .build().fit(train);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double[] acc = val == null ? history.accuracies() : history.valAccuracies();
            int reached = -1;
            for (int e = 0; e < acc.length; e++) {
                if (acc[e] >= target) {
                    reached = e + 1;
                    break;
                }
            }
            Runs.Eval ev = Runs.eval(model, loss, val == null ? train : val);
            double trainLoss = Runs.eval(model, loss, train).loss();
            return new Row(hs, act, opt, rate, seed, trainLoss, ev.accuracy(), reached, seconds, "");
        } catch (TrainingDivergedException e) {
            return new Row(hs, act, opt, rate, seed, Double.NaN, Double.NaN, -1, (System.nanoTime() - t0) / 1e9,
                    "diverged@" + e.getMessage().replaceAll(".*at epoch (\\d+).*", "$1"));
        }
    }

    private Map<String, Object> json(DataSpec.Loaded loaded, List<Row> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "sweep");
        m.put("data", loaded.spec());
        m.put("epochs", epochs);
        m.put("target_accuracy", target);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("hidden", r.hidden());
            x.put("activation", r.activation());
            x.put("optimizer", r.optimizer());
            x.put("lr", (double) r.lr());
            x.put("seed", r.seed());
            x.put("final_loss", MetricsJson.num(r.loss()));
            x.put("accuracy", MetricsJson.num(r.accuracy()));
            x.put("epochs_to_target", r.epochsToTarget() < 0 ? null : r.epochsToTarget());
            x.put("seconds", r.seconds());
            x.put("diverged", !r.note().isEmpty());
            runs.add(x);
        }
        m.put("runs", runs);
        return m;
    }
}
