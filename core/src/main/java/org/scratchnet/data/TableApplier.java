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
        return parseFeatures(file.toString(), CsvLoader.read(file), rules, notes);
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
        CsvTable t = CsvParser.parse(source, text, header);
        CsvLoader.checkShape(t, 1);
        Layout l = layout(t, rules, false, notes);
        return ColumnEncoder.encode(t, t.rows(), l.cols, rules, notes, true);
    }

    /**
     * Labelled data for evaluation: x (N, D) and y encoded with the model's {@code classNames}
     * (classification) or raw (regression). Rows with a missing label are skipped (one note).
     */
    public static TabularData labelled(Path file, ColumnRules rules, Task task, List<String> classNames,
            Consumer<String> notes) {
        return parseLabelled(file.toString(), CsvLoader.read(file), rules, task, classNames, notes);
    }

    /** As {@link #labelled} for text in memory. */
    public static TabularData parseLabelled(String source, String text, ColumnRules rules, Task task,
            List<String> classNames, Consumer<String> notes) {
        CsvTable t = CsvParser.parse(source, text, null);
        CsvLoader.checkShape(t, 2);
        Layout l = layout(t, rules, true, notes);
        List<CsvTable.Row> rows = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            if (!Imputation.isMissing(r.fields().get(l.label))) {
                rows.add(r);
            }
        }
        if (rows.size() < t.rows().size()) {
            notes.accept("skipped " + (t.rows().size() - rows.size()) + " row(s) whose label '" + rules.label()
                    + "' is missing");
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(source + ": expected rows with a label in column '" + rules.label()
                    + "', found none");
        }
        CsvTable kept = new CsvTable(source, t.header(), rows);
        List<String> labels = TableReader.labels(kept, l.label, rules.label());
        Tensor x = ColumnEncoder.encode(kept, rows, l.cols, rules, notes, true);
        LabelEncoder enc = new LabelEncoder(kept, l.label, rules.label());
        Dataset d = task == Task.REGRESSION ? new Dataset(x, enc.regressionTargets(labels))
                : new Dataset(x, enc.encode(labels, classNames, true), classNames);
        return new TabularData(d, rules.encodedNames(), task == Task.REGRESSION ? List.of() : classNames, task,
                rules.label());
    }

    /** Where each of the model's feature columns (and the label, -1 if absent) is in {@code t}. */
    private record Layout(int[] cols, int label) {
    }

    private static Layout layout(CsvTable t, ColumnRules rules, boolean needLabel, Consumer<String> notes) {
        List<ColumnRules.Column> features = rules.features();
        int[] cols = new int[features.size()];
        int width = t.columns();
        if (t.header() != null && rules.header()) {
            List<String> header = t.header();
            List<Integer> used = new ArrayList<>();
            for (int f = 0; f < cols.length; f++) {
                cols[f] = header.indexOf(features.get(f).name());
                if (cols[f] < 0) {
                    throw new DataFormatException(t.source() + ":1: expected a column named '" + features.get(f).name()
                            + "' (a feature of the model), found columns: " + String.join(", ", header));
                }
                used.add(cols[f]);
            }
            int label = header.indexOf(rules.label());
            if (label < 0 && needLabel) {
                throw new DataFormatException(t.source() + ":1: expected the label column '" + rules.label()
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
                notes.accept(t.source() + ": ignoring column(s) the model does not use: " + String.join(", ", extra));
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
        throw new DataFormatException(t.source() + ":" + t.rows().get(0).line() + ": expected " + rules.sourceWidth()
                + " columns (as the training file, label '" + rules.label() + "' at index " + rules.labelIndex() + ")"
                + (needLabel ? "" : " or " + cols.length + " (the features alone)") + ", found " + width
                + (t.header() == null ? "" : "; a header matching the training file's column names would pick columns by name"));
    }
}
