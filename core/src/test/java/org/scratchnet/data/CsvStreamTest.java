package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table streamed in ranges gives the rows, rules and splits that reading it whole gives. */
class CsvStreamTest {
    @TempDir
    Path dir;

    private static final String[] COLORS = {"red", "green", "blue"};
    private static final int ROWS = 500;

    private Path table() throws IOException {
        return table(false);
    }

    /**
     * ROWS rows of x1, color, x2 and a label from x1. With holes: x1 empty on every 9th row, color
     * on every 11th, the label on every 23rd, and one blue row in five turned red (so that one color
     * is clearly the most frequent).
     */
    private Path table(boolean holes) throws IOException {
        StringBuilder sb = new StringBuilder("x1,color,x2,y\n");
        for (int i = 0; i < ROWS; i++) {
            double x1 = Math.sin(i * 0.37) * 10, x2 = (i % 17) * 0.25;
            int color = holes && (i * 7) % 3 == 2 && i % 5 == 0 ? 0 : (i * 7) % 3;
            sb.append(holes && i % 9 == 4 ? "" : String.format(Locale.ROOT, "%.3f", x1)).append(',')
                    .append(holes && i % 11 == 3 ? "" : COLORS[color]).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", x2)).append(',')
                    .append(holes && i % 23 == 7 ? "" : x1 > 3 ? "high" : x1 < -3 ? "low" : "mid").append('\n');
        }
        Path f = dir.resolve(holes ? "holes.csv" : "t.csv");
        Files.writeString(f, sb);
        return f;
    }

    private static CsvStream open(Path f, boolean standardize) {
        return CsvStream.open(f, new TableOptions(), LoadOptions.defaults(), 0.2, 0.1, 5, standardize, n -> { });
    }

    /** All rows of a part, chunk after chunk, as float rows of x followed by y. */
    private static List<float[]> rows(CsvStream s, int part, int epoch) {
        List<float[]> out = new ArrayList<>();
        s.chunks(part, epoch, d -> {
            float[][] x = d.x().toArray2d(), y = d.y().toArray2d();
            for (int i = 0; i < x.length; i++) {
                float[] r = Arrays.copyOf(x[i], x[i].length + y[i].length);
                System.arraycopy(y[i], 0, r, x[i].length, y[i].length);
                out.add(r);
            }
        });
        return out;
    }

    /**
     * The stream's part of each row the whole table keeps: the labelled ones among {@code dataRows},
     * data row i being on line i + 2 (the header is line 1).
     */
    private static int[] partsOfKeptRows(CsvStream s, int dataRows, java.util.function.IntPredicate labelled) {
        return java.util.stream.IntStream.range(0, dataRows).filter(labelled).map(i -> s.part(i + 2)).toArray();
    }

    /** The indices of the rows in {@code part}. */
    private static int[] rowsIn(int[] parts, int part) {
        return java.util.stream.IntStream.range(0, parts.length).filter(i -> parts[i] == part).toArray();
    }

