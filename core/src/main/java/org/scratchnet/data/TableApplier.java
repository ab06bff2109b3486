package org.scratchnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.scratchnet.tensor.Tensor;

/**
 * Reads a table for a trained model by its {@link ColumnRules}: with a header, the model's
 * feature columns are found by name in any order (extra columns are ignored with one note; a
 * missing one is an error naming it) and the label by its name; without a header, columns are
 * taken by position, checked by width. Missing feature cells take the values stored at training.
 */
public final class TableApplier {
    private TableApplier() {
    }

    /** Features for prediction: x (N, D); a label column, if present, is ignored unread. */
    public static Tensor features(Path file, ColumnRules rules, Consumer<String> notes) {
        return features(CsvSource.open(file, null), rules, notes, LoadOptions.defaults());
    }

    /** As {@link #features(Path, ColumnRules, Consumer)}, reading the file as {@code load} says. */
    public static Tensor features(Path file, ColumnRules rules, Consumer<String> notes, LoadOptions load) {
        return features(CsvSource.open(file, null), rules, notes, load);
    }

    /** As {@link #features} for text in memory. */
    public static Tensor parseFeatures(String source, String text, ColumnRules rules, Consumer<String> notes) {
        return parseFeatures(source, text, rules, notes, null);
    }

    /**
     * As {@link #features} for CSV text whose first row is ({@code header} true) or is not
     * (false) a header; null = detect. Text without a header is read by position.
     */
    public static Tensor parseFeatures(String source, String text, ColumnRules rules, Consumer<String> notes,
            Boolean header) {
        return features(CsvSource.of(source, text, header), rules, notes, LoadOptions.defaults());
    }

    private static Tensor features(CsvSource src, ColumnRules rules, Consumer<String> notes, LoadOptions load) {
        CsvLoader.checkShape(src, 1);
        Layout l = layout(src, rules, false, notes);
        CsvTable t = TableCache.parse(src, modes(src, rules, l, false), load, notes);
        CsvLoader.checkRows(t);
        return ColumnEncoder.encode(t, l.cols, rules, notes, true);
    }

    /**
     * Labelled data for evaluation: x (N, D) and y encoded with the model's {@code classNames}
     * (classification) or raw (regression). Rows with a missing label are skipped (one note).
     */
    public static TabularData labelled(Path file, ColumnRules rules, Task task, List<String> classNames,
            Consumer<String> notes) {
        return labelled(CsvSource.open(file, null), rules, task, classNames, notes, LoadOptions.defaults());
    }

    /** As {@link #labelled(Path, ColumnRules, Task, List, Consumer)}, reading the file as {@code load} says. */
    public static TabularData labelled(Path file, ColumnRules rules, Task task, List<String> classNames,
            Consumer<String> notes, LoadOptions load) {
        return labelled(CsvSource.open(file, null), rules, task, classNames, notes, load);
    }

    /** As {@link #labelled} for text in memory. */
    public static TabularData parseLabelled(String source, String text, ColumnRules rules, Task task,
            List<String> classNames, Consumer<String> notes) {
        return labelled(CsvSource.of(source, text, null), rules, task, classNames, notes, LoadOptions.defaults());
    }

    private static TabularData labelled(CsvSource src, ColumnRules rules, Task task, List<String> classNames,
            Consumer<String> notes, LoadOptions load) {
        TabularData d = encodeLabelled(src, rules, task, classNames, notes, load);
        CsvLoad.collectIfLarge(d.dataset().size(), src.columns); // the parsed table is garbage now
        return d;
    }

