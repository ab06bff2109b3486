package org.scratchnet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.TableApplier;
import org.scratchnet.data.TabularData;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.train.Metrics;

/**
 * {@code scratchnet spark train} end to end on small CSV files: a model file that the table
 * reader of {@code evaluate} reads, and one-line errors with their exit codes for bad input,
 * with nothing written.
 */
class SparkMainTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("local[2]"); // the command reuses it instead of starting its own
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SparkMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** 90 rows: x1, x2 numbers, color text, id, label "yes"/"no" from x1 - x2 and the color. */
    static Path table() throws Exception {
        Path f = dir.resolve("table.csv");
        if (Files.exists(f)) {
            return f;
        }
        List<String> lines = new ArrayList<>(List.of("id,x1,x2,color,label"));
        org.scratchnet.init.Rng rng = new org.scratchnet.init.Rng(3);
        for (int i = 0; i < 90; i++) {
            double x1 = rng.uniform(-1, 1), x2 = rng.uniform(-1, 1);
            String color = rng.nextInt(2) == 0 ? "red" : "blue";
            boolean yes = x1 - x2 + (color.equals("red") ? 0.5 : -0.5) > 0;
            lines.add(String.format(java.util.Locale.ROOT, "r%d,%.4f,%.4f,%s,%s", i, x1, x2, color, yes ? "yes" : "no"));
        }
        Files.write(f, lines);
        return f;
    }

    static Path csv(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void trainsOnACsvAndTheModelFileEvaluatesWithTheTableReader() throws Exception {
        Path model = dir.resolve("m.safetensors");
        Run r = run("train", "--data", "csv:" + table(), "--label", "label", "--drop", "id", "--optimizer", "adam",
                "--lr", "0.1", "--epochs", "12", "--batch-size", "32", "--save", model.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("training classification on 90 rows").contains("saved model to");
        SavedModel m = ModelFile.load(model);
        assertThat(m.classNames()).containsExactly("no", "yes");
        assertThat(m.columns().encodedNames()).containsExactly("x1", "x2", "color=blue", "color=red");
        TabularData d = TableApplier.labelled(table(), m.columns(), m.task(), m.classNames(), note -> { });
        assertThat(Metrics.accuracy(m.predict(d.dataset().x()), d.dataset().y(), false)).isGreaterThan(0.9);
    }

    @Test
    void badInputIsOneLineWithItsExitCodeAndWritesNothing() throws Exception {
        Path table = table();
        Path save = dir.resolve("never.safetensors");
        String[][] cases = {
            {"1", "error: --label 'kind': expected a column named one of [id, x1, x2, color, label], found none named so",
                "--data", "csv:" + table, "--label", "kind"},
            {"1", "error: expected a column named 'x9' (from --features, --drop or --categorical), found columns: id, x1,"
                + " x2, color, label", "--data", "csv:" + table, "--label", "label", "--features", "x1,x9"},
            {"1", "error: expected a numeric target for regression in column 'label', found text values",
                "--data", "csv:" + table, "--label", "label", "--drop", "id", "--task", "regression"},
            {"1", "error: expected rows, found an empty dataset",
                "--data", "csv:" + csv("empty.csv", "x1,label"), "--label", "label"},
            {"1", "error: expected at least 2 classes in label column 'label', found only 'a' (use --task regression?)",
                "--data", "csv:" + csv("one.csv", "x1,label", "1,a", "2,a", "3,a"), "--label", "label"},
            {"2", "error: --partitions 8: the data has only 3 row(s); use at most that many partitions",
                "--data", "csv:" + csv("three.csv", "x1,label", "1,a", "2,b", "3,a"), "--label", "label", "--partitions", "8"},
            {"1", "error: column 'x1' has 1 missing value(s): fill them with --impute mean|median|most-frequent, or leave"
                + " the column out with --drop", "--data", "csv:" + csv("gap.csv", "x1,label", "1,a", ",b", "3,a"),
                "--label", "label"},
            {"1", "error: --data csv:" + dir.resolve("nowhere.csv") + ": path does not exist",
                "--data", "csv:" + dir.resolve("nowhere.csv"), "--label", "label"},
            {"1", "error: --data " + dir.resolve("nowhere.csv") + ": path does not exist",
                "--data", dir.resolve("nowhere.csv").toString(), "--label", "label"},
            {"1", "error: --data " + dir.resolve("nowhere.PARQUET") + ": path does not exist",
                "--data", dir.resolve("nowhere.PARQUET").toString(), "--label", "label"},
            {"2", "error: --data: expected parquet:PATH or csv:PATH (or a path ending in .parquet or .csv), found 'orc:x'",
                "--data", "orc:x", "--label", "y"},
            {"2", "error: --sync-every must be >= 1, got 0", "--data", "csv:" + table, "--label", "label", "--sync-every", "0"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("train", "--save", save.toString(), "--epochs", "1"));
            args.addAll(List.of(c).subList(2, c.length));
            Run r = run(args.toArray(String[]::new));
            assertThat(r.err().strip()).as(String.join(" ", args)).isEqualTo(c[1]);
            assertThat(r.code()).as(c[1]).isEqualTo(Integer.parseInt(c[0]));
            assertThat(save).doesNotExist();
        }
    }
}