    @Test
    void thePartsAndTheirRowsAreThoseOfTheWholeTableSplitByLine() throws IOException {
        Path f = table();
        CsvStream s = open(f, false);
        int[] parts = partsOfKeptRows(s, ROWS, i -> true);
        long[] counts = new long[3];
        for (int p : parts) {
            counts[p]++;
        }
        assertThat(new long[] {s.rows(CsvStream.TRAIN), s.rows(CsvStream.VALIDATION), s.rows(CsvStream.TEST)})
                .containsExactly(counts);
        // the split is a fixed function of seed and line: the same parts in every version and on every machine
        assertThat(counts).containsExactly(352, 50, 98);

        TableReader whole = TableReader.read(f, new TableOptions(), n -> { });
        ColumnRules rules = whole.fit(rowsIn(parts, CsvStream.TRAIN));
        assertThat(s.rules().encodedNames()).isEqualTo(rules.encodedNames())
                .containsExactly("x1", "color=blue", "color=green", "color=red", "x2");
        assertThat(s.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(s.classNames()).isEqualTo(whole.classNames()).containsExactly("high", "low", "mid");
        assertThat(s.standardizer()).isNull();

        Dataset all = whole.dataset(rules, n -> { });
        float[][] x = all.x().toArray2d(), y = all.y().toArray2d();
        for (int part = 0; part < 3; part++) {
            List<float[]> streamed = rows(s, part, 0);
            assertThat(streamed).hasSize((int) counts[part]);
            int k = 0;
            for (int i = 0; i < ROWS; i++) {
                if (parts[i] == part) {
                    float[] r = streamed.get(k++);
                    assertThat(Arrays.copyOf(r, x[i].length)).as("part %d, row %d", part, i).containsExactly(x[i]);
                    assertThat(Arrays.copyOfRange(r, x[i].length, r.length)).containsExactly(y[i]);
                }
            }
        }
    }

    @Test
    void eachEpochShufflesTheSameRowsItsOwnWay() throws IOException {
        CsvStream s = open(table(), false);
        List<float[]> inOrder = rows(s, CsvStream.TRAIN, 0);
        List<float[]> first = rows(s, CsvStream.TRAIN, 1), again = rows(s, CsvStream.TRAIN, 1);
        List<float[]> second = rows(s, CsvStream.TRAIN, 2);
        assertThat(sorted(first)).isEqualTo(sorted(inOrder));
        assertThat(sorted(second)).isEqualTo(sorted(inOrder));
        assertThat(keys(first)).isEqualTo(keys(again));
        // and so is each epoch's order (x1 of the first rows; nothing standardized here)
        assertThat(new float[] {first.get(0)[0], first.get(1)[0], first.get(2)[0], second.get(0)[0]})
                .containsExactly(-2.537f, -6.224f, 7.813f, -8.611f);
        assertThat(keys(first)).isNotEqualTo(keys(inOrder)).isNotEqualTo(keys(second));
    }

    private static List<String> keys(List<float[]> rows) {
        List<String> k = new ArrayList<>();
        for (float[] r : rows) {
            k.add(Arrays.toString(r));
        }
        return k;
    }

    private static List<String> sorted(List<float[]> rows) {
        List<String> k = keys(rows);
        k.sort(null);
        return k;
    }

    @Test
    void standardizationIsFitOnTheTrainingRowsNumberColumnsOnly() throws IOException {
        CsvStream s = open(table(), true);
        List<float[]> train = rows(s, CsvStream.TRAIN, 0);
        double[] sum = new double[5], sq = new double[5];
        for (float[] r : train) {
            for (int j = 0; j < 5; j++) {
                sum[j] += r[j];
                sq[j] += (double) r[j] * r[j];
            }
        }
        int n = train.size();
        for (int j : new int[] {0, 4}) { // x1 and x2
            assertThat(sum[j] / n).as("mean of column %d", j).isCloseTo(0, offset(1e-4));
            assertThat(sq[j] / n).as("mean square of column %d", j).isCloseTo(1, offset(1e-3));
        }
        for (float[] r : train) { // the one-hot columns keep their 0s and 1s
            assertThat(r[1] + r[2] + r[3]).isEqualTo(1f);
        }
        assertThat(s.standardizer().features()).isEqualTo(5);
    }

    @Test
    void aNumericLabelMakesARegressionWithScaledTargets() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,target\n");
        for (int i = 0; i < 200; i++) {
            sb.append(i % 13).append(',').append(i % 7).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", 1000 + 10.5 * (i % 11) + 0.01 * i)).append('\n');
        }
        Path f = dir.resolve("r.csv");
        Files.writeString(f, sb);
        CsvStream s = open(f, false);
        assertThat(s.task()).isEqualTo(Task.REGRESSION);
        assertThat(s.classNames()).isEmpty();
        List<float[]> train = rows(s, CsvStream.TRAIN, 0);
        double mean = train.stream().mapToDouble(r -> r[2]).average().orElseThrow();
        // targets of 1000-1107 arrive scaled to about mean 0
        assertThat(mean).isCloseTo(0, offset(1e-3));
        assertThat(s.rules().target()).isNotNull();
    }

