package org.scratchnet.data;

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
        return load(CsvSource.open(file, options.header), options, LoadOptions.defaults());
    }

    /** As {@link #load} for text already in memory; {@code source} names it in messages. */
    public static TabularData parse(String source, String text, CsvOptions options) {
        return load(CsvSource.of(source, text, options.header), options, LoadOptions.defaults());
    }

    private static TabularData load(CsvSource src, CsvOptions options, LoadOptions lo) {
        checkShape(src, 2);
        int columns = src.columns;
        List<String> names = src.names();
        int labelCol = labelColumn(src, names, options.label);
        int d = columns - 1;
        if (options.expectedFeatures >= 0 && d != options.expectedFeatures) {
            throw new DataFormatException(src.source + ": expected " + options.expectedFeatures
                    + " feature columns (the model's input width) plus the label, found " + d + " features");
        }
        List<String> featureNames = new ArrayList<>(names);
        featureNames.remove(labelCol);
        int[] featureCols = new int[d];
        byte[] modes = new byte[columns];
        for (int j = 0, k = 0; j < columns; j++) {
            modes[j] = j == labelCol ? ChunkParser.LABEL : ChunkParser.HYBRID;
            if (j != labelCol) {
                featureCols[k++] = j;
            }
        }
        CsvTable table = CsvLoad.parse(src, modes, lo);
        checkRows(table);
        Tensor x = features(table, featureCols, names);
        LabelEncoder enc = new LabelEncoder(table, labelCol, names.get(labelCol));
        int empty = enc.firstEmpty();
        if (empty >= 0) {
            throw new DataFormatException(table.where(empty, labelCol) + ": expected a label in column '"
                    + names.get(labelCol) + "', found an empty field");
        }
        enc.checkRepresentable();
        Task task = enc.resolve(options.task, options.classNames);
        if (task == Task.REGRESSION) {
            return new TabularData(new Dataset(x, enc.regressionTargets()), featureNames, List.of(), task,
                    names.get(labelCol));
        }
        List<String> classes = options.classNames != null ? options.classNames : enc.classNames();
        Tensor y = enc.encode(classes, options.classNames != null);
        return new TabularData(new Dataset(x, y, classes), featureNames, classes, task, names.get(labelCol));
    }

    /**
     * Reads a features-only file for prediction: every column is a feature and there must be
     * exactly {@code expectedFeatures} of them (-1 = any). Returns x (N, D).
     */
    public static Tensor readFeatures(Path file, int expectedFeatures) {
        return features(CsvSource.open(file, null), expectedFeatures);
    }

    /** As {@link #readFeatures} for text in memory. */
    public static Tensor parseFeatures(String source, String text, int expectedFeatures) {
        return features(CsvSource.of(source, text, null), expectedFeatures);
    }

    private static Tensor features(CsvSource src, int expectedFeatures) {
        checkShape(src, 1);
        if (expectedFeatures >= 0 && src.columns != expectedFeatures) {
            throw new DataFormatException(src.source + ":" + src.firstDataLine + ": expected "
                    + expectedFeatures + " features (the model's input width), found " + src.columns);
        }
        int[] cols = new int[src.columns];
        byte[] modes = new byte[src.columns];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = j;
            modes[j] = ChunkParser.HYBRID;
        }
        CsvTable table = CsvLoad.parse(src, modes, LoadOptions.defaults());
        checkRows(table);
        return features(table, cols, src.names());
    }

    /**
     * Features for prediction from a file that may also hold a label column, which is ignored (its
     * values are never checked): {@code label} names it (a header name or index, as
     * {@link CsvOptions#label}); with null, a file with exactly {@code expectedFeatures} + 1
     * columns drops its last one. Returns x (N, D).
     */
    public static Tensor readFeatures(Path file, int expectedFeatures, String label) {
        return features(CsvSource.open(file, null), expectedFeatures, label);
    }

    /** As {@link #readFeatures(Path, int, String)} for text in memory. */
    public static Tensor parseFeatures(String source, String text, int expectedFeatures, String label) {
        return features(CsvSource.of(source, text, null), expectedFeatures, label);
    }

    private static Tensor features(CsvSource src, int expectedFeatures, String label) {
        checkShape(src, 1);
        List<String> names = src.names();
        int columns = src.columns;
        int drop = label != null ? labelColumn(src, names, label)
                : expectedFeatures >= 0 && columns == expectedFeatures + 1 ? columns - 1 : -1;
        int d = columns - (drop >= 0 ? 1 : 0);
        if (expectedFeatures >= 0 && d != expectedFeatures) {
            throw new DataFormatException(src.source + ":" + src.firstDataLine + ": expected " + expectedFeatures
                    + " features (the model's input width)" + (drop >= 0 ? " besides the label column '"
                    + names.get(drop) + "'" : "") + ", found " + d);
        }
        int[] cols = new int[d];
        byte[] modes = new byte[columns];
        for (int j = 0, k = 0; j < columns; j++) {
            if (j != drop) {
                cols[k++] = j;
                modes[j] = ChunkParser.HYBRID;
            }
        }
        CsvTable table = CsvLoad.parse(src, modes, LoadOptions.defaults());
        checkRows(table);
        return features(table, cols, names);
    }

    /**
     * Checks what the prefix shows: data rows after a header, at least {@code minColumns} columns,
     * non-empty unique header names. Field counts are checked row by row while parsing.
     */
    static void checkShape(CsvSource src, int minColumns) {
        String name = src.source;
        if (src.firstDataLine < 0 && src.wholePrefix) {
            throw new DataFormatException(name + ": expected data rows after the header, found only the header (line 1)");
        }
        int columns = src.columns;
        if (columns < minColumns) {
            throw new DataFormatException(name + ":" + src.firstDataLine + ": expected at least " + minColumns
                    + " columns (features and a label), found " + columns + (src.spaced
                    ? "; the values are separated by spaces, and a table needs a comma, semicolon or tab between them"
                    : ""));
        }
        if (src.header != null) {
            Map<String, Integer> seen = new HashMap<>();
            for (int j = 0; j < columns; j++) {
                String h = src.header.get(j);
                if (h.isEmpty()) {
                    throw new DataFormatException(name + ":1:" + (j + 1) + ": expected a column name, found an empty field");
                }
                Integer before = seen.putIfAbsent(h, j);
                if (before != null) {
                    throw new DataFormatException(name + ":1:" + (j + 1) + ": expected unique column names, found "
                            + DataFormatException.quote(h) + " again (also column " + (before + 1) + ")");
                }
            }
        }
    }

    /** A parsed table must have rows. */
    static void checkRows(CsvTable table) {
        if (table.rows() == 0) {
            throw new DataFormatException(table.source()
                    + ": expected data rows after the header, found only the header (line 1)");
        }
    }

    static int labelColumn(CsvSource src, List<String> names, String label) {
        int columns = names.size();
        if (label == null) {
            return columns - 1;
        }
        int byName = src.header == null ? -1 : src.header.indexOf(label);
        if (byName >= 0) {
            return byName;
        }
        try {
            int index = Integer.parseInt(label.trim());
            int col = index < 0 ? columns + index : index;
            if (col >= 0 && col < columns) {
                return col;
            }
            throw new DataFormatException(src.source + ": expected a label column index in 0.." + (columns - 1)
                    + " (or -1.." + (-columns) + " from the end), found " + index);
        } catch (NumberFormatException e) {
            throw new DataFormatException(src.source + ": expected a label column named one of " + names
                    + " or a 0-based index, found " + DataFormatException.quote(label));
        }
    }

    /** x (N, D) from the number columns {@code cols} of every row. */
    private static Tensor features(CsvTable table, int[] cols, List<String> names) {
        int n = table.rows();
        int d = cols.length;
        float[] x = new float[n * d];
        java.nio.IntBuffer[] cells = new java.nio.IntBuffer[d];
        for (int k = 0; k < d; k++) {
            cells[k] = table.cells[cols[k]];
        }
        for (int i = 0; i < n; i++) { // row by row, so that an error names the first bad row
            for (int k = 0; k < d; k++) {
                int v = cells[k].get(i);
                x[i * d + k] = ChunkParser.isText(v) ? number(table, i, cols[k], names.get(cols[k]), "a number")
                        : Float.intBitsToFloat(v);
            }
        }
        return Tensor.of(x, n, d);
    }

    /** The finite float in a cell, or a one-line error saying what is wrong with it. */
    static float number(CsvTable table, int row, int col, String column, String expected) {
        if (!table.isText(col, row)) {
            return table.number(col, row);
        }
        String v = table.text(col, row);
        String where = table.where(row, col) + ": expected " + expected + " in column '" + column + "', found ";
        if (v.isEmpty()) {
            throw new DataFormatException(where + "an empty field");
        }
        if (!CsvParser.isNumber(v)) {
            throw new DataFormatException(where + DataFormatException.quote(v)
                    + (CsvParser.isNumberLike(v) ? " (NaN and infinity are not allowed)" : ""));
        }
        throw new DataFormatException(where + DataFormatException.quote(v) + " (outside the float range)");
    }
}