    private static TabularData encodeLabelled(CsvSource src, ColumnRules rules, Task task, List<String> classNames,
            Consumer<String> notes, LoadOptions load) {
        CsvLoader.checkShape(src, 2);
        Layout l = layout(src, rules, true, notes);
        CsvTable t = TableCache.parse(src, modes(src, rules, l, true), load, notes);
        CsvLoader.checkRows(t);
        boolean[] keep = new boolean[t.rows()];
        int kept = 0;
        for (int i = 0; i < t.rows(); i++) {
            keep[i] = !t.missing(l.label, i);
            kept += keep[i] ? 1 : 0;
        }
        if (kept < t.rows()) {
            notes.accept("skipped " + (t.rows() - kept) + " row(s) whose label '" + rules.label() + "' is missing");
            t.retain(keep);
        }
        if (kept == 0) {
            throw new DataFormatException(src.source + ": expected rows with a label in column '" + rules.label()
                    + "', found none");
        }
        LabelEncoder enc = new LabelEncoder(t, l.label, rules.label());
        enc.checkRepresentable();
        Tensor x = ColumnEncoder.encode(t, l.cols, rules, notes, true);
        Dataset d = task == Task.REGRESSION ? new Dataset(x, enc.regressionTargets())
                : new Dataset(x, enc.encode(classNames, true), classNames);
        return new TabularData(d, rules.encodedNames(), task == Task.REGRESSION ? List.of() : classNames, task,
                rules.label());
    }

    /** How each column is read: number columns as numbers-or-text, category columns as text, the label as a label. */
    static byte[] modes(CsvSource src, ColumnRules rules, Layout l, boolean label) {
        byte[] modes = new byte[src.columns];
        for (int f = 0; f < l.cols.length; f++) {
            modes[l.cols[f]] = rules.features().get(f).kind() == ColumnRules.Kind.NUMBER ? ChunkParser.HYBRID
                    : ChunkParser.TEXT;
        }
        if (label) {
            modes[l.label] = ChunkParser.LABEL;
        }
        return modes;
    }

    /** Where each of the model's feature columns (and the label, -1 if absent) is in {@code t}. */
    record Layout(int[] cols, int label) {
    }

    static Layout layout(CsvSource t, ColumnRules rules, boolean needLabel, Consumer<String> notes) {
        List<ColumnRules.Column> features = rules.features();
        int[] cols = new int[features.size()];
        int width = t.columns;
        if (t.header != null && rules.header()) {
            List<String> header = t.header;
            List<Integer> used = new ArrayList<>();
            for (int f = 0; f < cols.length; f++) {
                cols[f] = header.indexOf(features.get(f).name());
                if (cols[f] < 0) {
                    throw new DataFormatException(t.source + ":1: expected a column named '" + features.get(f).name()
                            + "' (a feature of the model), found columns: " + String.join(", ", header));
                }
                used.add(cols[f]);
            }
            int label = header.indexOf(rules.label());
            if (label < 0 && needLabel) {
                throw new DataFormatException(t.source + ":1: expected the label column '" + rules.label()
                        + "', found columns: " + String.join(", ", header));
            }
            used.add(label);
            List<String> extra = new ArrayList<>();
            for (int j = 0; j < width; j++) {
                if (!used.contains(j)) {
                    extra.add(header.get(j));
                }
            }
            if (!extra.isEmpty()) {
                notes.accept(t.source + ": ignoring column(s) the model does not use: " + String.join(", ", extra));
            }
            return new Layout(cols, label);
        }
        // by position: the training file's layout, or (for prediction) the feature columns alone
        if (width == rules.sourceWidth()) {
            for (int f = 0; f < cols.length; f++) {
                cols[f] = features.get(f).index();
            }
            return new Layout(cols, rules.labelIndex());
        }
        if (width == cols.length && !needLabel) {
            for (int f = 0; f < cols.length; f++) {
                cols[f] = f;
            }
            return new Layout(cols, -1);
        }
        throw new DataFormatException(t.source + ":" + t.firstDataLine + ": expected " + rules.sourceWidth()
                + " columns (as the training file, label '" + rules.label() + "' at index " + rules.labelIndex() + ")"
                + (needLabel ? "" : " or " + cols.length + " (the features alone)") + ", found " + width
                + (t.header == null ? "" : "; a header matching the training file's column names would pick columns by name"));
    }
}
