package org.scratchnet.cli.train;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.mnist.MnistCache;
import java.util.function.Consumer;
import java.util.function.Function;
import org.scratchnet.data.LoadOptions;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.ColumnSelectionException;
import org.scratchnet.data.CsvLoader;
import org.scratchnet.data.CsvOptions;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.data.Mnist;
import org.scratchnet.data.TableApplier;
import org.scratchnet.data.TableOptions;
import org.scratchnet.data.TableReader;
import org.scratchnet.data.TabularData;
import org.scratchnet.data.Task;
import org.scratchnet.tensor.Tensor;

/**
 * The {@code --data SPEC} of train, evaluate, predict and sweep, parsed in one place:
 * <ul>
 *   <li>built-ins {@code quadrants, xor, and, or, letters, moons, circles, spiral[:K], gaussian, xor-square} (seeded
 *       generators; {@code --samples}, {@code --noise}, {@code --seed});</li>
 *   <li>{@code csv:PATH} read by {@link CsvLoader} ({@code --label}, {@code --task});</li>
 *   <li>{@code mnist[:DIR]} (the 60,000 training digits) and {@code mnist-test[:DIR]} (the 10,000
 *       test digits), scaled to [0,1] and normalized with MNIST's mean 0.1307 and std 0.3081;
 *       DIR defaults to the cache that {@code scratchnet data fetch mnist} fills.</li>
 * </ul>
 * New sources are one more {@code case} in {@link #load}.
 */
public final class DataSpec {
    /** Loaded data and the names needed to save and explain a model. */
    public record Loaded(String spec, Dataset data, List<String> featureNames, List<String> classNames, Task task,
            boolean builtIn, TableReader table) {
        /** The same names and task with only the first row kept (for runs that hold the split copies instead). */
        public Loaded withoutRows() {
            return new Loaded(spec, data.size() <= 1 ? data : data.slice(0, 1), featureNames, classNames, task, builtIn, table);
        }

        public String describe() {
            String what = task == Task.REGRESSION ? "regression target" : classNames.size() + " classes " + classNames;
            return spec + ": " + data.size() + " rows, " + data.features() + " features, " + what;
        }
    }

    /** What the data options say; {@code classNames} and {@code expectedFeatures} come from a model. */
    public static final class Options {
        public int samples = 200;
        public double noise = 0.1;
        public long seed = 42;
        public String label;
        public Task task = Task.AUTO;
        public List<String> classNames;
        public int expectedFeatures = -1;
        /** Column choices for a training CSV (features, drop, categorical, missing values). */
        public TableOptions table = new TableOptions();
        /** A model's column rules: the CSV is read by them (by name, one-hot, fill values). */
        public ColumnRules rules;
        /** Where notes about the data go (skipped rows, ignored columns, unseen categories). */
        public Consumer<String> notes = n -> { };
        /**
         * The sample shape the model takes, when known; MNIST comes as images {@code [N, 1, 28, 28]}
         * when it is {@code [1, 28, 28]} (a network that starts with a convolution), else as rows of 784.
         */
        public int[] sampleShape;
        /** Read at most this many CSV rows (--max-rows). */
        public int maxRows = Integer.MAX_VALUE;
        /** The CSV cache directory (--cache): null = none, empty = beside the CSV. */
        public String cache;
        /** Told about a CSV file's loading progress, or null. */
        public Function<String, LoadOptions.Progress> progress;

        /** How a CSV file at {@code file} is read by these options. */
        LoadOptions load(Path file) {
            LoadOptions l = new LoadOptions().maxRows(maxRows);
            if (cache != null) {
                l.cache(BigFileOptions.cacheDir(cache, file));
            }
            if (progress != null) {
                l.progress(progress.apply(file.getFileName().toString()));
            }
            return l;
        }
    }

    private DataSpec() {
    }

    /** The kinds a spec names before its ':' (npy only for predict). */
    private static final List<String> SOURCE_KINDS = List.of("csv", "npy", "mnist", "mnist-test");

