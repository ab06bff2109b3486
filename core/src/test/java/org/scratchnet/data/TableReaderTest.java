package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training-side table reading: column choice, text columns, missing values, label rows. */
class TableReaderTest {
    private final List<String> notes = new ArrayList<>();

    private TableReader read(String text, TableOptions o) {
        return TableReader.parse("t.csv", text, o, notes::add);
    }

    private static final String PEOPLE = "name,age,color,size,y\n"
            + "ann,30,red,1,a\n"
            + "bob,,blue,2,b\n"
            + "cy,50,red,NA,a\n"
            + "dee,40,green,3,\n"
            + "eve,20,blue,4,b\n";

    @Test
    void textColumnsBecomeSortedOneHotAndNameColumnsCanBeDropped() {
        TableReader t = read(PEOPLE, new TableOptions().drop(List.of("name")).impute(Imputation.MEAN));
        assertThat(notes).containsExactly("skipped 1 row(s) whose label 'y' is missing",
                "column 'color' holds text: read as categories (one-hot)");
        assertThat(t.rows()).isEqualTo(4);
        ColumnRules r = t.fit(null);
        assertThat(r.encodedNames()).containsExactly("age", "color=blue", "color=red", "size");
        assertThat(r.label()).isEqualTo("y");
        assertThat(r.labelIndex()).isEqualTo(4);
        assertThat(r.sourceWidth()).isEqualTo(5);
        // age mean over the 3 present values of the kept rows: (30 + 50 + 20) / 3; size: (1 + 2 + 4) / 3
        assertThat(r.features().get(0).fill()).isEqualTo(Float.toString((30f + 50 + 20) / 3));
        assertThat(r.features().get(1).fill()).isEqualTo("blue"); // tie blue/red: first in sorted order
        assertThat(r.features().get(2).fill()).isEqualTo(Float.toString(7f / 3));
        Dataset d = t.dataset(r, notes::add);
        // x (4, 4): age, color=blue, color=red, size
        assertThat(d.x().toArray2d()).isEqualTo(new float[][] {
            {30, 0, 1, 1}, {100f / 3, 1, 0, 2}, {50, 0, 1, 7f / 3}, {20, 1, 0, 4}});
        assertThat(d.y().toArray2d()).isEqualTo(new float[][] {{0}, {1}, {0}, {1}});
        assertThat(r.numericInputs()).containsExactly(true, false, false, true);
    }

    @Test
    void rulesAreLearnedOnTheFitRowsOnly() {
        TableReader t = read(PEOPLE, new TableOptions().drop(List.of("0")).impute(Imputation.MEDIAN));
        ColumnRules r = t.fit(new int[] {0, 1}); // ann and bob: colors red, blue; ages 30 (bob's is missing)
        assertThat(r.features().get(0).fill()).isEqualTo("30.0");
        assertThat(r.features().get(1).categories()).containsExactly("blue", "red");
        assertThat(t.fit(null).features().get(0).fill()).isEqualTo("30.0"); // median of 30, 50, 20
        assertThat(t.fit(new int[] {0, 2}).features().get(0).fill()).isEqualTo("40.0"); // median of 30, 50
    }

    @Test
    void mostFrequentFillsNumbersWithTheCommonestValue() {
        TableReader t = read("a,b,y\n1,x,0\n2,x,1\n2,,0\n,z,1\n", new TableOptions().impute(Imputation.MOST_FREQUENT));
        ColumnRules r = t.fit(null);
        assertThat(r.features().get(0).fill()).isEqualTo("2.0");
        assertThat(r.features().get(1).fill()).isEqualTo("x");
        assertThat(t.dataset(r, notes::add).x().toArray2d()[3]).containsExactly(2, 0, 1); // a filled, b = z of [x, z]
    }