    @Test
    void medianImputationAndQuotedFieldsAreRefusedWithAWayOut() throws IOException {
        Path f = table();
        assertThatThrownBy(() -> CsvStream.open(f, new TableOptions().impute(Imputation.MEDIAN), LoadOptions.defaults(),
                0.2, 0, 1, false, n -> { })).isInstanceOf(ColumnSelectionException.class)
                .hasMessageStartingWith("--impute median needs each whole column at once");
        Path q = dir.resolve("q.csv");
        Files.writeString(q, "a,b,y\n1,\"x\",0\n2,y,1\n3,x,0\n");
        assertThatThrownBy(() -> CsvStream.open(q, new TableOptions(), LoadOptions.defaults(), 0, 0, 1, false,
                n -> { })).isInstanceOf(DataFormatException.class)
                .hasMessage(q + ": --stream reads the file in ranges and cannot split quoted fields; remove the quotes,"
                        + " or train without --stream");
    }

    @Test
    void fillsCategoriesAndStandardizationAreLearnedFromTheTrainingRowsAsInMemory() throws IOException {
        Path f = table(true);
        for (Imputation how : new Imputation[] {Imputation.MEAN, Imputation.MOST_FREQUENT}) {
            TableOptions o = new TableOptions().impute(how);
            List<String> notes = new ArrayList<>();
            CsvStream s = CsvStream.open(f, o, LoadOptions.defaults(), 0.2, 0.1, 5, true, notes::add);
            assertThat(notes).contains("skipped 22 row(s) whose label 'y' is missing");

            // the whole table's rows are the labelled ones
            TableReader whole = TableReader.read(f, o, n -> { });
            int[] parts = partsOfKeptRows(s, ROWS, i -> i % 23 != 7);
            assertThat(whole.rows()).isEqualTo(parts.length);
            assertThat(s.rows(CsvStream.TRAIN) + s.rows(CsvStream.VALIDATION) + s.rows(CsvStream.TEST))
                    .isEqualTo(parts.length);
            int[] fitRows = rowsIn(parts, CsvStream.TRAIN);
            ColumnRules rules = whole.fit(fitRows);
            assertThat(s.rules().encodedNames()).isEqualTo(rules.encodedNames());
            for (int c = 0; c < rules.features().size(); c++) {
                assertThat(s.rules().features().get(c).fill()).as("%s fill of feature %d", how, c)
                        .isEqualTo(rules.features().get(c).fill());
                assertThat(s.rules().features().get(c).categories()).isEqualTo(rules.features().get(c).categories());
            }
            // the number inputs' mean and population std over the training rows, fills included
            Standardizer fit = Standardizer.fit(whole.dataset(rules, n -> { }).select(fitRows).x());
            for (int j : new int[] {0, 4}) {
                assertThat(s.standardizer().mean()[j]).as("%s mean %d", how, j)
                        .isCloseTo(fit.mean()[j], offset(1e-4f * Math.max(1, Math.abs(fit.mean()[j]))));
                assertThat(s.standardizer().std()[j]).as("%s std %d", how, j).isCloseTo(fit.std()[j], offset(1e-4f));
            }
            for (int j = 1; j <= 3; j++) { // one-hot inputs stay as they are
                assertThat(s.standardizer().mean()[j]).isZero();
                assertThat(s.standardizer().std()[j]).isEqualTo(1f);
            }
        }
    }

    @Test
    void droppingRowsWithHolesKeepsTheCompleteOnes() throws IOException {
        CsvStream s = CsvStream.open(table(true), new TableOptions().dropMissing(true), LoadOptions.defaults(), 0.2, 0.1, 5,
                false, n -> { });
        long complete = 0;
        for (int i = 0; i < ROWS; i++) {
            complete += i % 9 != 4 && i % 11 != 3 && i % 23 != 7 ? 1 : 0;
        }
        long streamed = 0;
        for (int part = 0; part < 3; part++) {
            assertThat(rows(s, part, 0)).hasSize((int) s.rows(part));
            streamed += s.rows(part);
        }
        assertThat(streamed).isEqualTo(complete);
    }

