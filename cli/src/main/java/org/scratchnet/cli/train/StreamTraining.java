package org.scratchnet.cli.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.Errors;
import org.scratchnet.cli.LoadProgress;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.ColumnSelectionException;
import org.scratchnet.data.CsvStream;
import org.scratchnet.data.TableOptions;
import org.scratchnet.data.TargetScale;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.layer.BatchContext;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.tensor.Format;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.Metrics;
import org.scratchnet.train.TrainStep;

/**
 * {@code train --stream}: trains from a CSV file read in ranges every epoch ({@link CsvStream}),
 * never holding the table: memory stays at a few ranges whatever the file's size. The loop is
 * the trainer's (shuffle, batch, gradients, optimizer step) over each range in turn; the final
 * figures are computed by reading the file once more. Options that need the whole table in
 * memory (--init, --patience, --lr-schedule, the figures of --plots) are refused.
 */
final class StreamTraining {
    private final TrainCommand c;
    private final PrintWriter out;

    StreamTraining(TrainCommand command, PrintWriter out) {
        this.c = command;
        this.out = out;
    }

    int run() {
        if (!DataSpec.kind(c.data.spec).equals("csv")) {
            throw Checks.usage("--stream applies to csv:PATH data");
        }
        if (c.init != null || (c.patience != null && c.patience > 0) || c.lrSchedule != null) {
            throw Checks.usage("--stream trains in one pass per epoch without the whole table: --init, --patience and"
                    + " --lr-schedule are not available with it");
        }
        DataSpec.Options o = c.data.options(c.seed);
        o.table = c.columns.table();
        c.big.apply(c.data.spec, o);
        o.progress = c.see.quiet() ? null : name -> LoadProgress.forOutput(out, name);
        Path file = Path.of(c.data.spec.substring(c.data.spec.indexOf(':') + 1));
        double val = c.valSplit == null ? 0 : c.valSplit;
        List<String> notes = new ArrayList<>();
        CsvStream stream;
        try {
            TableOptions t = o.table.label(o.label).task(o.task);
            stream = CsvStream.open(file, t, o.load(file), c.testSplit, val, c.seed, c.standardize != Boolean.FALSE,
                    notes::add);
        } catch (ColumnSelectionException e) {
            throw Checks.usage(e.getMessage());
        }
        notes.forEach(n -> out.println("note: " + n));
        ColumnRules rules = stream.rules();
        Task task = stream.task();
        boolean regression = task == Task.REGRESSION;
        List<String> classes = stream.classNames();
        int d = rules.encodedWidth(), k = regression ? 1 : classes.size() == 2 ? 1 : classes.size();
        if (c.valSplit == null) {
            c.valSplit = 0.0;
        }
        if (c.patience == null) {
            c.patience = 0;
        }
        c.resolveDefaults(task, true, (int) Math.min(Integer.MAX_VALUE, stream.rows(CsvStream.TRAIN)), false);
        Network.Head head = Network.head(task, k, c.output, c.loss);
        Sequential model = c.net != null ? Network.build(c.net, new int[] {d}, k, head, c.weightInit, c.seed)
                : Network.build(d, Network.hidden(c.layers, c.hidden, d, k), c.activation, k, head, c.weightInit, c.seed);
        Loss loss = Losses.byName(head.loss());
        Optimizer opt = Runs.optimizer(c.optimizer, c.lr, c.momentum, c.weightDecay, c.clipNorm);
        TargetScale target = rules.target();
        out.println("data: " + c.data.spec + " (streamed): " + stream.rows(CsvStream.TRAIN) + " train, "
                + stream.rows(CsvStream.VALIDATION) + " validation, " + stream.rows(CsvStream.TEST) + " test rows, " + d
                + " features, " + (regression ? "regression target" : classes.size() + " classes " + classes));
        out.println("model: " + Network.describe(model) + "; loss " + loss.name() + "; " + opt.name() + " lr "
                + opt.learningRate() + "; " + c.epochs + " epochs, " + (c.batchSize == 0 ? "a range per batch" : "batch "
                + c.batchSize) + "; rows shuffled within ranges of the file, ranges in a new order each epoch; seed "
                + c.seed);
        out.flush();
        TrainStep step = new TrainStep(model, loss);
        long[] steps = {0};
        int logEvery = c.logEvery != null ? c.logEvery : Math.max(1, c.epochs / 10);
        long t0 = System.nanoTime();
        for (int epoch = 1; epoch <= c.epochs; epoch++) {
            double[] sums = new double[3]; // loss sum, correct, rows
            int e = epoch;
            stream.chunks(CsvStream.TRAIN, epoch, chunk -> {
                int n = chunk.size(), b = c.batchSize == 0 ? n : c.batchSize;
                for (int from = 0; from < n; from += b) {
                    int to = Math.min(n, from + b);
                    Tensor xb = chunk.x().sliceRows(from, to), yb = chunk.y().sliceRows(from, to);
                    TrainStep.Result r = step.gradients(xb, yb, BatchContext.ordered(c.seed, steps[0]++));
                    if (!Double.isFinite(r.meanLoss())) {
                        throw new Errors.UserException("loss became " + r.meanLoss() + " at epoch " + e + " (step "
                                + steps[0] + "): lower --lr (now " + opt.learningRate() + "), add --clip-norm 1, or check"
                                + " the data for very large values", 1);
                    }
                    step.apply(opt);
                    sums[0] += r.lossSum();
                    sums[1] += regression ? 0 : Metrics.correct(r.predictions(), yb, loss.takesLogits());
                    sums[2] += to - from;
                }
            });
            if (epoch % logEvery == 0 || epoch == c.epochs) {
                out.println("epoch " + epoch + ", loss = " + Format.figure(sums[0] / sums[2])
                        + (regression ? "" : String.format(Locale.ROOT, ", acc = %.3f", sums[1] / sums[2])));
                out.flush();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Runs.Eval tr = eval(stream, CsvStream.TRAIN, model, loss, target, regression);
        Runs.Eval va = stream.rows(CsvStream.VALIDATION) == 0 ? Runs.Eval.NONE
                : eval(stream, CsvStream.VALIDATION, model, loss, target, regression);
        Runs.Eval te = stream.rows(CsvStream.TEST) == 0 ? Runs.Eval.NONE
                : eval(stream, CsvStream.TEST, model, loss, target, regression);
        out.println(Runs.finalLine(tr, va, te, c.epochs, seconds));
        if (c.save != null) {
            SavedModel saved = new SavedModel(model, loss.name(), stream.standardizer(), regression ? List.of() : classes,
                    rules.encodedNames(), task, null, rules);
            try {
                ModelFile.save(c.save, saved);
            } catch (IOException ex) {
                throw new Errors.UserException(ex.getMessage(), 1);
            }
            out.println("saved " + c.save);
        }
        out.flush();
        return 0;
    }

    /**
     * {predictions (N, K), targets (N, K)} of a saved model on a CSV file read range by range by
     * the model's column rules (evaluate --stream): the features are never all in memory.
     */
    static Tensor[] predict(String spec, SavedModel saved, DataSpec.Options o, java.util.function.Consumer<String> notes) {
        if (!DataSpec.kind(spec).equals("csv") || saved.columns() == null) {
            throw Checks.usage("--stream applies to csv:PATH data and models trained on CSV tables (with column rules)");
        }
        Path file = Path.of(spec.substring(spec.indexOf(':') + 1));
        int k = saved.model().outputWidth();
        float[][] acc = {new float[1 << 16], new float[1 << 16]};
        int[] n = {0};
        CsvStream.applying(file, saved.columns(), saved.task(), o.classNames, o.load(file), notes, chunk -> {
            EvaluateCommand.checkTargets(spec, chunk.y(), saved);
            Tensor p = Runs.inChunks(chunk.x(), saved::predict);
            int need = (n[0] + chunk.size()) * k;
            if (need > acc[0].length) {
                int cap = Math.max(need, acc[0].length * 2);
                acc[0] = java.util.Arrays.copyOf(acc[0], cap);
                acc[1] = java.util.Arrays.copyOf(acc[1], cap);
            }
            System.arraycopy(p.data(), 0, acc[0], n[0] * k, chunk.size() * k);
            System.arraycopy(chunk.y().data(), 0, acc[1], n[0] * k, chunk.size() * k);
            n[0] += chunk.size();
        });
        return new Tensor[] {Tensor.of(java.util.Arrays.copyOf(acc[0], n[0] * k), n[0], k),
            Tensor.of(java.util.Arrays.copyOf(acc[1], n[0] * k), n[0], k)};
    }

    /** Loss and accuracy (or MAE and R², in the target's unit) of one part, read range by range. */
    static Runs.Eval eval(CsvStream stream, int part, Sequential model, Loss loss, TargetScale target,
            boolean regression) {
        double[] s = new double[6]; // loss sum, correct, rows, |error| sum, squared error sum, y sum; y² below
        double[] ySq = {0};
        stream.chunks(part, 0, chunk -> {
            Tensor p = Runs.inChunks(chunk.x(), model::predict);
            Tensor y = chunk.y();
            if (target != null) {
                p = target.unscale(p);
                y = target.unscale(y);
            }
            int n = chunk.size();
            s[0] += loss.value(p, y) * n;
            s[2] += n;
            if (!regression) {
                s[1] += Metrics.correct(p, y, loss.takesLogits());
                return;
            }
            float[] pv = p.data(), yv = y.data();
            for (int i = 0; i < pv.length; i++) {
                double err = pv[i] - yv[i];
                s[3] += Math.abs(err);
                s[4] += err * err;
                s[5] += yv[i];
                ySq[0] += (double) yv[i] * yv[i];
            }
        });
        if (s[2] == 0) {
            return Runs.Eval.NONE;
        }
        if (!regression) {
            return new Runs.Eval(s[0] / s[2], s[1] / s[2], Double.NaN, Double.NaN);
        }
        double mean = s[5] / s[2];
        double total = ySq[0] - s[2] * mean * mean;
        return new Runs.Eval(s[0] / s[2], Double.NaN, s[3] / s[2], total > 0 ? 1 - s[4] / total : Double.NaN);
    }
}