    @Test
    void missingValuesAreAnErrorNamingRowColumnAndOptions() {
        assertThatThrownBy(() -> read(PEOPLE, new TableOptions().drop(List.of("name"))))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv:3:2: expected a value in column 'age', found an empty field: fill such cells with"
                        + " --impute mean|median|most-frequent, or skip such rows with --drop-missing");
        assertThatThrownBy(() -> read("a,b,y\n1,2,0\nn/a,3,1\n", new TableOptions()))
                .hasMessageStartingWith("t.csv:3:1: expected a value in column 'a', found 'n/a' (a missing value)");
    }

    @Test
    void dropMissingSkipsRowsAndCountsThem() {
        TableReader t = read(PEOPLE, new TableOptions().drop(List.of("name")).dropMissing(true));
        assertThat(t.rows()).isEqualTo(2);
        assertThat(notes).contains("skipped 2 row(s) with missing feature values (--drop-missing)");
    }

    @Test
    void featuresByNameOrIndexInTheGivenOrder() {
        TableReader t = read(PEOPLE, new TableOptions().features(List.of("size", "1")).impute(Imputation.MEAN));
        assertThat(t.fit(null).encodedNames()).containsExactly("size", "age");
        assertThat(t.fit(null).features().get(1).index()).isEqualTo(1);
    }

    @Test
    void unknownColumnsListTheHeader() {
        assertThatThrownBy(() -> read(PEOPLE, new TableOptions().drop(List.of("nmae"))))
                .isInstanceOf(ColumnSelectionException.class)
                .hasMessage("--drop: no column 'nmae' in t.csv; the header has: name, age, color, size, y");
        assertThatThrownBy(() -> read(PEOPLE, new TableOptions().features(List.of("y"))))
                .hasMessage("--features: column 'y' is the label; choose the label with --label");
        assertThatThrownBy(() -> read("1,2,0\n3,4,1\n", new TableOptions().features(List.of("7"))))
                .hasMessage("--features: no column '7' in t.csv (no header: use 0-based indices 0..2)");
        assertThatThrownBy(() -> read(PEOPLE, new TableOptions().categorical(List.of("name")).drop(List.of("name"))))
                .hasMessage("--categorical: column 'name' is not a feature");
        assertThatThrownBy(() -> read(PEOPLE, new TableOptions().features(List.of("age")).drop(List.of("name"))))
                .hasMessage("--features and --drop: give one of them, not both");
    }

    @Test
    void categoricalForcesNumbersToCategories() {
        TableReader t = read("zip,v,y\n10,1,0\n20,2,1\n10,3,0\n", new TableOptions().categorical(List.of("zip")));
        ColumnRules r = t.fit(null);
        assertThat(r.encodedNames()).containsExactly("zip=10", "zip=20", "v");
        assertThat(notes).isEmpty(); // forced: no "holds text" note
    }

    @Test
    void regressionTargetsAndUnrepresentableLabels() {
        TableReader t = read("a,y\n1,100.5\n2,300.25\n3,\n", new TableOptions().task(Task.REGRESSION));
        assertThat(t.task()).isEqualTo(Task.REGRESSION);
        assertThat(t.dataset(t.fit(null), notes::add).y().toArray2d()).isEqualTo(new float[][] {{100.5f}, {300.25f}});
        assertThatThrownBy(() -> read("a,y\n1,0\n2,1e9999999999\n", new TableOptions()))
                .hasMessage("t.csv:3:2: expected a label in column 'y', found '1e9999999999' (a number with an exponent"
                        + " out of range)");
    }

    @Test
    void categoryVocabularyFallsBackToAllRowsAndAllMissingIsAnError() {
        TableReader t = read("a,b,y\n1,x,0\n2,NA,1\n", new TableOptions().impute(Imputation.MEAN));
        assertThat(t.fit(new int[] {1}).features().get(1).categories()).containsExactly("x");
        TableReader empty = read("a,b,y\n1,?,0\n2,NA,1\n", new TableOptions().impute(Imputation.MEAN)
                .categorical(List.of("b")));
        assertThatThrownBy(() -> empty.fit(null)).isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv: column 'b' has no values (every cell is missing): drop it with --drop");
        TableReader noNumbers = read("a,b,y\n,1,0\nNA,2,1\n", new TableOptions().impute(Imputation.MEAN));
        assertThat(noNumbers.fit(null).features().get(0).fill()).isEqualTo("0");
    }

    @Test
    void missingTokens() {
        for (String m : List.of("", "NA", "na", "N/A", "null", "NULL", "NaN", "nan", "?")) {
            assertThat(Imputation.isMissing(m)).as(m).isTrue();
        }
        for (String v : List.of("0", "N", "none", "inf", "-", "??")) {
            assertThat(Imputation.isMissing(v)).as(v).isFalse();
        }
        assertThat(Imputation.byName("Most_Frequent")).isEqualTo(Imputation.MOST_FREQUENT);
        assertThat(Imputation.MOST_FREQUENT.id()).isEqualTo("most-frequent");
        assertThatThrownBy(() -> Imputation.byName("mode")).hasMessageContaining("expected mean, median or most-frequent");
    }

    @Test
    void optionsForLabelHeaderAndFixedClassesAndTheFirstMissingCellOfARow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path f = dir.resolve("k.csv");
        java.nio.file.Files.writeString(f, "kind,a,b\nx,1,2\ny,3,4\n");
        TableReader t = TableReader.read(f, new TableOptions().label("kind").header(true)
                .classNames(List.of("x", "y", "z")), notes::add);
        assertThat(t.classNames()).containsExactly("x", "y", "z");
        assertThat(t.labelName()).isEqualTo("kind");
        assertThat(t.dataset(t.fit(null), notes::add).y().toArray2d()).isEqualTo(new float[][] {{1, 0, 0}, {0, 1, 0}});
        // header forced off: the first row is data, columns are column1..3 and the label the last
        TableReader noHeader = read("1,2,0\n3,4,1\n", new TableOptions().header(false));
        assertThat(noHeader.fit(null).encodedNames()).containsExactly("column1", "column2");
        // two missing cells in one row: the leftmost is reported
        assertThatThrownBy(() -> read("a,b,c,y\n1,2,3,0\n4,NA,,1\n", new TableOptions()))
                .hasMessageStartingWith("t.csv:3:2: expected a value in column 'b'");
        assertThatThrownBy(() -> read("a,b,c,y\n1,2,3,0\n4,5,,1\n", new TableOptions().features(List.of("c", "a"))))
                .hasMessageStartingWith("t.csv:3:3: expected a value in column 'c'");
    }

    @Test
    void aSecondEncodingIsReusedOnlyWhenItWouldGiveTheSameCells() {
        // age has a hole on row 1 (bob), size none; color's vocabulary depends on the rows fit
        String text = "name,age,color,size,y\nann,30,red,1,a\nbob,,blue,2,b\ncy,50,red,5,a\neve,20,blue,4,b\n";
        TableReader t = read(text, new TableOptions().drop(List.of("name")).impute(Imputation.MEAN));
        Dataset first = t.dataset(t.fit(null), notes::add);
        assertThat(first.x().get(1, 0)).isEqualTo(100f / 3); // bob's age: the mean of 30, 50, 20

        // the same rules again: the same dataset, not a second copy
        assertThat(t.dataset(t.fit(new int[] {3, 2, 1, 0}), notes::add)).isSameAs(first);

        // another fill only where no cell is missing (size: 10/3 without bob), same vocabulary: reused
        ColumnRules withoutBob = t.fit(new int[] {0, 2, 3});
        assertThat(withoutBob.features().get(2).fill()).isNotEqualTo(t.fit(null).features().get(2).fill());
        assertThat(t.dataset(withoutBob, notes::add)).isSameAs(first);

        // another fill for the column with a hole, same vocabulary: encoded again, bob's age is the new mean
        Dataset second = t.dataset(t.fit(new int[] {0, 1, 3}), notes::add);
        assertThat(second).isNotSameAs(first);
        assertThat(second.x().get(1, 0)).isEqualTo(25f);
        assertThat(second.x().cols()).isEqualTo(first.x().cols());

        // another vocabulary (only the red rows fit): one-hot columns change
        Dataset reds = t.dataset(t.fit(new int[] {0, 2}), notes::add);
        assertThat(reds.x().cols()).isEqualTo(first.x().cols() - 1);
    }

    @Test
    void afterReleaseNothingMoreCanBeEncoded() {
        String text = "age,color,y\n30,red,a\n,blue,b\n50,red,a\n";
        TableReader t = read(text, new TableOptions().impute(Imputation.MEAN));
        ColumnRules all = t.fit(null);
        t.dataset(all, notes::add);
        t.release();
        assertThatThrownBy(() -> t.dataset(all, notes::add)).isInstanceOf(IllegalStateException.class)
                .hasMessage("TableReader.dataset: the cells were released");
    }

    private static final String TOO_MANY =
            "t.csv: expected at most 4096 distinct labels in column 'y' for classification, found more (use task regression?)";

    /** A label with rows given as (feature, label) pairs, one per line. */
    private TableReader readLabels(int rows, java.util.function.IntFunction<String> label) {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < rows; i++) {
            s.append(i % 7).append(',').append(label.apply(i)).append('\n');
        }
        return read(s.toString(), new TableOptions());
    }

    /**
     * More distinct labels than the parser keeps codes for (4,096): the task still follows the
     * values, read row by row: all whole numbers or any fraction mean regression, text means
     * classes (and then too many of them).
     */
    @Test
    void theTaskOfALabelWithThousandsOfDistinctValues() {
        TableReader ints = readLabels(5000, i -> Integer.toString(i * 3));
        assertThat(ints.task()).isEqualTo(Task.REGRESSION);
        assertThat(ints.dataset(ints.fit(null), n -> { }).y().data()[4999]).isEqualTo(14997f);
        assertThat(readLabels(5000, i -> i + ".5").task()).isEqualTo(Task.REGRESSION);
        // whole numbers first, a fraction far down
        assertThat(readLabels(5000, i -> i == 4990 ? "7.25" : Integer.toString(i)).task()).isEqualTo(Task.REGRESSION);
        assertThatThrownBy(() -> readLabels(5000, i -> "id" + i)).isInstanceOf(DataFormatException.class)
                .hasMessage(TOO_MANY);
        // numbers first, then text: classes
        assertThatThrownBy(() -> readLabels(5000, i -> i < 4500 ? Integer.toString(i) : "t" + i))
                .isInstanceOf(DataFormatException.class).hasMessage(TOO_MANY);
        // up to 20 distinct whole numbers are classes, 21 a regression target
        assertThat(readLabels(200, i -> Integer.toString(i % 20)).task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(readLabels(200, i -> Integer.toString(i % 21)).task()).isEqualTo(Task.REGRESSION);
        assertThat(readLabels(200, i -> Integer.toString(i % 20) + ".0").task()).isEqualTo(Task.CLASSIFICATION);
    }

    /**
     * A text column with a different value in every row (an ID) is still one-hot encoded, with a
     * note that says how to leave it out; from 20 rows on, and only when no value repeats. The
     * streamed reader says the same.
     */
    @Test
    void aColumnThatNamesItsRowsGetsANote(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String note = "column 'id' has 25 distinct values in 25 rows: one-hot, that is one input per row, which tells"
                + " nothing about new rows; if it names the rows, drop it with --drop id";
        java.util.function.BiFunction<Integer, java.util.function.IntFunction<String>, String> table = (rows, id) -> {
            StringBuilder s = new StringBuilder("id,x,y\n");
            for (int i = 0; i < rows; i++) {
                s.append(id.apply(i)).append(',').append(i % 5).append(',').append(i % 2).append('\n');
            }
            return s.toString();
        };
        notes.clear();
        read(table.apply(25, i -> "u" + i), new TableOptions());
        assertThat(notes).contains(note);
        // a missing cell is not a value: 25 values in 26 rows, with the gap filled
        notes.clear();
        read(table.apply(26, i -> i == 3 ? "" : "u" + i), new TableOptions().impute(Imputation.MOST_FREQUENT));
        assertThat(notes).contains(note);
        for (String text : new String[] {table.apply(19, i -> "u" + i), table.apply(25, i -> i == 24 ? "u0" : "u" + i)}) {
            notes.clear();
            read(text, new TableOptions());
            assertThat(notes).contains("column 'id' holds text: read as categories (one-hot)").noneMatch(n -> n.contains("distinct"));
        }
        // named as categorical, the column is the user's choice: no note
        notes.clear();
        read(table.apply(25, i -> "u" + i), new TableOptions().categorical(List.of("id")));
        assertThat(notes).noneMatch(n -> n.contains("distinct"));
        java.nio.file.Path f = dir.resolve("ids.csv");
        java.nio.file.Files.writeString(f, table.apply(25, i -> "u" + i));
        List<String> streamNotes = new ArrayList<>();
        CsvStream.open(f, new TableOptions(), LoadOptions.defaults(), 0, 0, 5, true, streamNotes::add);
        assertThat(streamNotes).contains(note);
    }

    /**
     * Numbers with a decimal comma (a spreadsheet's export with ';' between fields) or grouped
     * thousands are text to the number reader: such a column gets a note that says how to write
     * it, instead of the identifier note its distinct values would otherwise earn.
     */
    @Test
    void numbersWrittenWithACommaGetANote(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        StringBuilder s = new StringBuilder("a;b;y\n");
        for (int i = 0; i < 30; i++) {
            s.append(i % 4 == 0 ? Integer.toString(i) : i + "," + (i % 10)).append(';').append(i % 3).append(';')
                    .append(i % 2).append('\n');
        }
        String note = "column 'a' holds numbers written with a comma ('1,1'): read as categories; numbers are read"
                + " with a decimal point and no grouping (1.5, 1234), so rewrite them that way to read the column"
                + " as numbers";
        notes.clear();
        read(s.toString(), new TableOptions());
        assertThat(notes).contains("column 'a' holds text: read as categories (one-hot)", note)
                .noneMatch(n -> n.contains("distinct values"));
        // one value that is neither: no note on commas
        notes.clear();
        read(s.toString().replace("\n5,5;", "\nn/a5;"), new TableOptions());
        assertThat(notes).noneMatch(n -> n.contains("with a comma"));
        java.nio.file.Path f = dir.resolve("euro.csv");
        java.nio.file.Files.writeString(f, "a;y\n" + "1,5;0\n".repeat(3) + "-2,25;1\n".repeat(3));
        List<String> streamNotes = new ArrayList<>();
        CsvStream.open(f, new TableOptions(), LoadOptions.defaults(), 0, 0, 5, true, streamNotes::add);
        assertThat(streamNotes).contains(note.replace("'1,1'", "'-2,25'"));
    }
}
