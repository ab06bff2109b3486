package org.scratchnet.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.scratchnet.data.Imputation;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Optimizers;
import org.scratchnet.optim.TrainingState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scratchnet spark train}: reads the table → learns its column rules in one distributed
 * pass → converts the partitions to cached float blocks → trains data-parallel → saves the usual
 * model file (which {@code scratchnet evaluate} and {@code predict} read).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a network on a Parquet or CSV table with Spark and save it.")
public final class SparkTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://... (default: the one spark-submit set, else local[*]).")
    String master;

    @Option(names = "--data", required = true, paramLabel = "SPEC", description = "parquet:PATH or csv:PATH (a file or a directory of part files), or a path ending in .parquet or .csv.")
    String data;

    @Option(names = "--validation-data", paramLabel = "SPEC", description = "A second table, evaluated after every epoch (same columns).")
    String validationData;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The label column.")
    String label;

    @Option(names = "--features", split = ",", paramLabel = "COL,...", description = "Only these columns are features, in this order.")
    List<String> features;

    @Option(names = "--drop", split = ",", paramLabel = "COL,...", description = "Columns that are not features (IDs, names).")
    List<String> drop = List.of();

    @Option(names = "--categorical", split = ",", paramLabel = "COL,...", description = "Number columns read as categories (one-hot).")
    List<String> categorical = List.of();

    @Option(names = "--impute", paramLabel = "HOW", description = "Fill missing feature cells: mean, median or most-frequent (default: missing cells are an error).")
    String impute;

    @Option(names = "--task", defaultValue = "auto", description = "classification, regression or auto (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--net", paramLabel = "SPEC", description = "Hidden layers, e.g. \"dense 256, relu\" (default: " + SparkModels.DEFAULT_NET + "); the output layer comes from the task.")
    String net;

    @Option(names = "--optimizer", description = "sgd, adam, adamw or rmsprop (default: adam for regression, sgd otherwise).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (default: 0.5 for sgd, 0.01 for the others).")
    Float lr;

    @Option(names = "--momentum", defaultValue = "0", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    float momentum;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "L2", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--clip-norm", defaultValue = "0", paramLabel = "MAX", description = "Clip the global gradient norm; 0 = off.")
    float clipNorm;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "256", description = "Global batch: rows per update over all partitions; 0 = all rows (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights, shuffles and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--partitions", paramLabel = "N", description = "Repartition the table into N partitions first (default: as read).")
    Integer partitions;

    @Option(names = "--sync-every", defaultValue = "1", paramLabel = "K",
            description = "1 = synchronous steps; K > 1 = each partition takes K local steps, then the models are averaged (default: ${DEFAULT-VALUE}).")
    int syncEvery;

    @Option(names = "--save", required = true, paramLabel = "MODEL_FILE", description = "Write the trained model here (.safetensors).")
    Path save;

    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "N", description = "Write model and optimizer state every N steps (to --checkpoint); 0 = off.")
    int checkpointEvery;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Checkpoint file (default: the --save file with .ckpt before its extension).")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue from a checkpoint (same data, batch size and seed): --epochs counts the epochs in total.")
    Path resume;

    @Option(names = "--target-accuracy", defaultValue = "0", paramLabel = "A", description = "Stop after the first epoch whose validation accuracy is >= A (needs --validation-data).")
    double targetAccuracy;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SparkRun run = settings();
        Path ckpt = checkpoint != null ? checkpoint : checkpointFor(save);
        run = run.withCheckpoints(checkpointEvery, checkpointEvery > 0 ? ckpt : null);
        SavedModel resumed = resume == null ? null : loadCheckpoint(resume);
        if (resumed != null) {
            int more = epochs - resumed.training().epochs();
            if (more < 1) {
                throw SparkInputException.usage("--resume: the checkpoint has " + resumed.training().epochs()
                        + " epoch(s) done; --epochs (the total) must be larger, got " + epochs);
            }
            run = run.withEpochs(more);
        }
        boolean existed = SparkSession.getDefaultSession().isDefined(); // an embedding program's (or a test's) session
        SparkSession session = session();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(session.sparkContext());
            Dataset<Row> df = SparkData.read(session, "--data", data);
            if (partitions != null) {
                df = df.repartition(partitions);
            }
            SparkTable table = SparkTable.prepare(df, tableSpec(), note -> out.println("note: " + note));
            checkPartitions(df, table);
            JavaRDD<Block> blocks = table.blocks();
            JavaRDD<Block> validation = null;
            if (validationData != null) {
                Dataset<Row> vdf = SparkData.read(session, "--validation-data", validationData);
                validation = table.encode(vdf, "--validation-data");
            }
            SavedModel start = resumed != null ? resumed : SparkModels.untrained(table, net, seed);
            if (resumed != null && !resumed.columns().equals(table.rules())) {
                throw SparkInputException.data("--resume " + resume + ": the checkpoint's column rules differ from those"
                        + " of --data " + data + ": resume with the same data and column options");
            }
            Optimizer opt = resumed != null ? resumed.training().optimizer() : optimizer(table.task());
            out.printf(Locale.ROOT, "training %s on %d rows in %d partition(s): %d inputs, %d output(s), %s, global batch %d%s%n",
                    table.task().id(), table.rows(), df.rdd().getNumPartitions(), table.rules().encodedWidth(),
                    table.outputs(), opt.describe(), run.batchSize(),
                    run.syncEvery() > 1 ? ", model averaging every " + run.syncEvery() + " local steps" : ", synchronous");
            out.flush();
            SavedModel trained = new SparkTrainer(sc, run, line -> {
                out.println(line);
                out.flush();
            }).fit(start, opt, resumed == null ? null : resumed.training(), blocks, validation);
            ModelFile.save(save, trained);
            out.println("saved model to " + save);
            return 0;
        } finally {
            if (!existed) {
                session.stop();
            }
        }
    }

    private SparkRun settings() {
        Path dir = save.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw SparkInputException.usage("--save " + save + ": directory " + dir + " does not exist");
        }
        if (targetAccuracy > 0 && validationData == null) {
            throw SparkInputException.usage("--target-accuracy needs --validation-data");
        }
        if (partitions != null && partitions < 1) {
            throw SparkInputException.usage("--partitions must be >= 1, got " + partitions);
        }
        return new SparkRun(epochs, batchSize, seed, true, syncEvery, checkpointEvery, null, targetAccuracy, 0);
    }

    private TableSpec tableSpec() {
        Imputation how = impute == null ? Imputation.NONE : byName("--impute", () -> Imputation.byName(impute));
        Task t = byName("--task", () -> Task.byName(task));
        return new TableSpec(label, features, drop, categorical, how, t);
    }

    private static <T> T byName(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw SparkInputException.usage(option + ": " + e.getMessage());
        }
    }

    private Optimizer optimizer(Task t) {
        String name = optimizer != null ? optimizer : t == Task.REGRESSION ? "adam" : "sgd";
        Map<String, Object> config = new LinkedHashMap<>();
        if (lr != null) {
            config.put("lr", lr);
        }
        config.put("weight_decay", weightDecay);
        config.put("clip_norm", clipNorm);
        if (momentum != 0) {
            config.put("momentum", momentum);
        }
        try {
            return Optimizers.create(name, config);
        } catch (IllegalArgumentException e) {
            throw SparkInputException.usage("--optimizer " + name + ": " + e.getMessage());
        }
    }

    /** More partitions than rows would leave partitions idle on every step: the user asked for something odd. */
    private void checkPartitions(Dataset<Row> df, SparkTable table) {
        int p = df.rdd().getNumPartitions();
        if (partitions != null && p > table.rows()) {
            throw SparkInputException.usage("--partitions " + p + ": the data has only " + table.rows()
                    + " row(s); use at most that many partitions");
        }
    }

    private SavedModel loadCheckpoint(Path file) {
        if (!Files.isRegularFile(file)) {
            throw SparkInputException.data("--resume " + file + ": no such file");
        }
        SavedModel m;
        try {
            m = ModelFile.load(file);
        } catch (RuntimeException e) {
            throw SparkInputException.data("--resume " + SparkMain.message(e));
        }
        if (m.training() == null || m.columns() == null) {
            throw SparkInputException.data("--resume " + file + ": expected a checkpoint with optimizer state and"
                    + " column rules, found a model file without them");
        }
        return m;
    }

    /** model.safetensors → model.ckpt.safetensors */
    static Path checkpointFor(Path save) {
        String name = save.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ck = dot > 0 ? name.substring(0, dot) + ".ckpt" + name.substring(dot) : name + ".ckpt";
        return save.resolveSibling(ck);
    }

    private SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("scratchnet spark train")
                .config("spark.ui.showConsoleProgress", "false");
        String fromSubmit = System.getProperty("spark.master");
        if (master != null) {
            b.master(master);
        } else if (fromSubmit == null) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }
}
