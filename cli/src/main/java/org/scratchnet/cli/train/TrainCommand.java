package org.scratchnet.cli.train;

import java.io.IOException;
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
import org.scratchnet.cli.EpochLog;
import org.scratchnet.cli.SeeItLearn;
import org.scratchnet.cli.Errors;
import org.scratchnet.cli.LoadProgress;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TargetScale;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.LrSchedule;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Optimizers;
import org.scratchnet.train.LrScheduler;
import org.scratchnet.optim.TrainingState;
import org.scratchnet.tensor.Engine;
import org.scratchnet.train.EarlyStopping;
import org.scratchnet.train.History;
import org.scratchnet.train.Trainer;
import org.scratchnet.train.TrainingDivergedException;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.viz.PlotNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scratchnet train}: loads data → splits (test, then validation; seeded) → fits the
 * standardizer on the training split → builds or loads the network → trains → prints final
 * metrics → saves the model and the metrics JSON.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network on a CSV file or a built-in dataset and save it.")
public final class TrainCommand implements Callable<Integer> {
    /** Regression defaults (chosen on scikit-learn's diabetes and Boston tables; docs/csv.md). */
    static final float REGRESSION_WEIGHT_DECAY = 1e-4f;
    static final double REGRESSION_VAL_SPLIT = 0.2;
    static final int REGRESSION_PATIENCE = 50;
    static final int REGRESSION_MIN_ROWS_FOR_VALIDATION = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    ColumnOptions columns;

    @Mixin
    BigFileOptions big;

    @Mixin
    SeeItLearn see;

    @Option(names = "--net", paramLabel = "SPEC",
            description = "The network's layers, e.g. \"dense 64, relu, dropout 0.2, dense 32, tanh\" (input shape from the data; "
                    + "the output layer and loss from the task). Layers: ${sys:scratchnet.layer.usage}.")
    String net;

    @Option(names = "--layers", paramLabel = "D,H...,K", description = "All widths, e.g. 2,16,1 (input and output must match the data).")
    String layers;

    @Option(names = "--hidden", paramLabel = "H,...", description = "Hidden widths only, e.g. 16,8 (default: 16).")
    String hidden;

    @Option(names = "--activation", defaultValue = "relu", completionCandidates = Candidates.ActivationNames.class,
            description = "Hidden activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--output", paramLabel = "ACTIVATION",
            description = "Output activation: ${COMPLETION-CANDIDATES} (default from the task: sigmoid for 2 classes, identity (logits) for more, identity for regression).",
            completionCandidates = Candidates.ActivationNames.class)
    String output;

    @Option(names = "--loss", completionCandidates = Candidates.LossNames.class,
            description = "Loss: ${COMPLETION-CANDIDATES} (default from the task: bce, softmax_ce or mse).")
    String loss;

    @Option(names = "--optimizer", completionCandidates = Candidates.OptimizerNames.class,
            description = "${COMPLETION-CANDIDATES} (default: adam for regression, sgd otherwise; with --init, the model file's optimizer and its state).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (default: 0.5 for sgd, 0.01 for adam).")
    Float lr;

    @Option(names = "--weight-decay", paramLabel = "L2",
            description = "L2 weight decay added to the gradients (default: " + REGRESSION_WEIGHT_DECAY + " for regression, 0 otherwise).")
    Float weightDecay;

    @Option(names = "--clip-norm", paramLabel = "MAX", defaultValue = "0",
            description = "Rescale gradients whose global L2 norm exceeds MAX; 0 = off (default: ${DEFAULT-VALUE}).")
    float clipNorm;

    @Option(names = "--lr-schedule", paramLabel = "SPEC",
            description = "Change the learning rate every epoch: step:EVERY:FACTOR, cosine (to 0 at the last epoch) or plateau:PATIENCE:FACTOR (watches the validation loss, else the training loss).")
    String lrSchedule;

    private LrSchedule schedule;

    @Option(names = "--momentum", defaultValue = "0", description = "SGD momentum in [0, 1) (default: ${DEFAULT-VALUE}).")
    float momentum;

    @Option(names = "--epochs", defaultValue = "1000", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "0", description = "Rows per update, 0 = full batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for generators, splits, weights and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--val-split", description = "Fraction held out for validation (default: " + REGRESSION_VAL_SPLIT
            + " for regression on a CSV, else none).")
    Double valSplit;

    @Option(names = "--test-split", defaultValue = "0", description = "Fraction held out for a final test (default: ${DEFAULT-VALUE} = none).")
    double testSplit;

    @Option(names = "--patience",
            description = "Stop after this many epochs without improvement of the validation (else training) loss and keep the best weights; 0 = off (default: "
                    + REGRESSION_PATIENCE + " for regression with a validation split, else 0).")
    Integer patience;