    @Test
    void aHoleWithoutAnImputationIsAnErrorNamingTheCell() throws IOException {
        Path f = table(true);
        assertThatThrownBy(() -> CsvStream.open(f, new TableOptions(), LoadOptions.defaults(), 0.2, 0.1, 5, false,
                n -> { })).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ":5:2: expected a value in column 'color', found an empty field: fill such cells with"
                        + " --impute mean|median|most-frequent, or skip such rows with --drop-missing");
    }

    @Test
    void applyingRulesInRangesGivesTheRowsReadingTheFileWholeGives() throws IOException {
        Path f = table();
        CsvStream s = open(f, false);
        // a file to evaluate: its columns reordered, a category the training rows never had, a row without a label
        Path eval = dir.resolve("eval.csv");
        Files.writeString(eval, "y,x2,x1,color\nhigh,0.5,4.25,red\nlow,1,-5,purple\n,2,0,red\nmid,0.25,1.5,blue\n");
        List<String> notes = new ArrayList<>(), wholeNotes = new ArrayList<>();
        List<float[]> x = new ArrayList<>(), y = new ArrayList<>();
        long n = CsvStream.applying(eval, s.rules(), s.task(), s.classNames(), LoadOptions.defaults(), notes::add, d -> {
            x.addAll(Arrays.asList(d.x().toArray2d()));
            y.addAll(Arrays.asList(d.y().toArray2d()));
        });
        TabularData whole = TableApplier.labelled(eval, s.rules(), s.task(), s.classNames(), wholeNotes::add);
        assertThat(n).isEqualTo(3);
        assertThat(x.toArray(new float[0][])).isEqualTo(whole.dataset().x().toArray2d());
        assertThat(y.toArray(new float[0][])).isEqualTo(whole.dataset().y().toArray2d());
        assertThat(x.get(0)).containsExactly(4.25f, 0, 0, 1, 0.5f);
        assertThat(y.get(1)).containsExactly(0, 1, 0);
        assertThat(notes).containsExactlyInAnyOrderElementsOf(wholeNotes).anyMatch(m -> m.contains("purple"))
                .contains("skipped 1 row(s) whose label 'y' is missing");

        Path unlabelled = dir.resolve("none.csv");
        Files.writeString(unlabelled, "y,x2,x1,color\n,0.5,4.25,red\n");
        assertThatThrownBy(() -> CsvStream.applying(unlabelled, s.rules(), s.task(), s.classNames(),
                LoadOptions.defaults(), m -> { }, d -> { })).isInstanceOf(DataFormatException.class)
                .hasMessage(unlabelled + ": expected rows with a label in column 'y', found none");
    }

    @Test
    void rowsAcrossTheCutBetweenTwoRangesArriveWholeAndInOrder() throws IOException {
        // about 9.4 MB: two ranges of at most 8 MiB, cut at a line break
        StringBuilder sb = new StringBuilder(10 << 20).append("id,a,y\n");
        int n = 620_000;
        for (int i = 0; i < n; i++) {
            sb.append(i).append(',').append((i * 37) % 101).append(".5,c").append(i % 3).append('\n');
        }
        Path f = dir.resolve("two-ranges.csv");
        Files.writeString(f, sb);
        CsvStream s = CsvStream.open(f, new TableOptions(), LoadOptions.defaults(), 0, 0, 3, false, m -> { });
        assertThat(s.ranges()).hasSize(2);
        long cut = s.ranges().get(0)[1];
        assertThat(cut).isLessThanOrEqualTo(8 << 20).isEqualTo(s.ranges().get(1)[0]);
        assertThat(Files.readAllBytes(f)[(int) cut - 1]).isEqualTo((byte) '\n');
        assertThat(s.rows(CsvStream.TRAIN)).isEqualTo(n);

        float[] expectedId = {0};
        long[] seen = {0};
        s.chunks(CsvStream.TRAIN, 0, d -> {
            float[][] x = d.x().toArray2d(), y = d.y().toArray2d();
            for (int r = 0; r < x.length; r++) {
                int i = (int) expectedId[0]++;
                if (x[r][0] != i || x[r][1] != (i * 37) % 101 + 0.5f || y[r][i % 3] != 1f) {
                    throw new AssertionError("row " + r + " of a chunk: " + Arrays.toString(x[r]) + " "
                            + Arrays.toString(y[r]) + ", expected id " + i);
                }
                seen[0]++;
            }
        });
        assertThat(seen[0]).isEqualTo(n);
    }

    @Test
    void theTaskAndTheClassesAreThoseTheWholeTableGives() throws IOException {
        String[][] labelSets = {
            {"0", "1", "2"}, {"1.0", "2.0", "3.0"}, {"-1", "1"}, {"0.5", "1.5", "2.25"}, {"yes", "no"},
            {"3", "10", "200", "7", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23",
                "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40"},
            {"1e2", "2e2", "3e2"}, {"a1", "1", "2"},
        };
        for (String[] labels : labelSets) {
            StringBuilder sb = new StringBuilder("x,label\n");
            for (int i = 0; i < 400; i++) {
                sb.append(i % 10).append(',').append(labels[(i * 7) % labels.length]).append('\n');
            }
            Path f = dir.resolve("labels.csv");
            Files.writeString(f, sb);
            String what = String.join(" ", labels);
            TableReader whole = TableReader.read(f, new TableOptions(), n -> { });
            CsvStream s = CsvStream.open(f, new TableOptions(), LoadOptions.defaults(), 0, 0, 1, false, n -> { });
            assertThat(s.task()).as(what).isEqualTo(whole.task());
            assertThat(s.classNames()).as(what).isEqualTo(whole.classNames());
        }
    }

    @Test
    void seededTablesStreamAsTheyReadWhole() throws IOException {
        java.util.Random r = new java.util.Random(404);
        for (int seed = 0; seed < 12; seed++) {
            int features = 1 + r.nextInt(4), n = 100 + r.nextInt(600);
            boolean[] text = new boolean[features];
            StringBuilder sb = new StringBuilder();
            for (int f = 0; f < features; f++) {
                text[f] = r.nextInt(3) == 0;
                sb.append(text[f] ? "t" : "n").append(f).append(',');
            }
            sb.append("label\n");
            boolean[] labelled = new boolean[n];
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < features; f++) {
                    sb.append(r.nextInt(30) == 0 ? "" : text[f] ? "c" + r.nextInt(3 + f)
                            : String.format(Locale.ROOT, "%.2f", r.nextGaussian() * (f + 1))).append(',');
                }
                labelled[i] = r.nextInt(50) != 0;
                sb.append(labelled[i] ? "k" + r.nextInt(3) : "").append('\n');
            }
            Path f = dir.resolve("seeded" + seed + ".csv");
            Files.writeString(f, sb);
            Imputation how = seed % 2 == 0 ? Imputation.MEAN : Imputation.MOST_FREQUENT;
            TableOptions o = new TableOptions().impute(how);
            String what = "table " + seed + " (" + how + ")";
            CsvStream s = CsvStream.open(f, o, LoadOptions.defaults(), 0.25, 0.15, seed, false, m -> { });
            TableReader whole = TableReader.read(f, o, m -> { });
            int[] parts = partsOfKeptRows(s, n, i -> labelled[i]);
            ColumnRules rules = whole.fit(rowsIn(parts, CsvStream.TRAIN));
            assertThat(s.rules().encodedNames()).as(what).isEqualTo(rules.encodedNames());
            float[][] x = whole.dataset(rules, m -> { }).x().toArray2d();
            for (int part = 0; part < 3; part++) {
                List<float[]> streamed = rows(s, part, 0);
                int k = 0;
                for (int row = 0; row < parts.length; row++) {
                    if (parts[row] == part) {
                        assertThat(Arrays.copyOf(streamed.get(k++), x[row].length)).as("%s, labelled row %d", what,
                                row).containsExactly(x[row]);
                    }
                }
                assertThat(streamed).as(what).hasSize(k);
            }
        }
    }
}
