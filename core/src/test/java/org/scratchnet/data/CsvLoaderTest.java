package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.tensor.Tensor;

class CsvLoaderTest {
    private static TabularData parse(String text) {
        return CsvLoader.parse("data.csv", text, new CsvOptions());
    }

    private static void assertError(String text, CsvOptions options, String message) {
        assertThatThrownBy(() -> CsvLoader.parse("data.csv", text, options))
                .isInstanceOf(DataFormatException.class).hasMessage(message);
    }

    private static void assertError(String text, String message) {
        assertError(text, new CsvOptions(), message);
    }

    @Test
    void headerStringLabelsThreeClassesOneHot() {
        TabularData d = parse("a,b,species\n1,2,cat\n3,4,dog\n5,6,bird\n7,8,cat\n");
        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(d.labelName()).isEqualTo("species");
        assertThat(d.classNames()).containsExactly("bird", "cat", "dog"); // sorted
        assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
        // x (4, 2), y (4, 3)
        assertThat(d.dataset().x().toArray2d()).isEqualTo(new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        assertThat(d.dataset().y().toArray2d())
                .isEqualTo(new float[][] {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
    }

    @Test
    void twoNumericClassesGiveOneZeroOneColumnAndCanonicalNames() {
        TabularData d = parse("1,2,1.0\n3,4,0\n5,6,+1\n");
        assertThat(d.dataset().x().toArray2d()[0]).containsExactly(1, 2); // no header detected
        assertThat(d.featureNames()).containsExactly("column1", "column2");
        assertThat(d.classNames()).containsExactly("0", "1");
        assertThat(d.dataset().y().toArray2d()).isEqualTo(new float[][] {{1}, {0}, {1}});
        assertThat(d.dataset().classNames()).containsExactly("0", "1");
    }

    @Test
    void numericClassesSortByValueNotText() {
        TabularData d = parse("x,y\n1,10\n2,9\n3,2\n");
        assertThat(d.classNames()).containsExactly("2", "9", "10");
    }

    @Test
    void semicolonTabQuotesBomCrlfAndBlankLines() {
        String semi = "\uFEFF\"x;1\";\"y\"\"q\";label\r\n\r\n1.5;-2e1;a\r\n   \r\n.5;3.;b\r\n";
        TabularData d = parse(semi);
        assertThat(d.featureNames()).containsExactly("x;1", "y\"q");
        assertThat(d.dataset().x().toArray2d()).isEqualTo(new float[][] {{1.5f, -20f}, {0.5f, 3f}});
        TabularData t = parse("f1\tf2\tc\n1\t2\t\"multi\nline\"\n3\t4\tz\n");
        assertThat(t.classNames()).containsExactly("multi\nline", "z");
        assertThat(t.dataset().size()).isEqualTo(2);
    }

    @Test
    void labelByNameByIndexAndNegativeIndex() {
        String text = "y,a,b\n0,1,2\n1,3,4\n";
        TabularData byName = CsvLoader.parse("d.csv", text, new CsvOptions().label("y"));
        TabularData byIndex = CsvLoader.parse("d.csv", text, new CsvOptions().label("0"));
        TabularData fromEnd = CsvLoader.parse("d.csv", text, new CsvOptions().label("-3"));
        for (TabularData d : List.of(byName, byIndex, fromEnd)) {
            assertThat(d.featureNames()).containsExactly("a", "b");
            assertThat(d.dataset().x().toArray2d()).isEqualTo(new float[][] {{1, 2}, {3, 4}});
            assertThat(d.dataset().y().toArray2d()).isEqualTo(new float[][] {{0}, {1}});
        }
    }

    @Test
    void autoTaskRule() {
        StringBuilder many = new StringBuilder("x,y\n");
        for (int i = 0; i < 25; i++) {
            many.append(i).append(',').append(i * 2).append('\n');
        }
        TabularData reg = parse(many.toString());
        assertThat(reg.task()).isEqualTo(Task.REGRESSION);
        assertThat(reg.classNames()).isEmpty();
        assertThat(reg.dataset().y().get(24, 0)).isEqualTo(48f);
        assertThat(parse("x,y\n1,0.5\n2,1\n").task()).isEqualTo(Task.REGRESSION); // non-integer target
        assertThat(parse("x,y\n1,3\n2,1\n3,2\n").task()).isEqualTo(Task.CLASSIFICATION);
        TabularData forced = CsvLoader.parse("d.csv", "x,y\n1,3\n2,1\n", new CsvOptions().task(Task.REGRESSION));
        assertThat(forced.dataset().y().toArray2d()).isEqualTo(new float[][] {{3}, {1}});
    }

    @Test
    void modelClassesAtEvaluateAndUnseenClassReported() {
        CsvOptions opts = new CsvOptions().classNames(List.of("bird", "cat", "dog")).expectedFeatures(1);
        TabularData d = CsvLoader.parse("t.csv", "x,c\n1,dog\n2,dog\n", opts);
        assertThat(d.dataset().y().toArray2d()).isEqualTo(new float[][] {{0, 0, 1}, {0, 0, 1}}); // one class is fine
        assertError("x,c\n1,dog\n2,cow\n", opts,
                "data.csv:3:2: expected one of the model's classes [bird, cat, dog] in column 'c', found 'cow'");
        assertError("x,z,c\n1,2,dog\n", opts,
                "data.csv: expected 1 feature columns (the model's input width) plus the label, found 2 features");
    }

    @Test
    void featuresOnlyForPrediction(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, "a,b\n1,2\n3,4\n", StandardCharsets.UTF_8);
        Tensor x = CsvLoader.readFeatures(f, 2);
        assertThat(x.toArray2d()).isEqualTo(new float[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> CsvLoader.readFeatures(f, 3)).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ":2: expected 3 features (the model's input width), found 2");
        assertThat(CsvLoader.parseFeatures("--input", "1;2;3", 3).toArray2d()).isEqualTo(new float[][] {{1, 2, 3}});
    }

    @Test
    void featuresForPredictionDropTheLabelUnread() {
        // one column more than the model's width: the last is the label, whatever it holds
        String labelled = "a,b,species\n1,2,cat\n3,4,never-seen\n";
        assertThat(CsvLoader.parseFeatures("p.csv", labelled, 2, null).toArray2d())
                .isEqualTo(new float[][] {{1, 2}, {3, 4}});
        // a named label column anywhere
        assertThat(CsvLoader.parseFeatures("p.csv", "y,a,b\nx,1,2\n", 2, "y").toArray2d())
                .isEqualTo(new float[][] {{1, 2}});
        assertThat(CsvLoader.parseFeatures("p.csv", "1,2,3\n4,5,6\n", -1, null).cols()).isEqualTo(3);
        assertThatThrownBy(() -> CsvLoader.parseFeatures("p.csv", "a,b,c,d\n1,2,3,4\n", 2, null))
                .hasMessage("p.csv:2: expected 2 features (the model's input width), found 4");
        assertThatThrownBy(() -> CsvLoader.parseFeatures("p.csv", "a,b,c,y\n1,2,3,4\n", 2, "y"))
                .hasMessage("p.csv:2: expected 2 features (the model's input width) besides the label column 'y', found 3");
        assertThatThrownBy(() -> CsvLoader.parseFeatures("p.csv", labelled, 2, "nope")).hasMessage(
                "p.csv: expected a label column named one of [a, b, species] or a 0-based index, found 'nope'");
    }

    @Test
    void emptyHeaderOnlyAndRaggedFiles() {
        assertError("", "data.csv: expected a header or data rows, found an empty file");
        assertError("\n \r\n", "data.csv: expected a header or data rows, found an empty file");
        assertError("a,b,c\n", "data.csv: expected data rows after the header, found only the header (line 1)");
        assertError("a,b,c,d\n1,2,3,x\n1,2,3,y\n\n\n1,2,3,x\n1,2,3\n",
                "data.csv:7: expected 4 fields, found 3");
        assertError("a\n1\n2\n", "data.csv:2: expected at least 2 columns (features and a label), found 1");
        String spaced = ": expected at least 2 columns (features and a label), found 1; the values are separated by"
                + " spaces, and a table needs a comma, semicolon or tab between them";
        assertError("a b label\n1 2 cat\n3 4 dog\n", "data.csv:2" + spaced);
        assertError("a  b  label\n  1   2 cat\n", "data.csv:2" + spaced);
        // a single column whose header has a space but whose values have none gets no hint
        assertError("house price\n1\n2\n", "data.csv:2: expected at least 2 columns (features and a label), found 1");
    }

    @Test
    void badFeatureValuesNameLineColumnAndValue() {
        assertError("a,b,c\n1,2,x\n1,zz,y\n", "data.csv:3:2: expected a number in column 'b', found 'zz'");
        assertError("a,b,c\n1,2,x\nNaN,2,y\n",
                "data.csv:3:1: expected a number in column 'a', found 'NaN' (NaN and infinity are not allowed)");
        assertError("a,b,c\n1,-inf,x\n1,2,y\n",
                "data.csv:2:2: expected a number in column 'b', found '-inf' (NaN and infinity are not allowed)");
        assertError("a,b,c\n1,1e39,x\n1,2,y\n",
                "data.csv:2:2: expected a number in column 'b', found '1e39' (outside the float range)");
        assertError("a,b,c\n1,,x\n1,2,y\n", "data.csv:2:2: expected a number in column 'b', found an empty field");
        assertError("a,b,c\n1,2,\n1,2,y\n", "data.csv:2:3: expected a label in column 'c', found an empty field");
        assertError("a,b,c\n1,2,x\n1,2,y\n", new CsvOptions().task(Task.REGRESSION),
                "data.csv:2:3: expected a numeric target for regression in column 'c', found 'x'");
    }

    @Test
    void badLabelsAndHeaders() {
        assertError("a,b,c\n1,2,x\n3,4,x\n",
                "data.csv: expected at least 2 classes in label column 'c', found only 'x' (use task regression?)");
        assertError("a,b,c\n1,2,0\n", new CsvOptions().label("nope"),
                "data.csv: expected a label column named one of [a, b, c] or a 0-based index, found 'nope'");
        assertError("a,b,c\n1,2,0\n", new CsvOptions().label("3"),
                "data.csv: expected a label column index in 0..2 (or -1..-3 from the end), found 3");
        assertError("a,b,a\n1,2,0\n3,4,1\n",
                "data.csv:1:3: expected unique column names, found 'a' again (also column 1)");
        assertError("a,,c\n1,2,0\n3,4,1\n", "data.csv:1:2: expected a column name, found an empty field");
    }

    @Test
    void badQuotingAndEncoding(@TempDir Path dir) throws Exception {
        assertError("a,b,c\n1,2,\"open\n3,4,x\n", "data.csv:2:3: expected a closing quote, found the end of the file");
        assertError("a,b,c\n1,2,\"x\"y\n", "data.csv:2:3: expected a separator after the closing quote, found 'y'");
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> CsvLoader.load(f, new CsvOptions())).isInstanceOf(DataFormatException.class)
                .hasMessage(f + ": expected UTF-8 text, found invalid byte sequences");
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> CsvLoader.load(missing, new CsvOptions()))
                .hasMessage(missing + ": expected a readable file, found none");
    }

    @Test
    void numberSyntaxIsPlainDecimalOnly() {
        for (String ok : new String[] {"0", "-7", "+1.5", "1.", ".5", "-.5e-3", "2E+10", "007"}) {
            assertThat(CsvParser.isNumber(ok)).as(ok).isTrue();
        }
        for (String bad : new String[] {"", "+", ".", "-.", "e5", "1e", "1e+", "0x10", "1d", "1f", "1,5", "1 2", "NaN"}) {
            assertThat(CsvParser.isNumber(bad)).as(bad).isFalse();
        }
    }

    @Test
    void messagesAreOneLine() {
        assertError("a,b,c\n1,2,x\n1,\"z\nz\",y\n",
                "data.csv:3:2: expected a number in column 'b', found 'z\\nz'");
    }
}