    @Option(names = "--threads", description = "Threads for the kernels (default: all cores).")
    Integer threads;

    @Option(names = "--init", paramLabel = "MODEL_FILE", description = "Start from a saved model (its architecture, weights and normalization).")
    Path init;

    @Option(names = "--weight-init", paramLabel = "NAME",
            description = "Weight initializer: normal[:STD], uniform[:A:B], xavier, xavier_normal, he, he_uniform, zeros (biases 0); default: PyTorch's nn.Linear init.")
    String weightInit;

    @Option(names = "--standardize", negatable = true,
            description = "Standardize features with mean/std of the training split (default: on for csv, off for built-ins).")
    Boolean standardize;

    @Option(names = "--log-every", description = "Print a progress line every N epochs (default: epochs/10).")
    Integer logEvery;

    @Option(names = "--save", paramLabel = "MODEL_FILE", description = "Write the trained model here (.safetensors).")
    Path save;

    @Option(names = "--metrics-out", paramLabel = "FILE.json", description = "Write final metrics and per-epoch history as JSON.")
    Path metricsOut;

    @Override
    public Integer call() {
        checkOptions();
        int savedThreads = Engine.threads();
        if (threads != null) {
            Engine.setThreads(Checks.atLeast("--threads", threads, 1));
        }
        try {
            return run();
        } finally {
            Engine.setThreads(savedThreads);
        }
    }

    private void checkOptions() {
        Checks.atLeast("--epochs", epochs, 1);
        Checks.atLeast("--batch-size", batchSize, 0);
        if (patience != null) {
            Checks.atLeast("--patience", patience, 0);
        }
        if (valSplit != null) {
            Checks.inRange("--val-split", valSplit, 0, 1);
        }
        Checks.inRange("--test-split", testSplit, 0, 1);
        if (valSplit != null && valSplit + testSplit >= 1) {
            throw Checks.usage("--val-split + --test-split must be < 1, got " + (valSplit + testSplit));
        }
        if (optimizer != null) {
            optimizer = Checks.oneOf("--optimizer", optimizer, Optimizers.NAMES);
        }
        // checked here too (Runs.optimizer does it again) so a bad value fails before any data is read
        if (lr != null) {
            Checks.positive("--lr", lr);
        }
        if (weightDecay != null) {
            Checks.nonNegative("--weight-decay", weightDecay);
        }
        Checks.nonNegative("--clip-norm", clipNorm);
        if (lrSchedule != null) {
            schedule = Runs.schedule(lrSchedule);
        }
        Checks.inRange("--momentum", momentum, 0, 1);
        Checks.writableTarget("--save", save);
        Checks.writableTarget("--metrics-out", metricsOut);
        if (logEvery != null) {
            Checks.atLeast("--log-every", logEvery, 1);
        }
        if (init != null && (layers != null || hidden != null || net != null || weightInit != null || output != null)) {
            throw Checks.usage("--init takes the network from the model file; drop --layers/--hidden/--net/--output/--weight-init");
        }
        if (net != null && (layers != null || hidden != null)) {
            throw Checks.usage("give --net or --layers/--hidden, not both");
        }
        if (columns.any() && !DataSpec.kind(data.spec).equals("csv")) {
            throw Checks.usage("--features, --drop, --categorical, --impute and --drop-missing apply to csv:PATH data");
        }
        if (columns.any() && init != null) {
            throw Checks.usage("--init reads the CSV by the model's column rules; drop --features/--drop/--categorical/--impute/--drop-missing");
        }
    }

    /**
     * Defaults that depend on the task. Regression: Adam with L2 weight decay, and early stopping on
     * a validation split, because small tables overfit and the full-batch SGD of the tutorials
     * needs a hand-tuned rate per table.
     */
    void resolveDefaults(Task task, boolean csv, int rows, boolean resuming) {
        boolean regression = task == Task.REGRESSION;
        if (!resuming) { // a resumed optimizer keeps its own settings (and --lr overrides its rate only when given)
            if (optimizer == null) {
                optimizer = regression ? "adam" : "sgd";
            }
            if (lr == null) {
                lr = Optimizers.defaultLearningRate(optimizer);
            }
        }
        if (weightDecay == null) {
            weightDecay = regression && !resuming ? REGRESSION_WEIGHT_DECAY : 0f;
        }
        if (valSplit == null) {
            // tiny tables keep every row for training: a handful of validation rows would only add noise
            boolean enough = rows * (1 - testSplit) >= REGRESSION_MIN_ROWS_FOR_VALIDATION;
            valSplit = regression && csv && init == null && enough ? REGRESSION_VAL_SPLIT : 0;
        }
        if (patience == null) {
            patience = regression && valSplit > 0 ? REGRESSION_PATIENCE : 0;
        }
    }

