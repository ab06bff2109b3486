package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.scratchnet.cli.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.scratchnet.cli.CliRun;
import org.scratchnet.cli.CliRun.Result;
import org.scratchnet.init.Rng;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV written here → train → save → predict / evaluate, and the metrics JSON. */
class TrainPredictEvaluateTest {
    @TempDir
    Path dir;

    static Result ok(String... args) {
        Result r = CliRun.run(args);
        assertThat(r.err()).as("stderr of %s", List.of(args)).isEmpty();
        assertThat(r.code()).isEqualTo(0);
        return r;
    }

    static JsonTree json(Path file) throws IOException {
        return JsonTree.read(file);
    }

    /**
     * 3 classes with string labels, header, semicolons and a quoted label: blobs at
     * (0, 0), (4, 40), (0, 40) with std (1, 10), so standardization matters.
     */
    static Path blobs(Path dir, int perClass, long seed) throws IOException {
        Rng rng = new Rng(seed);
        String[] names = {"red", "green", "blue, dark"};
        double[][] centers = {{0, 0}, {4, 40}, {0, 40}};
        StringBuilder sb = new StringBuilder("size;weight;colour\n");
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < 3; c++) {
                sb.append(String.format(Locale.ROOT, "%.4f;%.4f;\"%s\"%n", centers[c][0] + rng.nextGaussian(),
                        centers[c][1] + 10 * rng.nextGaussian(), names[c]));
            }
        }
        Path f = dir.resolve("blobs.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void csvRoundTripReproducesTheTrainingMetrics() throws IOException {
        Path csv = blobs(dir, 60, 3);
        Path model = dir.resolve("m.safetensors"), metrics = dir.resolve("m.json"), eval = dir.resolve("e.json");
        Result t = ok("train", "--data", "csv:" + csv, "--epochs", "200", "--save", model.toString(),
                "--metrics-out", metrics.toString());
        assertThat(t.out()).contains("3 classes [blue, dark, green, red]").contains("loss softmax_ce");
        JsonTree m = json(metrics);
        assertThat(m.get("train_accuracy").asDouble()).isGreaterThanOrEqualTo(0.95);
        // as good as the best possible rule for this data: the Bayes classifier of the generator
        // (equal priors, same diagonal covariance: nearest centre in std units), which no MLP beats
        assertThat(m.get("train_accuracy").asDouble()).isGreaterThanOrEqualTo(bayesAccuracy(csv) - 0.02);

        Result e = ok("evaluate", "--model", model.toString(), "--data", "csv:" + csv, "--metrics-out", eval.toString());
        JsonTree ej = json(eval);
        assertThat(ej.get("accuracy").asDouble()).isEqualTo(m.get("train_accuracy").asDouble());
        assertThat(ej.get("loss").asDouble()).isCloseTo(m.get("final_loss").asDouble(), within(1e-6));
        assertThat(ej.get("confusion_matrix").size()).isEqualTo(3);
        assertThat(e.out()).contains("confusion matrix (rows = actual, columns = predicted):");
        long diagonal = 0;
        for (int c = 0; c < 3; c++) {
            diagonal += ej.get("confusion_matrix").get(c).get(c).asLong();
            assertThat(ej.get("per_class").get(c).get("support").asLong()).isEqualTo(60);
        }
        assertThat(diagonal / 180.0).isEqualTo(ej.get("accuracy").asDouble());

        // predict on the same CSV (its label column is ignored): same classes as evaluate counted
        Path preds = dir.resolve("preds.csv");
        ok("predict", "--model", model.toString(), "--data", "csv:" + csv, "--output", preds.toString());
        List<String> lines = Files.readAllLines(preds);
        assertThat(lines.get(0)).isEqualTo("class,probability,p_\"blue, dark\",p_green,p_red".replace("p_\"blue, dark\"", "\"p_blue, dark\""));
        assertThat(lines).hasSize(181);
        List<String> truth = Files.readAllLines(csv);
        int right = 0;
        for (int i = 1; i <= 180; i++) {
            String label = truth.get(i).substring(truth.get(i).indexOf(";\"") + 2, truth.get(i).length() - 1);
            String predicted = lines.get(i).startsWith("\"") ? "blue, dark" : lines.get(i).split(",")[0];
            right += label.equals(predicted) ? 1 : 0;
        }
        assertThat(right / 180.0).isEqualTo(ej.get("accuracy").asDouble());

        Result p = ok("predict", "--model", model.toString(), "--input", "0,0;4,40");
        assertThat(p.out()).containsPattern("(?m)^1,red,0\\.\\d{4}$").containsPattern("(?m)^2,green,0\\.\\d{4}$");
    }

    /** Accuracy of the nearest-centre rule (in std units) that is Bayes-optimal for {@link #blobs}. */
    static double bayesAccuracy(Path csv) throws IOException {
        String[] names = {"red", "green", "blue, dark"};
        double[][] centers = {{0, 0}, {4, 40}, {0, 40}};
        List<String> lines = Files.readAllLines(csv);
        int right = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", 3);
            double a = Double.parseDouble(f[0]), b = Double.parseDouble(f[1]);
            int best = 0;
            double bestD = Double.MAX_VALUE;
            for (int c = 0; c < 3; c++) {
                double d = Math.pow(a - centers[c][0], 2) + Math.pow((b - centers[c][1]) / 10, 2);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            right += f[2].equals("\"" + names[best] + "\"") ? 1 : 0;
        }
        return (double) right / (lines.size() - 1);
    }

    @Test
    void savedModelStoresNormalizationClassesAndBitExactWeights() throws IOException {
        Path csv = blobs(dir, 20, 5);
        Path model = dir.resolve("m.safetensors");
        ok("train", "--data", "csv:" + csv, "--epochs", "5", "--save", model.toString());
        SavedModel s = ModelFile.load(model);
        assertThat(s.classNames()).containsExactly("blue, dark", "green", "red");
        assertThat(s.featureNames()).containsExactly("size", "weight");
        assertThat(s.standardizer()).isNotNull();
        assertThat(s.standardizer().std()[1]).isGreaterThan(5f); // weight's std is about 10
        assertThat(s.loss()).isEqualTo("softmax_ce");
    }

    @Test
    void defaultsComeFromTheTask() throws IOException {
        Path bin = dir.resolve("xor.safetensors"), multi = dir.resolve("spiral.safetensors"),
                reg = dir.resolve("reg.safetensors");
        ok("train", "--data", "xor", "--epochs", "1", "--save", bin.toString());
        SavedModel b = ModelFile.load(bin);
        assertThat(b.loss()).isEqualTo("bce");
        assertThat(Network.describe(b.model())).isEqualTo("2 -> 16 relu -> 1 sigmoid");
        assertThat(b.standardizer()).isNull();

        ok("train", "--data", "spiral", "--hidden", "8,4", "--epochs", "1", "--save", multi.toString());
        SavedModel m = ModelFile.load(multi);
        assertThat(m.loss()).isEqualTo("softmax_ce");
        assertThat(Network.describe(m.model())).isEqualTo("2 -> 8 relu -> 4 relu -> 3 identity");

        StringBuilder sb = new StringBuilder("a,b,y\n");
        Rng rng = new Rng(1);
        for (int i = 0; i < 100; i++) {
            double a = rng.nextGaussian(), c = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", a, c, 3 * a - 2 * c + 0.5));
        }
        Path csv = dir.resolve("reg.csv");
        Files.writeString(csv, sb);
        Result r = ok("train", "--data", "csv:" + csv, "--layers", "2,8,1", "--optimizer", "adam", "--epochs", "300",
                "--save", reg.toString());
        SavedModel g = ModelFile.load(reg);
        assertThat(g.loss()).isEqualTo("mse");
        assertThat(Network.describe(g.model())).isEqualTo("2 -> 8 relu -> 1 identity");
        assertThat(r.number("final: loss = (\\S+?),? ")).isLessThan(0.5); // variance of y is about 13
        Result p = ok("predict", "--model", reg.toString(), "--input", "1,0");
        assertThat(p.number("(?m)^1,(\\S+)$")).isCloseTo(3.5, within(0.8));
        Result e = ok("evaluate", "--model", reg.toString(), "--data", "csv:" + csv);
        assertThat(e.number("r2 = (\\S+) ")).isGreaterThan(0.95);
    }

    @Test
    void headInference() {
        assertThat(Network.head(org.scratchnet.data.Task.CLASSIFICATION, 1, null, null))
                .isEqualTo(new Network.Head("sigmoid", "bce"));
        assertThat(Network.head(org.scratchnet.data.Task.CLASSIFICATION, 4, null, null))
                .isEqualTo(new Network.Head("identity", "softmax_ce"));
        assertThat(Network.head(org.scratchnet.data.Task.REGRESSION, 1, null, null))
                .isEqualTo(new Network.Head("identity", "mse"));
        assertThat(Network.head(org.scratchnet.data.Task.CLASSIFICATION, 3, "softmax", null))
                .isEqualTo(new Network.Head("softmax", "cce"));
        assertThat(Network.head(org.scratchnet.data.Task.CLASSIFICATION, 3, null, "mse"))
                .isEqualTo(new Network.Head("sigmoid", "mse"));
    }

    @Test
    void initContinuesWhereTheSavedModelStopped() throws IOException {
        Path a = dir.resolve("a.safetensors"), ma = dir.resolve("a.json"), mb = dir.resolve("b.json");
        ok("train", "--data", "moons", "--epochs", "50", "--save", a.toString(), "--metrics-out", ma.toString());
        ok("train", "--data", "moons", "--init", a.toString(), "--epochs", "3", "--metrics-out", mb.toString());
        double saved = json(ma).get("final_loss").asDouble();
        JsonTree h = json(mb).get("history");
        assertThat(h.get("loss").get(0).asDouble()).isCloseTo(saved, within(1e-7));
        assertThat(h.get("loss").get(2).asDouble()).isLessThan(saved);
    }

    @Test
    void metricsJsonSchema() throws IOException {
        Path f = dir.resolve("m.json");
        ok("train", "--data", "circles", "--epochs", "20", "--val-split", "0.25", "--metrics-out", f.toString());
        JsonTree m = json(f);
        for (String key : new String[] {"final_loss", "train_accuracy", "val_accuracy", "epochs_run", "seconds"}) {
            assertThat(m.get(key).isNumber()).as(key).isTrue();
        }
        assertThat(m.get("test_accuracy").isNull()).isTrue();
        assertThat(m.get("epochs_run").asInt()).isEqualTo(20);
        for (String key : new String[] {"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "seconds"}) {
            assertThat(m.get("history").get(key).size()).as(key).isEqualTo(20);
        }
        Path g = dir.resolve("g.json");
        ok("train", "--data", "and", "--epochs", "2", "--metrics-out", g.toString());
        assertThat(json(g).get("val_accuracy").isNull()).isTrue();
        assertThat(json(g).get("history").get("val_loss").get(0).isNull()).isTrue();
    }

    @Test
    void sameSeedSameModelBytesForOneAndTwoThreads() throws IOException {
        Path a = dir.resolve("a.safetensors"), b = dir.resolve("b.safetensors"), m = dir.resolve("m.json");
        ok("train", "--data", "moons", "--hidden", "32,16", "--batch-size", "16", "--epochs", "15", "--val-split",
                "0.2", "--test-split", "0.1", "--threads", "1", "--save", a.toString(), "--metrics-out", m.toString());
        ok("train", "--data", "moons", "--hidden", "32,16", "--batch-size", "16", "--epochs", "15", "--val-split",
                "0.2", "--test-split", "0.1", "--threads", "2", "--save", b.toString());
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        JsonTree j = json(m);
        assertThat(j.get("test_accuracy").isNumber()).isTrue();
        assertThat(j.get("settings").get("test_split").asDouble()).isEqualTo(0.1);
    }

    @Test
    void patienceStopsEarly() {
        Result r = ok("train", "--data", "quadrants", "--epochs", "5000", "--val-split", "0.3", "--patience", "5",
                "--lr", "5");
        assertThat(r.out()).contains("early stopping at epoch");
    }

    @Test
    void badOptionsGiveOneLineAndExitCode2() {
        usage("error: --layers must start with the data's 2 features and end with its 1 output(s), e.g. 2,16,1; got 3,16,1",
                "train", "--data", "xor", "--layers", "3,16,1");
        usage("error: give --layers or --hidden, not both", "train", "--data", "xor", "--layers", "2,4,1", "--hidden", "4");
        usage("error: --optimizer must be one of sgd, adam, adamw, rmsprop, got 'adagrad'", "train", "--data", "xor", "--optimizer", "adagrad");
        usage("error: --val-split must be in [0, 1), got 1.5", "train", "--data", "xor", "--val-split", "1.5");
        usage("error: --data: unknown data 'iris': expected a CSV file, csv:PATH, mnist[:DIR], mnist-test[:DIR] or one of quadrants, xor, and, or, letters, moons, circles, spiral, gaussian, xor-square",
                "train", "--data", "iris");
        usage("error: --weight-init: unknown initializer 'magic': expected zeros, ones, normal[:STD], uniform[:A:B], xavier, xavier_normal, he, he_uniform or torch",
                "train", "--data", "xor", "--weight-init", "magic", "--epochs", "1");
        usage("error: give exactly one of --input ROWS or --data SPEC", "predict", "--model", "x.safetensors");
        Result missing = CliRun.run("train", "--data", "csv:" + dir.resolve("nope.csv"));
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().trim()).isEqualTo("error: " + dir.resolve("nope.csv") + ": expected a readable file, found none");
    }

    @Test
    void unwritableOutputsFailBeforeTraining() {
        Path missing = dir.resolve("no-such-dir").resolve("m.safetensors");
        Result r = CliRun.run("train", "--data", "quadrants", "--save", missing.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty(); // nothing trained
        assertThat(r.err().trim()).isEqualTo("error: --save " + missing + ": directory " + missing.getParent()
                + " does not exist");
        Result d = CliRun.run("train", "--data", "quadrants", "--metrics-out", dir.toString());
        assertThat(d.code()).isEqualTo(1);
        assertThat(d.err().trim()).isEqualTo("error: --metrics-out " + dir + ": expected a file name, found a directory");
    }

    @Test
    void predictChecksInputWidth() throws IOException {
        Path model = dir.resolve("m.safetensors");
        ok("train", "--data", "and", "--epochs", "1", "--save", model.toString());
        usage("error: --input row 2 has 3 values, the model expects 2 (rows look like \"1,1;1,-1\")",
                "predict", "--model", model.toString(), "--input", "1,1;1,2,3");
        // a features-only CSV (header, tab-separated) with exactly the model's 2 columns
        Path features = dir.resolve("x.tsv");
        Files.writeString(features, "a\tb\n1\t1\n0\t0\n0\t1\n");
        Result p = ok("predict", "--model", model.toString(), "--data", "csv:" + features);
        assertThat(p.out()).containsPattern("(?m)^1,[01],0\\.\\d{4}\n2,[01],0\\.\\d{4}\n3,[01],0\\.\\d{4}\n\\z");
    }

    private static void usage(String line, String... args) {
        Result r = CliRun.run(args);
        assertThat(r.err().trim()).isEqualTo(line);
        assertThat(r.code()).isEqualTo(2);
    }
}
