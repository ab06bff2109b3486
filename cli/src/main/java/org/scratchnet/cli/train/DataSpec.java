package org.scratchnet.cli.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.mnist.MnistCache;
import org.scratchnet.data.CsvLoader;
import org.scratchnet.data.CsvOptions;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.data.Mnist;
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
            boolean builtIn) {
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
    }

    private DataSpec() {
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
                throw Checks.usage("--data: unknown data '" + spec + "': expected csv:PATH, mnist[:DIR], "
                        + "mnist-test[:DIR] or one of " + String.join(", ", Datasets.NAMES));
        }
    }

    /**
     * Features only, for predict: a CSV with exactly {@code o.expectedFeatures} columns, or a
     * labelled CSV / built-in whose label is then ignored. x (N, D).
     */
    public static Tensor features(String spec, Options o) {
        if (kind(spec).equals("csv")) {
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
        CsvOptions co = new CsvOptions().label(o.label).task(o.task).expectedFeatures(o.expectedFeatures);
        if (o.classNames != null && !o.classNames.isEmpty()) {
            co.classNames(o.classNames);
        }
        TabularData t = CsvLoader.load(file, co);
        return new Loaded(spec, t.dataset(), t.featureNames(), t.classNames(), t.task(), false);
    }

    /** MNIST digits: x (N, 784) normalized, y (N, 10) one-hot, classes "0".."9". */
    private static Loaded mnist(String spec, String kind, Options o) {
        if (o.label != null) {
            throw Checks.usage("--label applies to csv:PATH data, not to " + spec);
        }
        int colon = spec.indexOf(':');
        Path dir = MnistCache.parse(colon < 0 ? null : spec.substring(colon + 1));
        Dataset d = kind.equals("mnist") ? Mnist.train(dir, 0, true) : Mnist.test(dir, 0, true);
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
        return new Loaded(spec, d, features, classes, Task.CLASSIFICATION, true);
    }
}
