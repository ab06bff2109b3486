package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained model's column rules find their columns by name: seeded tables of number and text
 * columns with holes, written again with the columns in a random order and an unknown column
 * added, read in small ranges on two threads, give the rows the original file gives.
 */
class ColumnOrderPropertyTest {
    @TempDir
    Path dir;

    private static String csv(List<String> header, List<List<String>> rows, List<Integer> order) {
        StringBuilder sb = new StringBuilder();
        for (List<String> r : prepend(header, rows)) {
            for (int j = 0; j < order.size(); j++) {
                sb.append(j == 0 ? "" : ",").append(r.get(order.get(j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static List<List<String>> prepend(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    @Test
    void rowsDoNotDependOnTheOrderOfTheColumns() throws Exception {
        Random r = new Random(77);
        for (int seed = 0; seed < 20; seed++) {
            int features = 2 + r.nextInt(5), n = 50 + r.nextInt(400);
            boolean[] text = new boolean[features];
            List<String> header = new ArrayList<>();
            for (int f = 0; f < features; f++) {
                text[f] = r.nextInt(3) == 0;
                header.add((text[f] ? "t" : "n") + f);
            }
            header.add("label");
            header.add("extra");
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> row = new ArrayList<>();
                for (int f = 0; f < features; f++) {
                    row.add(r.nextInt(25) == 0 ? "" : text[f] ? "c" + r.nextInt(4) : Integer.toString(r.nextInt(200) - 100));
                }
                row.add("k" + r.nextInt(3));
                row.add(Integer.toString(i));
                rows.add(row);
            }
            List<Integer> original = new ArrayList<>();
            for (int j = 0; j <= features; j++) {
                original.add(j); // the features and the label; no extra column
            }
            List<Integer> shuffled = new ArrayList<>(original);
            shuffled.add(features + 1);
            Collections.shuffle(shuffled, new Random(seed));

            Path a = dir.resolve("a" + seed + ".csv"), b = dir.resolve("b" + seed + ".csv");
            Files.writeString(a, csv(header, rows, original));
            Files.writeString(b, csv(header, rows, shuffled));
            TableReader train = TableReader.read(a, new TableOptions().impute(Imputation.MEAN), n2 -> { });
            ColumnRules rules = train.fit(null);
            LoadOptions cut = new LoadOptions().threads(2);
            cut.rangeBytes = 128 + r.nextInt(512);
            String what = "table " + seed + ", columns " + shuffled + ", ranges of " + cut.rangeBytes;

            TabularData expected = TableApplier.labelled(a, rules, train.task(), train.classNames(), n2 -> { });
            TabularData got = TableApplier.labelled(b, rules, train.task(), train.classNames(), n2 -> { }, cut);
            assertThat(got.dataset().x().data()).as(what).containsExactly(expected.dataset().x().data());
            assertThat(got.dataset().y().data()).as(what).containsExactly(expected.dataset().y().data());
            assertThat(got.dataset().x().data()).as(what)
                    .containsExactly(train.dataset(rules, n2 -> { }).x().data());
            // and without the label, as predict reads a file
            List<Integer> noLabel = new ArrayList<>(shuffled);
            noLabel.remove(Integer.valueOf(features));
            Path c = dir.resolve("c" + seed + ".csv");
            Files.writeString(c, csv(header, rows, noLabel));
            assertThat(TableApplier.features(c, rules, n2 -> { }, cut).data()).as(what)
                    .containsExactly(expected.dataset().x().data());
        }
    }
}