    /**
     * A bare file path as a source: {@code seeds.csv} reads as {@code csv:seeds.csv} and
     * {@code x.npy} as {@code npy:x.npy}, as pandas and numpy take a path. A path counts as a file
     * when it ends in .csv, .tsv, .txt, .data or .npy, or names an existing file. A spec that starts
     * with a source kind or a built-in name keeps its meaning: a file named {@code xor} needs
     * {@code csv:xor}.
     */
    public static String normalize(String spec) {
        if (spec == null) {
            return null;
        }
        String kind = kind(spec);
        if (SOURCE_KINDS.contains(kind) || Datasets.NAMES.contains(kind)) {
            return spec;
        }
        String lower = spec.trim().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npy")) {
            return "npy:" + spec;
        }
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt") || lower.endsWith(".data")
                || isFile(spec)) {
            return "csv:" + spec;
        }
        return spec;
    }

    private static boolean isFile(String spec) {
        try {
            return Files.isRegularFile(Path.of(spec));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The part before the first ':' (the source kind), lower case. */
    static String kind(String spec) {
        int colon = spec.indexOf(':');
        return (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Loads labelled data for training or evaluation. */
    public static Loaded load(String spec, Options o) {
        String kind = kind(spec);
        switch (kind) {
            case "csv":
                return csv(spec, path(spec), o);
            case "quadrants":
            case "xor":
            case "and":
            case "or":
            case "letters":
            case "moons":
            case "circles":
            case "spiral":
            case "gaussian":
            case "xor-square":
                return builtIn(spec, o);
            case "mnist":
            case "mnist-test":
                return mnist(spec, kind, o);
            default:
                throw Checks.usage("--data: unknown data '" + spec + "': expected a CSV file, csv:PATH, mnist[:DIR], "
                        + "mnist-test[:DIR] or one of " + String.join(", ", Datasets.NAMES));
        }
    }

    /**
     * Features only, for predict: a CSV with exactly {@code o.expectedFeatures} columns, or a
     * labelled CSV / built-in whose label is then ignored. x (N, D).
     */
    public static Tensor features(String spec, Options o) {
        if (kind(spec).equals("csv")) {
            if (o.rules != null) {
                return TableApplier.features(path(spec), o.rules, o.notes, o.load(path(spec)));
            }
            // the label column, if any, is dropped unread: predict never needs the labels
            return CsvLoader.readFeatures(path(spec), o.expectedFeatures, o.label);
        }
        return load(spec, o).data().x();
    }

    private static Path path(String spec) {
        String p = spec.substring(spec.indexOf(':') + 1);
        if (p.isBlank()) {
            throw Checks.usage("--data csv:PATH needs a file path after 'csv:'");
        }
        return Path.of(p);
    }

    private static Loaded csv(String spec, Path file, Options o) {
        List<String> fixed = o.classNames != null && !o.classNames.isEmpty() ? o.classNames : null;
        if (o.rules != null) {
            TabularData t = TableApplier.labelled(file, o.rules, o.task, fixed, o.notes, o.load(file));
            return new Loaded(spec, t.dataset(), t.featureNames(), t.classNames(), t.task(), false, null);
        }
        if (o.expectedFeatures < 0) {
            // a table to train on: text columns, missing cells and column choices allowed; rules fit on every
            // row here (sweep), train refits them on its training split
            TableReader r;
            try {
                r = TableReader.read(file, o.table.label(o.label).task(o.task).classNames(fixed), o.load(file), o.notes);
            } catch (ColumnSelectionException e) {
                throw Checks.usage(e.getMessage());
            }
            ColumnRules rules = r.fit(null);
            return new Loaded(spec, r.dataset(rules, n -> { }), rules.encodedNames(), r.classNames(), r.task(), false, r);
        }
        CsvOptions co = new CsvOptions().label(o.label).task(o.task).expectedFeatures(o.expectedFeatures);
        if (o.classNames != null && !o.classNames.isEmpty()) {
            co.classNames(o.classNames);
        }
        TabularData t = CsvLoader.load(file, co);
        return new Loaded(spec, t.dataset(), t.featureNames(), t.classNames(), t.task(), false, null);
    }

    /** MNIST digits: x (N, 784) or (N, 1, 28, 28) normalized, y (N, 10) one-hot, classes "0".."9". */
    private static Loaded mnist(String spec, String kind, Options o) {
        if (o.label != null) {
            throw Checks.usage("--label applies to csv:PATH data, not to " + spec);
        }
        int colon = spec.indexOf(':');
        Path dir = MnistCache.parse(colon < 0 ? null : spec.substring(colon + 1));
        Dataset d = kind.equals("mnist") ? Mnist.train(dir, 0, true) : Mnist.test(dir, 0, true);
        if (o.sampleShape != null && java.util.Arrays.equals(o.sampleShape, new int[] {1, 28, 28})) {
            d = new Dataset(d.x().reshape(d.size(), 1, 28, 28), d.y(), d.classNames());
        }
        return generated(spec, d, d.classNames(), "pixel", o);
    }

    private static Loaded builtIn(String spec, Options o) {
        if (o.label != null) {
            throw Checks.usage("--label applies to csv:PATH data, not to the built-in '" + spec + "'");
        }
        if (o.task == Task.REGRESSION) {
            throw Checks.usage("--task regression: the built-in '" + spec + "' is a classification task");
        }
        Checks.atLeast("--samples", o.samples, 1);
        Checks.nonNegative("--noise", o.noise);
        Dataset d;
        try {
            d = Datasets.byName(spec, o.samples, o.noise, o.seed);
        } catch (IllegalArgumentException e) {
            throw Checks.usage("--data " + spec + ": " + e.getMessage());
        }
        List<String> classes = d.classNames().isEmpty() ? List.of("0", "1") : d.classNames();
        return generated(spec, new Dataset(d.x(), d.y(), classes), classes, "x", o);
    }

    /**
     * A built-in or MNIST classification set, checked against the model's width and classes
     * when there is a model; features are named {@code prefix1, prefix2, ...}.
     */
    private static Loaded generated(String spec, Dataset d, List<String> classes, String prefix, Options o) {
        if (o.expectedFeatures >= 0 && d.features() != o.expectedFeatures) {
            throw new DataFormatException(spec + ": has " + d.features() + " features, the model expects "
                    + o.expectedFeatures);
        }
        if (o.classNames != null && !o.classNames.isEmpty() && !o.classNames.equals(classes)) {
            throw new DataFormatException(spec + ": classes " + classes + " differ from the model's " + o.classNames);
        }
        List<String> features = new ArrayList<>();
        for (int j = 1; j <= d.features(); j++) {
            features.add(prefix + j);
        }
        return new Loaded(spec, d, features, classes, Task.CLASSIFICATION, true, null);
    }
}
