package org.scratchnet.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.Tensor;

/**
 * Reads numeric CSV files (UTF-8) into datasets. Parsing rules (separator, quotes, header
 * detection) are in {@link CsvParser}'s documentation; labels are encoded as described on
 * {@link Task#AUTO} and {@link TabularData}. Every problem is a {@link DataFormatException} with a
 * one-line message such as {@code data.csv:7: expected 4 fields, found 3}.
 *
 * <pre>{@code
 * TabularData d = CsvLoader.load(Path.of("iris.csv"), new CsvOptions().label("species"));
 * }</pre>
 */
public final class CsvLoader {
    /** Most distinct integer labels that {@link Task#AUTO} still reads as classes. */
    public static final int MAX_AUTO_CLASSES = 20;

    private CsvLoader() {
    }

    /** Reads a labeled file for training or evaluation. */
    public static TabularData load(Path file, CsvOptions options) {
        return parse(file.toString(), read(file), options);
    }

    /** As {@link #load} for text already in memory; {@code source} names it in messages. */
    public static TabularData parse(String source, String text, CsvOptions options) {
        CsvTable table = CsvParser.parse(source, text, options.header);
        checkShape(table, 2);
        int columns = table.columns();
        List<String> names = columnNames(table);
        int labelCol = labelColumn(table, names, options.label);
        int d = columns - 1;
        if (options.expectedFeatures >= 0 && d != options.expectedFeatures) {
            throw new DataFormatException(source + ": expected " + options.expectedFeatures
                    + " feature columns (the model's input width) plus the label, found " + d + " features");
        }
        List<String> featureNames = new ArrayList<>(names);
        featureNames.remove(labelCol);
        int[] featureCols = new int[d];
        for (int j = 0, k = 0; j < columns; j++) {
            if (j != labelCol) {
                featureCols[k++] = j;
            }
        }
        Tensor x = features(table, featureCols, names);
        List<String> labels = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            String v = row.fields().get(labelCol);
            if (v.isEmpty()) {
                throw new DataFormatException(table.where(row, labelCol) + ": expected a label in column '"
                        + names.get(labelCol) + "', found an empty field");
            }
            if (!LabelEncoder.representable(v)) {
                // BigDecimal (used to compare numeric labels) holds exponents up to about ±2e9 only
                throw new DataFormatException(table.where(row, labelCol) + ": expected a label in column '"
                        + names.get(labelCol) + "', found " + DataFormatException.quote(v)
                        + " (a number with an exponent out of range)");
            }
            labels.add(v);
        }
        LabelEncoder enc = new LabelEncoder(table, labelCol, names.get(labelCol));
        Task task = enc.resolve(options.task, labels, options.classNames);
        if (task == Task.REGRESSION) {
            return new TabularData(new Dataset(x, enc.regressionTargets(labels)), featureNames, List.of(), task,
                    names.get(labelCol));
        }
        List<String> classes = options.classNames != null ? options.classNames : enc.classNames(labels);
        Tensor y = enc.encode(labels, classes, options.classNames != null);
        return new TabularData(new Dataset(x, y, classes), featureNames, classes, task, names.get(labelCol));
    }

    /**
     * Reads a features-only file for prediction: every column is a feature and there must be
     * exactly {@code expectedFeatures} of them (-1 = any). Returns x (N, D).
     */
    public static Tensor readFeatures(Path file, int expectedFeatures) {
        return parseFeatures(file.toString(), read(file), expectedFeatures);
    }

    /** As {@link #readFeatures} for text in memory. */
    public static Tensor parseFeatures(String source, String text, int expectedFeatures) {
        CsvTable table = CsvParser.parse(source, text, null);
        checkShape(table, 1);
        if (expectedFeatures >= 0 && table.columns() != expectedFeatures) {
            throw new DataFormatException(source + ":" + table.rows().get(0).line() + ": expected "
                    + expectedFeatures + " features (the model's input width), found " + table.columns());
        }
        int[] cols = new int[table.columns()];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = j;
        }
        return features(table, cols, columnNames(table));
    }

    /**
     * Features for prediction from a file that may also hold a label column, which is ignored (its
     * values are never checked): {@code label} names it (a header name or index, as
     * {@link CsvOptions#label}); with null, a file with exactly {@code expectedFeatures} + 1
     * columns drops its last one. Returns x (N, D).
     */
    public static Tensor readFeatures(Path file, int expectedFeatures, String label) {
        return parseFeatures(file.toString(), read(file), expectedFeatures, label);
    }

    /** As {@link #readFeatures(Path, int, String)} for text in memory. */
    public static Tensor parseFeatures(String source, String text, int expectedFeatures, String label) {
        CsvTable table = CsvParser.parse(source, text, null);
        checkShape(table, 1);
        List<String> names = columnNames(table);
        int columns = table.columns();
        int drop = label != null ? labelColumn(table, names, label)
                : expectedFeatures >= 0 && columns == expectedFeatures + 1 ? columns - 1 : -1;
        int d = columns - (drop >= 0 ? 1 : 0);
        if (expectedFeatures >= 0 && d != expectedFeatures) {
            throw new DataFormatException(source + ":" + table.rows().get(0).line() + ": expected " + expectedFeatures
                    + " features (the model's input width)" + (drop >= 0 ? " besides the label column '"
                    + names.get(drop) + "'" : "") + ", found " + d);
        }
        int[] cols = new int[d];
        for (int j = 0, k = 0; j < columns; j++) {
            if (j != drop) {
                cols[k++] = j;
            }
        }
        return features(table, cols, names);
    }

    static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": expected a readable file, found none");
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file + ": expected UTF-8 text, found invalid byte sequences");
        }
    }

    static void checkShape(CsvTable table, int minColumns) {
        String src = table.source();
        if (table.rows().isEmpty()) {
            throw new DataFormatException(src + ": expected data rows after the header, found only the header (line 1)");
        }
        int columns = table.columns();
        if (columns < minColumns) {
            throw new DataFormatException(src + ":" + table.rows().get(0).line() + ": expected at least " + minColumns
                    + " columns (features and a label), found " + columns);
        }
        for (CsvTable.Row row : table.rows()) {
            if (row.fields().size() != columns) {
                throw new DataFormatException(src + ":" + row.line() + ": expected " + columns + " fields, found "
                        + row.fields().size());
            }
        }
        if (table.header() != null) {
            Map<String, Integer> seen = new HashMap<>();
            for (int j = 0; j < columns; j++) {
                String name = table.header().get(j);
                if (name.isEmpty()) {
                    throw new DataFormatException(src + ":1:" + (j + 1) + ": expected a column name, found an empty field");
                }
                Integer before = seen.putIfAbsent(name, j);
                if (before != null) {
                    throw new DataFormatException(src + ":1:" + (j + 1) + ": expected unique column names, found "
                            + DataFormatException.quote(name) + " again (also column " + (before + 1) + ")");
                }
            }
        }
    }

    static List<String> columnNames(CsvTable table) {
        if (table.header() != null) {
            return table.header();
        }
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= table.columns(); j++) {
            names.add("column" + j);
        }
        return names;
    }

    static int labelColumn(CsvTable table, List<String> names, String label) {
        int columns = names.size();
        if (label == null) {
            return columns - 1;
        }
        int byName = table.header() == null ? -1 : table.header().indexOf(label);
        if (byName >= 0) {
            return byName;
        }
        try {
            int index = Integer.parseInt(label.trim());
            int col = index < 0 ? columns + index : index;
            if (col >= 0 && col < columns) {
                return col;
            }
            throw new DataFormatException(table.source() + ": expected a label column index in 0.." + (columns - 1)
                    + " (or -1.." + (-columns) + " from the end), found " + index);
        } catch (NumberFormatException e) {
            throw new DataFormatException(table.source() + ": expected a label column named one of " + names
                    + " or a 0-based index, found " + DataFormatException.quote(label));
        }
    }

    private static Tensor features(CsvTable table, int[] cols, List<String> names) {
        int n = table.rows().size();
        int d = cols.length;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = table.rows().get(i);
            for (int k = 0; k < d; k++) {
                x[i * d + k] = number(table, row, cols[k], names.get(cols[k]), "a number");
            }
        }
        return Tensor.of(x, n, d);
    }

    /** Parses a finite float from field {@code col} of {@code row}, or explains what is wrong. */
    static float number(CsvTable table, CsvTable.Row row, int col, String column, String expected) {
        String v = row.fields().get(col);
        String where = table.where(row, col) + ": expected " + expected + " in column '" + column + "', found ";
        if (v.isEmpty()) {
            throw new DataFormatException(where + "an empty field");
        }
        if (!CsvParser.isNumber(v)) {
            throw new DataFormatException(where + DataFormatException.quote(v)
                    + (CsvParser.isNumberLike(v) ? " (NaN and infinity are not allowed)" : ""));
        }
        float f = Float.parseFloat(v);
        if (!Float.isFinite(f)) {
            throw new DataFormatException(where + DataFormatException.quote(v) + " (outside the float range)");
        }
        return f;
    }
}
