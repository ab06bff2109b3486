package org.scratchnet.cli.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun;
import org.scratchnet.cli.CliRun.Result;
import org.scratchnet.init.Rng;

/**
 * Tables as people have them, written here: a name column, a text column, empty cells, the label
 * in the middle; train → evaluate → predict, with the test file's columns reordered.
 */
class TablesTest {
    @TempDir
    Path dir;

    static Result ok(String... args) {
        Result r = CliRun.run(args);
        assertThat(r.code()).as("exit code of %s; stderr %s", List.of(args), r.err()).isEqualTo(0);
        return r;
    }

    /**
     * 3 kinds of shop: "ident" (a unique name), "visits" (number), "city" (text that follows the
     * kind 80% of the time), "kind" (the label), "spend" (number, 10% empty). Kind k has visits
     * around 10·k and spend around 100 + 50·k.
     */
    static List<String[]> shops(int n, long seed) {
        Rng rng = new Rng(seed);
        String[] cities = {"oslo", "lima", "pune"};
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            String city = rng.nextFloat() < 0.8 ? cities[k] : cities[(k + 1) % 3];
            String visits = String.format(Locale.ROOT, "%.2f", 10 * k + 3 * rng.nextGaussian());
            String spend = rng.nextFloat() < 0.1 ? "" : String.format(Locale.ROOT, "%.1f", 100 + 50 * k + 30 * rng.nextGaussian());
            rows.add(new String[] {"shop-" + seed + "-" + i, visits, city, "k" + k, spend});
        }
        return rows;
    }

    static Path write(Path file, String[] header, List<String[]> rows, int[] order) throws IOException {
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, order);
        rows.forEach(r -> appendRow(sb, r, order));
        Files.writeString(file, sb.toString());
        return file;
    }

    private static void appendRow(StringBuilder sb, String[] r, int[] order) {
        for (int j = 0; j < order.length; j++) {
            sb.append(j == 0 ? "" : ",").append(r[order[j]]);
        }
        sb.append('\n');
    }

    private static final String[] SHOP_HEADER = {"ident", "visits", "city", "kind", "spend"};

    @Test
    void textColumnsEmptyCellsANameColumnAndReorderedTestFiles() throws IOException {
        Path train = write(dir.resolve("train.csv"), SHOP_HEADER, shops(300, 1), new int[] {0, 1, 2, 3, 4});
        List<String[]> testRows = shops(90, 2);
        testRows.get(0)[2] = "rome"; // a city never seen in training
        Path test = write(dir.resolve("test.csv"), SHOP_HEADER, testRows, new int[] {0, 1, 2, 3, 4});
        Path shuffled = write(dir.resolve("shuffled.csv"), SHOP_HEADER, testRows, new int[] {4, 3, 2, 0, 1});
        Path noLabel = write(dir.resolve("nolabel.csv"), SHOP_HEADER, testRows, new int[] {2, 4, 1});
        Path model = dir.resolve("m.safetensors");

        Result failed = CliRun.run("train", "--data", "csv:" + train, "--label", "kind", "--drop", "ident", "--save",
                model.toString());
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.err()).startsWith("error: " + train + ":").contains("found an empty field", "--impute");
        assertThat(model).doesNotExist();

        Result tr = ok("train", "--data", "csv:" + train, "--label", "kind", "--drop", "ident", "--impute", "median",
                "--save", model.toString(), "--quiet");
        assertThat(tr.out()).contains("note: column 'city' holds text: read as categories (one-hot)",
                "300 rows, 5 features, 3 classes [k0, k1, k2]");

        Result ev = ok("evaluate", "--model", model.toString(), "--data", "csv:" + test);
        Result evShuffled = ok("evaluate", "--model", model.toString(), "--data", "csv:" + shuffled);
        double acc = ev.number("accuracy = ([0-9.]+)");
        assertThat(acc).isGreaterThan(0.9);
        assertThat(metricLines(evShuffled.out())).isEqualTo(metricLines(ev.out()));
        assertThat(ev.out()).contains("note: column 'city': 1 row(s) hold a category not seen in training (e.g. 'rome')",
                "ignoring column(s) the model does not use: ident", "missing feature value(s) filled");

        Result p1 = ok("predict", "--model", model.toString(), "--data", "csv:" + test);
        Result p2 = ok("predict", "--model", model.toString(), "--data", "csv:" + shuffled);
        Result p3 = ok("predict", "--model", model.toString(), "--data", "csv:" + noLabel);
        assertThat(p2.out()).isEqualTo(p1.out());
        assertThat(p3.out()).isEqualTo(p1.out());
        assertThat(p1.out().lines().count()).isEqualTo(91);
        assertThat(p3.err()).contains("note: ").doesNotContain("error");

        // a raw row by the model's column order (visits, city, spend): text and an empty value allowed
        Result one = ok("predict", "--model", model.toString(), "--input", "20.5,pune,;0,oslo,100");
        assertThat(one.out()).contains("1,k2,", "2,k0,");

        Result missingColumn = CliRun.run("predict", "--model", model.toString(), "--data", "csv:" + write(
                dir.resolve("nocity.csv"), SHOP_HEADER, testRows, new int[] {0, 1, 3, 4}));
        assertThat(missingColumn.code()).isEqualTo(1);
        assertThat(missingColumn.err().strip()).isEqualTo("error: " + dir.resolve("nocity.csv")
                + ":1: expected a column named 'city' (a feature of the model), found columns: ident, visits, kind, spend");
    }

    /** The accuracy line and the report (the model and data lines name the files). */
    private static List<String> metricLines(String out) {
        return out.lines().filter(l -> !l.startsWith("model:") && !l.startsWith("data:") && !l.startsWith("note:")).toList();
    }

    @Test
    void rowsWithoutALabelAreSkippedWithACount() throws IOException {
        List<String[]> rows = shops(60, 3);
        rows.get(5)[3] = "";
        rows.get(9)[3] = "NA";
        Path train = write(dir.resolve("t.csv"), SHOP_HEADER, rows, new int[] {0, 1, 2, 3, 4});
        Result r = ok("train", "--data", "csv:" + train, "--label", "kind", "--features", "visits,city", "--epochs", "5",
                "--quiet");
        assertThat(r.out()).contains("note: skipped 2 row(s) whose label 'kind' is missing", "58 rows, 4 features");
    }
}
