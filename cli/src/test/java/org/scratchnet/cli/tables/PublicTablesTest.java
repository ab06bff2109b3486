package org.scratchnet.cli.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scratchnet.cli.tables.TablesTest.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun.Result;

/**
 * The public tables in bench/tables (written once by make_tables.py from scikit-learn's copies)
 * with the default settings, against the scikit-learn scores that script recorded on the same
 * splits: regression R² at most 0.05 below LinearRegression, accuracy at most 0.03 below the
 * worst of its MLP pipelines (impute, scale, one-hot, MLP).
 */
class PublicTablesTest {
    private static final Path TABLES = Path.of("..", "bench", "tables");

    @TempDir
    Path dir;

    private static double reference(String regex) throws IOException {
        String text = Files.readString(TABLES.resolve("sklearn_scores.txt"));
        Matcher m = Pattern.compile(regex).matcher(text);
        double worst = Double.POSITIVE_INFINITY;
        while (m.find()) {
            worst = Math.min(worst, Double.parseDouble(m.group(1)));
        }
        assertThat(worst).as("reference /%s/ in sklearn_scores.txt", regex).isFinite();
        return worst;
    }

    private Result trainAndEvaluate(String name, String... options) {
        Path model = dir.resolve(name + ".safetensors");
        String[] args = new String[options.length + 5];
        System.arraycopy(new String[] {"train", "--data", "csv:" + TABLES.resolve(name + "_train.csv"), "--quiet",
            "--save"}, 0, args, 0, 5);
        System.arraycopy(options, 0, args, 5, options.length);
        String[] withModel = java.util.Arrays.copyOf(args, args.length + 1);
        System.arraycopy(args, 5, withModel, 6, options.length);
        withModel[5] = model.toString();
        ok(withModel);
        return ok("evaluate", "--model", model.toString(), "--data", "csv:" + TABLES.resolve(name + "_test.csv"));
    }

    @Test
    void diabetesAndBostonMatchLinearRegression() throws IOException {
        for (String name : new String[] {"diabetes", "boston"}) {
            double r2 = trainAndEvaluate(name).number("r2 = ([-0-9.]+)");
            double linear = reference(name + " LinearRegression test r2 = ([-0-9.]+)");
            assertThat(r2).as("%s test R² vs LinearRegression %.4f", name, linear).isGreaterThan(linear - 0.05);
        }
    }

    @Test
    void wineAndCancerMatchAnMlpPipeline() throws IOException {
        double wine = trainAndEvaluate("wine", "--label", "cultivar", "--drop", "name", "--impute", "mean")
                .number("accuracy = ([0-9.]+)");
        assertThat(wine).isGreaterThanOrEqualTo(reference("wine MLPClassifier.* test accuracy = ([0-9.]+)") - 0.03);
        Result cancer = trainAndEvaluate("cancer", "--label", "diagnosis", "--drop", "id", "--impute", "mean");
        assertThat(cancer.number("accuracy = ([0-9.]+)"))
                .isGreaterThanOrEqualTo(reference("cancer MLPClassifier.* test accuracy = ([0-9.]+)") - 0.03);
        assertThat(cancer.number("ROC AUC = ([0-9.]+)")).isGreaterThan(0.97);
        assertThat(cancer.number("macro F1 = ([0-9.]+)")).isGreaterThan(0.95);
    }
}