    /**
     * True when the network spec's first layer refuses a vector of 784 but takes a 1x28x28 image
     * (convolutions, pools): MNIST is then given as [N, 1, 28, 28]. Asked of the layer's own
     * description, so a new image layer needs nothing here.
     */
    static boolean startsWithImages(String net) {
        if (net == null || net.isBlank()) {
            return false;
        }
        try {
            org.scratchnet.model.NetSpec.Entry first = org.scratchnet.model.NetSpec.parse(net).entries().get(0);
            try {
                first.type().tensors(first.config(), new int[] {784});
                return false;
            } catch (IllegalArgumentException vectorsRefused) {
                first.type().tensors(first.config(), new int[] {1, 28, 28});
                return true;
            }
        } catch (IllegalArgumentException badSpec) {
            return false; // reported with the spec's own message when the network is built
        }
    }

    private int run() {
        PrintWriter out = spec.commandLine().getOut();
        if (big.stream) {
            return new StreamTraining(this, out).run();
        }
        SavedModel start = init == null ? null : ModelFile.load(init);
        DataSpec.Options o = data.options(seed);
        o.table = columns.table();
        big.apply(data.spec, o);
        o.progress = see.quiet() ? null : name -> LoadProgress.forOutput(out, name);
        List<String> notes = new ArrayList<>();
        o.notes = notes::add; // printed once the data has loaded, so a failed load stays one error line
        o.sampleShape = start != null ? start.model().inputShape() : startsWithImages(net) ? new int[] {1, 28, 28} : null;
        if (start != null) {
            o.expectedFeatures = start.model().inputWidth();
            o.classNames = start.task() == Task.CLASSIFICATION ? start.classNames() : null;
            o.rules = start.columns();
            if (o.rules != null && o.task == Task.AUTO) {
                o.task = start.task();
            }
        }
        DataSpec.Loaded loaded = DataSpec.load(data.spec, o);
        notes.forEach(n -> out.println("note: " + n));
        // resuming: the saved optimizer keeps its state (moments, step count) unless another is asked for
        TrainingState resumed = start == null ? null : start.training();
        boolean reuse = resumed != null && momentum == 0
                && (optimizer == null || optimizer.equals(resumed.optimizer().name()));
        if (reuse && (clipNorm > 0 || weightDecay != null)) {
            throw Checks.usage("--init resumes the saved optimizer with its settings; to change --weight-decay or"
                    + " --clip-norm, also give --optimizer NAME (a fresh optimizer)");
        }
        resolveDefaults(loaded.task(), !loaded.builtIn(), loaded.data().size(), reuse);
        String dataLine = loaded.describe();
        TrainData prepared = TrainData.prepare(loaded, start, standardize, testSplit, valSplit, seed);
        loaded = loaded.withoutRows(); // the splits are copies: the whole encoded table's memory can go back
        if (prepared.train().x().size() >= 4_000_000) {
            System.gc(); // a large table's cells and encoding are garbage now: collect them before training
        }
        Dataset train = prepared.train(), val = prepared.val(), test = prepared.test();
        Standardizer std = prepared.std();
        TargetScale target = prepared.target();
        boolean regression = loaded.task() == Task.REGRESSION;

        int d = train.features(), k = train.targets();
        Sequential model;
        Loss lossFn;
        if (start != null) {
            model = start.model();
            if (model.outputWidth() != k) {
                throw new DataFormatException(init + ": model has " + model.outputWidth() + " outputs, the data "
                        + loaded.spec() + " has " + k + " target column(s)");
            }
            lossFn = Losses.byName(loss != null ? loss : start.loss());
        } else {
            Network.Head head = Network.head(loaded.task(), k, output, loss);
            model = net != null ? Network.build(net, train.sampleShape(), k, head, weightInit, seed)
                    : Network.build(d, Network.hidden(layers, hidden, d, k), activation, k, head, weightInit, seed);
            lossFn = Losses.byName(head.loss());
        }

        Optimizer opt;
        if (reuse) {
            opt = resumed.optimizer();
            // with a schedule, the restored rate is already the scheduled one and --lr names the base rate
            if (lr != null && schedule == null) {
                opt.setLearningRate(lr);
            }
        } else {
            opt = Runs.optimizer(optimizer, lr, momentum, weightDecay, clipNorm);
        }

        out.println("data: " + dataLine);
        out.println("split: " + train.size() + " train" + (val == null ? "" : ", " + val.size() + " validation")
                + (test == null ? "" : ", " + test.size() + " test") + (std == null ? "" : "; features standardized on the train split")
                + (target == null ? "" : "; target standardized (figures below in its own unit)"));
        out.println("model: " + Network.describe(model) + (start == null ? "" : " (from " + init + ")") + "; loss "
                + lossFn.name() + "; " + opt.name() + " lr " + opt.learningRate() + (momentum > 0 ? " momentum " + momentum : "")
                + (weightDecay > 0 ? " weight decay " + weightDecay : "") + (clipNorm > 0 ? " clip norm " + clipNorm : "")
                + (schedule != null ? " schedule " + schedule.describe() : "")
                + (reuse ? " (state restored: " + resumed.epochs() + " epochs, " + resumed.steps() + " steps done)" : "")
                + "; " + epochs + " epochs, " + (batchSize == 0 ? "full batch" : "batch " + batchSize)
                + (patience > 0 ? ", patience " + patience : "") + "; seed " + seed);
        out.print(model.summary());
        out.flush();

        Trainer.Builder tb = Trainer.builder(model, lossFn, opt)
                .epochs(epochs).batchSize(batchSize).seed(seed).validation(val)
                .listener(see.progress(out))
                .listener(EpochLog.every(see.log(out), logEvery != null ? logEvery : Math.max(1, epochs / 10),
                        Runs.lineFormat(lossFn, target)));
        if (patience > 0) {
            tb.listener(new EarlyStopping(patience, 0, true));
        }
        if (schedule != null) {
            tb.listener(reuse && lr != null ? new LrScheduler(schedule, lr) : new LrScheduler(schedule));
            if (reuse && lr == null) {
                out.println("note: the schedule takes the restored rate " + opt.learningRate() + " as its base rate; give "
                        + "--lr with the first run's rate to continue the schedule as one run would");
            }
        }
        if (reuse) {
            tb.resume(resumed);
        }
        Trainer trainer = tb.build();
        float startLr = opt.learningRate(); // a schedule changes it while training
        long t0 = System.nanoTime();
        History history;
        try {
            history = trainer.fit(train);
        } catch (TrainingDivergedException e) {
            throw new Errors.UserException(Runs.divergenceAdvice(e, opt.learningRate(), clipNorm, std != null), 1);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        Runs.Eval tr = Runs.eval(model, lossFn, train, target, regression),
                va = Runs.eval(model, lossFn, val, target, regression),
                te = Runs.eval(model, lossFn, test, target, regression);
        if (!history.stopReason().equals("completed")) {
            // early stopping watches the loss the network trains on: a scaled target's, in standardized units
            out.println(history.stopReason() + (target != null ? " (loss of the standardized target)" : ""));
        }
        out.println(Runs.finalLine(tr, va, te, history.size(), seconds));
        ColumnRules rules = prepared.rules();
        see.show(out, model, train, history, lossFn, null, new PlotNames(loaded.featureNames(),
                rules == null ? null : rules.label(), std != null, target != null));

        List<String> classes = regression ? List.of() : loaded.classNames();
        if (save != null) {
            SavedModel saved = new SavedModel(model, lossFn.name(), std, classes, loaded.featureNames(), loaded.task(),
                    trainer.state(), prepared.rules());
            try {
                ModelFile.save(save, saved);
            } catch (IOException e) {
                throw new Errors.UserException(e.getMessage(), 1); // "PATH: cannot write (reason)"
            }
            out.println("saved " + save);
        }
        if (metricsOut != null) {
            MetricsJson.write(metricsOut, MetricsJson.train(loaded, tr, va, te, history, seconds, settings(opt, startLr),
                    Runs.lossFactor(lossFn, target)));
            out.println("metrics written to " + metricsOut);
        }
        out.flush();
        return 0;
    }

    static Dataset[] split(Dataset d, double fraction, long seed, String option) {
        try {
            return d.split(fraction, seed);
        } catch (IllegalArgumentException e) {
            throw Checks.usage(option + ": " + e.getMessage());
        }
    }

    /** The run's settings for the metrics JSON (the optimizer's rate at the start and at the end). */
    private Map<String, Object> settings(Optimizer opt, float startLr) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("optimizer", opt.name());
        settings.put("lr", (double) startLr);
        settings.put("lr_schedule", schedule == null ? null : schedule.spec());
        settings.put("final_lr", (double) opt.learningRate());
        settings.put("momentum", (double) momentum);
        settings.put("weight_decay", (double) weightDecay);
        settings.put("clip_norm", (double) clipNorm);
        settings.put("patience", patience);
        settings.put("epochs", epochs);
        settings.put("batch_size", batchSize);
        settings.put("seed", seed);
        settings.put("val_split", valSplit);
        settings.put("test_split", testSplit);
        return settings;
    }
}
