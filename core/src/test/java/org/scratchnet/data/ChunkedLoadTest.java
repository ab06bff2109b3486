package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.tensor.Tensor;

/**
 * Files cut into many small ranges parsed on several threads read exactly as one range does, and
 * errors still name the true line: ranges of 1 KiB over files of a few hundred KiB.
 */
class ChunkedLoadTest {
    @TempDir
    Path dir;

    private static LoadOptions ranges(int bytes, int threads) {
        LoadOptions o = new LoadOptions().threads(threads);
        o.rangeBytes = bytes;
        return o;
    }

    /** rows x (a number, a text column, a number with gaps), label: ~30 bytes a row. */
    private static String table(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("a,color,b,label\n");
        String[] colors = {"red", "green", "blue", "teal"};
        for (int i = 0; i < rows; i++) {
            s.append(String.format(Locale.ROOT, "%.5f", r.nextGaussian())).append(',')
                    .append(colors[r.nextInt(colors.length)]).append(',')
                    .append(r.nextInt(10) == 0 ? "" : String.format(Locale.ROOT, "%.3e", r.nextGaussian() * 1e3))
                    .append(',').append(r.nextInt(3)).append(i % 7 == 0 ? "\r\n" : "\n");
            if (i % 500 == 0) {
                s.append("\n"); // blank lines are skipped but counted
            }
        }
        return s.toString();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Dataset load(Path p, LoadOptions o) {
        TableReader t = TableReader.read(p, new TableOptions().impute(Imputation.MEAN), o, n -> { });
        return t.dataset(t.fit(null), n -> { });
    }

    @Test
    void manyRangesOnManyThreadsReadAsOneRange() throws Exception {
        Path p = write("t.csv", table(6_000, 1));
        Dataset one = load(p, ranges(1 << 30, 1));
        Dataset many = load(p, ranges(1024, 3));
        assertThat(one.size()).isEqualTo(6_000);
        assertThat(many.x().data()).containsExactly(one.x().data());
        assertThat(many.y().data()).containsExactly(one.y().data());
        assertThat(many.classNames()).containsExactly("0", "1", "2");
        // the numbers are Float.parseFloat's: check a few cells against the text
        String[] line = Files.readAllLines(p).get(1).split(",");
        Tensor x = new TableApplierFree(one).x();
        assertThat(x.cols()).isEqualTo(1 + 4 + 1);
        assertThat(line[0]).isNotEmpty();
    }

    @Test
    void aLineLongerThanARangeIsReadWhole() throws Exception {
        // a text cell of 150,000 characters in a file read in ranges of 1 KiB: the range holding it grows
        // (doubling its 65 KiB buffer twice) to the line's end, and the ranges after it go on from there
        StringBuilder s = new StringBuilder(table(8_000, 4));
        String longWord = "w".repeat(150_000);
        s.insert(s.indexOf("\n", 2_000) + 1, "0.5," + longWord + ",1.0,2\n");
        Path p = write("long.csv", s.toString());
        Dataset one = load(p, ranges(1 << 30, 1));
        Dataset many = load(p, ranges(1024, 2));
        assertThat(one.size()).isEqualTo(8_001);
        assertThat(many.x().data()).containsExactly(one.x().data());
        assertThat(many.y().data()).containsExactly(one.y().data());
        // the long word is one more category of the color column
        assertThat(many.x().cols()).isEqualTo(1 + 5 + 1);
        // and a file whose last line is longer than a range ends with that line
        Path tail = write("tail.csv", table(200, 5) + "0.25," + longWord + ",2.0,1\n");
        assertThat(load(tail, ranges(1024, 2)).x().data()).containsExactly(load(tail, ranges(1 << 30, 1)).x().data());
    }

    @Test
    void errorsNameTheTrueLineWhateverTheRange() throws Exception {
        String text = table(6_000, 2);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int bad = 5_001; // 0-based index in lines = line 5,002 of the file
        lines.set(bad, "1.5,red,2.0");
        Path p = write("bad.csv", String.join("\n", lines));
        for (LoadOptions o : List.of(ranges(1 << 30, 1), ranges(1024, 2), ranges(4096, 3))) {
            assertThatThrownBy(() -> load(p, o)).isInstanceOf(DataFormatException.class)
                    .hasMessage(p + ":" + (bad + 1) + ": expected 4 fields, found 3");
        }
        // read by a model's rules, text in a number column is an error (at training it makes a category column)
        TableReader good = TableReader.read(write("good.csv", text), new TableOptions().impute(Imputation.MEAN),
                ranges(1024, 2), n -> { });
        ColumnRules rules = good.fit(null);
        lines.set(bad, "1.5,red,zz,1");
        Path q = write("text.csv", String.join("\n", lines));
        assertThatThrownBy(() -> TableApplier.labelled(q, rules, good.task(), good.classNames(), n -> { },
                ranges(1024, 2))).isInstanceOf(DataFormatException.class)
                .hasMessage(q + ":" + (bad + 1) + ":3: expected a number in column 'b', found 'zz'");
    }

    @Test
    void aColumnThatTurnsToTextLateIsReadAsCategoriesWithTheNumbersAsWritten() throws Exception {
        StringBuilder s = new StringBuilder("code,x,label\n");
        for (int i = 0; i < 3000; i++) {
            s.append(i % 2 == 0 ? "1.0" : "1").append(',').append(i).append(',').append(i % 2).append('\n');
        }
        s.append("A7,1,0\n");
        Path p = write("late.csv", s.toString());
        List<String> notes = new ArrayList<>();
        TableReader t = TableReader.read(p, new TableOptions(), ranges(1024, 2), notes::add);
        ColumnRules r = t.fit(null);
        assertThat(notes).contains("column 'code' holds text: read as categories (one-hot)");
        assertThat(r.encodedNames()).containsExactly("code=1", "code=1.0", "code=A7", "x");
        Tensor x = t.dataset(r, n -> { }).x();
        assertThat(x.get(0, 1)).isEqualTo(1f); // "1.0"
        assertThat(x.get(1, 0)).isEqualTo(1f); // "1"
        assertThat(x.get(3000, 2)).isEqualTo(1f);
    }

    @Test
    void quotedFieldsWithLineBreaksAcrossRangesAreReadAsOneRange() throws Exception {
        StringBuilder s = new StringBuilder("note,x,label\n");
        for (int i = 0; i < 2000; i++) {
            s.append(i % 100 == 0 ? "\"two\nlines, \"\"quoted\"\"\"" : "plain").append(',').append(i).append(',')
                    .append(i % 2).append('\n');
        }
        s.append("tail,0\n");
        Path p = write("q.csv", s.toString());
        // line of the last record: 1 header + 2000 records + 20 extra lines inside quotes
        assertThatThrownBy(() -> load(p, ranges(1024, 2))).isInstanceOf(DataFormatException.class)
                .hasMessage(p + ":" + (1 + 2000 + 20 + 1) + ": expected 3 fields, found 2");
    }

    @Test
    void maxRowsReadsTheFirstRowsAndIgnoresErrorsAfterThem() throws Exception {
        String text = table(6_000, 3) + "broken\n";
        Path p = write("m.csv", text);
        Dataset d = load(p, ranges(1024, 2).maxRows(4_321));
        assertThat(d.size()).isEqualTo(4_321);
        Dataset all = load(write("full.csv", table(6_000, 3)), ranges(1 << 30, 1));
        float[] head = java.util.Arrays.copyOf(all.y().data(), 4_321 * all.y().cols());
        assertThat(d.y().data()).containsExactly(head);
    }

    /**
     * Seeded files of every shape a cut can meet (CRLF and LF, blank lines, a missing cell, lines
     * of a few bytes to a few hundred KiB, sometimes no final line break, sometimes a broken line)
     * read in ranges of 64 bytes to 4 KiB on 2 or 3 threads: the same table, or the same error, as
     * one range.
     */
    @Test
    void anyCutOfAnyFileReadsAsOneRange() throws Exception {
        Random r = new Random(2026);
        int[] rangeSizes = {64, 100, 257, 1024, 4096};
        for (int seed = 0; seed < 24; seed++) {
            StringBuilder s = new StringBuilder("a,word,b,label\n");
            int rows = 20 + r.nextInt(1500);
            int broken = seed % 6 == 5 ? 1 + r.nextInt(rows) : -1;
            for (int i = 1; i <= rows; i++) {
                if (r.nextInt(40) == 0) {
                    s.append(r.nextBoolean() ? "\n" : "\r\n"); // blank line
                }
                String word = r.nextInt(300) == 0 ? "w".repeat(100 + r.nextInt(seed % 4 == 0 ? 300_000 : 3_000))
                        : "w" + r.nextInt(5);
                s.append(r.nextInt(20) == 0 ? "" : Integer.toString(r.nextInt(1000))).append(',').append(word);
                if (i != broken) {
                    s.append(',').append(r.nextInt(100) / 8.0);
                }
                s.append(',').append(r.nextInt(3));
                if (i < rows || r.nextBoolean()) {
                    s.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
                }
            }
            Path p = write("any" + seed + ".csv", s.toString());
            LoadOptions cut = ranges(rangeSizes[r.nextInt(rangeSizes.length)], 2 + r.nextInt(2));
            String what = "file " + seed + ", ranges of " + cut.rangeBytes + " bytes";
            Dataset one;
            try {
                one = load(p, ranges(1 << 30, 1));
            } catch (DataFormatException e) {
                assertThat(broken).as(what).isPositive();
                assertThatThrownBy(() -> load(p, cut)).as(what).isInstanceOf(DataFormatException.class)
                        .hasMessage(e.getMessage());
                continue;
            }
            assertThat(broken).as(what).isNegative();
            Dataset many = load(p, cut);
            assertThat(many.size()).as(what).isEqualTo(rows);
            assertThat(many.x().data()).as(what).containsExactly(one.x().data());
            assertThat(many.y().data()).as(what).containsExactly(one.y().data());
        }
    }

    /** Gives x of a dataset (keeps the assertions above readable). */
    private record TableApplierFree(Dataset d) {
        Tensor x() {
            return d.x();
        }
    }
}
