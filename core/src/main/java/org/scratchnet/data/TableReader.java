package org.scratchnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.scratchnet.tensor.Tensor;

/**
 * Reads a training table with text columns, empty cells and columns in any order (rules in
 * docs/csv.md). Three steps, so that the column rules are learned on the training rows only:
 *
 * <pre>{@code
 * TableReader t = TableReader.read(Path.of("people.csv"), new TableOptions().drop(List.of("name")), notes::add);
 * ColumnRules rules = t.fit(trainRows);          // vocabularies and fill values from these rows
 * Dataset all = t.dataset(rules, notes::add);     // x (N, D) encoded, y as CsvLoader encodes labels
 * }</pre>
 *
 * Rows whose label is missing are skipped (one note); rows with a missing feature are an error
 * unless {@link TableOptions#impute} or {@link TableOptions#dropMissing} says otherwise.
 */
public final class TableReader {
    private final CsvTable table;
    private final List<String> names;
    private final int labelCol;
    private final int[] featureCols;
    private final boolean[] category;
    private final Imputation impute;
    private final Tensor y;
    private final List<String> classes;
    private final Task task;

    private TableReader(CsvTable table, List<String> names, int labelCol, int[] featureCols, boolean[] category,
            Imputation impute, Tensor y, List<String> classes, Task task) {
        this.table = table;
        this.names = names;
        this.labelCol = labelCol;
        this.featureCols = featureCols;
        this.category = category;
        this.impute = impute;
        this.y = y;
        this.classes = classes;
        this.task = task;
    }

    /** Reads and checks {@code file}; notes (skipped rows, columns read as categories) go to {@code notes}. */
    public static TableReader read(Path file, TableOptions o, Consumer<String> notes) {
        return parse(file.toString(), CsvLoader.read(file), o, notes);
    }

    /** As {@link #read} for text in memory; {@code source} names it in messages. */
    public static TableReader parse(String source, String text, TableOptions o, Consumer<String> notes) {
        CsvTable all = CsvParser.parse(source, text, o.header);
        CsvLoader.checkShape(all, 2);
        List<String> names = CsvLoader.columnNames(all);
        int labelCol = CsvLoader.labelColumn(all, names, o.label);
        int[] featureCols = chooseFeatures(all, names, labelCol, o);
        Set<Integer> forced = new LinkedHashSet<>();
        for (String c : o.categorical) {
            int col = column(all, names, c, "--categorical");
            if (!contains(featureCols, col)) {
                throw new ColumnSelectionException("--categorical: column '" + names.get(col) + "' is not a feature");
            }
            forced.add(col);
        }
        String labelName = names.get(labelCol);
        List<CsvTable.Row> rows = new ArrayList<>();
        int noLabel = 0, dropped = 0;
        for (CsvTable.Row row : all.rows()) {
            if (Imputation.isMissing(row.fields().get(labelCol))) {
                noLabel++;
                continue;
            }
            int missing = firstMissing(row, featureCols);
            if (missing >= 0) {
                if (o.dropMissing) {
                    dropped++;
                    continue;
                }
                if (o.impute == Imputation.NONE) {
                    String v = row.fields().get(missing);
                    throw new DataFormatException(all.where(row, missing) + ": expected a value in column '"
                            + names.get(missing) + "', found " + (v.isEmpty() ? "an empty field" : DataFormatException.quote(v)
                            + " (a missing value)") + ": fill such cells with --impute mean|median|most-frequent,"
                            + " or skip such rows with --drop-missing");
                }
            }
            rows.add(row);
        }
        if (noLabel > 0) {
            notes.accept("skipped " + noLabel + " row(s) whose label '" + labelName + "' is missing");
        }
        if (dropped > 0) {
            notes.accept("skipped " + dropped + " row(s) with missing feature values (--drop-missing)");
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(source + ": expected rows with a label and features, found none left after"
                    + " skipping " + (noLabel + dropped) + " row(s) with missing values");
        }
        CsvTable kept = new CsvTable(source, all.header(), rows);
        boolean[] category = new boolean[featureCols.length];
        for (int f = 0; f < featureCols.length; f++) {
            int col = featureCols[f];
            category[f] = forced.contains(col) || hasText(kept, col);
            if (category[f] && !forced.contains(col)) {
                notes.accept("column '" + names.get(col) + "' holds text: read as categories (one-hot)");
            }
        }
        List<String> labels = labels(kept, labelCol, labelName);
        LabelEncoder enc = new LabelEncoder(kept, labelCol, labelName);
        Task task = enc.resolve(o.task, labels, o.classNames);
        Tensor y;
        List<String> classes;
        if (task == Task.REGRESSION) {
            y = enc.regressionTargets(labels);
            classes = List.of();
        } else {
            classes = o.classNames != null ? o.classNames : enc.classNames(labels);
            y = enc.encode(labels, classes, o.classNames != null);
        }
        return new TableReader(kept, names, labelCol, featureCols, category, o.impute, y, classes, task);
    }

    /** The label of every row, checked as {@link CsvLoader} checks them. */
    static List<String> labels(CsvTable t, int labelCol, String labelName) {
        List<String> labels = new ArrayList<>(t.rows().size());
        for (CsvTable.Row r : t.rows()) {
            String v = r.fields().get(labelCol);
            if (!LabelEncoder.representable(v)) {
                // BigDecimal (used to compare numeric labels) holds exponents up to about ±2e9 only
                throw new DataFormatException(t.where(r, labelCol) + ": expected a label in column '" + labelName
                        + "', found " + DataFormatException.quote(v) + " (a number with an exponent out of range)");
            }
            labels.add(v);
        }
        return labels;
    }

    /** Rows kept (after skipping rows with missing labels or, with dropMissing, features). */
    public int rows() {
        return table.rows().size();
    }

    public Task task() {
        return task;
    }

    /** Class names in output order (empty for regression). */
    public List<String> classNames() {
        return classes;
    }

    public String labelName() {
        return names.get(labelCol);
    }

    /**
     * Learns the column rules from the rows listed in {@code fitRows} (indices below
     * {@link #rows()}; null = all): vocabularies sorted as strings, fill values by the imputation.
     */
    public ColumnRules fit(int[] fitRows) {
        List<CsvTable.Row> rows = new ArrayList<>();
        if (fitRows == null) {
            rows.addAll(table.rows());
        } else {
            for (int i : fitRows) {
                rows.add(table.rows().get(i));
            }
        }
        List<ColumnRules.Column> cols = new ArrayList<>();
        for (int f = 0; f < featureCols.length; f++) {
            int col = featureCols[f];
            List<String> values = new ArrayList<>();
            for (CsvTable.Row r : rows) {
                String v = r.fields().get(col);
                if (!Imputation.isMissing(v)) {
                    values.add(v);
                }
            }
            if (category[f]) {
                // sorted vocabulary, as scikit-learn's OneHotEncoder; all of the column's values if the fit rows have none
                Map<String, Integer> counts = new TreeMap<>();
                (values.isEmpty() ? allValues(col) : values).forEach(v -> counts.merge(v, 1, Integer::sum));
                cols.add(new ColumnRules.Column(names.get(col), col, ColumnRules.Kind.CATEGORY,
                        new ArrayList<>(counts.keySet()), mostFrequent(counts)));
            } else {
                cols.add(new ColumnRules.Column(names.get(col), col, ColumnRules.Kind.NUMBER, List.of(),
                        numberFill(col, rows, values)));
            }
        }
        return new ColumnRules(labelName(), labelCol, names.size(), table.header() != null, cols, null);
    }

    /** x (N, D) for every kept row with {@code rules} applied, and y as the labels were encoded. */
    public Dataset dataset(ColumnRules rules, Consumer<String> notes) {
        Tensor x = ColumnEncoder.encode(table, table.rows(), featureCols, rules, notes, false);
        return task == Task.REGRESSION ? new Dataset(x, y) : new Dataset(x, y, classes);
    }

    private String numberFill(int col, List<CsvTable.Row> rows, List<String> values) {
        if (values.isEmpty()) {
            return "0";
        }
        double[] v = new double[values.size()];
        int i = 0;
        for (CsvTable.Row r : rows) {
            if (!Imputation.isMissing(r.fields().get(col))) {
                v[i++] = CsvLoader.number(table, r, col, names.get(col), "a number");
            }
        }
        if (impute == Imputation.MEDIAN) {
            Arrays.sort(v);
            int m = v.length / 2;
            return Float.toString((float) (v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2));
        }
        if (impute == Imputation.MOST_FREQUENT) {
            Map<Double, Integer> counts = new TreeMap<>();
            for (double d : v) {
                counts.merge(d, 1, Integer::sum);
            }
            double best = v[0];
            int bestCount = 0;
            for (Map.Entry<Double, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) { // ties: the smallest value, as scikit-learn
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return Float.toString((float) best);
        }
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return Float.toString((float) (sum / v.length));
    }

    private List<String> allValues(int col) {
        List<String> out = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            String v = r.fields().get(col);
            if (!Imputation.isMissing(v)) {
                out.add(v);
            }
        }
        if (out.isEmpty()) {
            throw new DataFormatException(table.source() + ": column '" + names.get(col)
                    + "' has no values (every cell is missing): drop it with --drop");
        }
        return out;
    }

    /** The most frequent key; ties go to the first in sorted order (as scikit-learn's SimpleImputer). */
    private static String mostFrequent(Map<String, Integer> counts) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static int[] chooseFeatures(CsvTable t, List<String> names, int labelCol, TableOptions o) {
        if (o.features != null && !o.drop.isEmpty()) {
            throw new ColumnSelectionException("--features and --drop: give one of them, not both");
        }
        List<Integer> cols = new ArrayList<>();
        if (o.features != null) {
            for (String c : o.features) {
                int col = column(t, names, c, "--features");
                if (col == labelCol) {
                    throw new ColumnSelectionException("--features: column '" + names.get(col)
                            + "' is the label; choose the label with --label");
                }
                if (cols.contains(col)) {
                    throw new ColumnSelectionException("--features: column '" + names.get(col) + "' is listed twice");
                }
                cols.add(col);
            }
        } else {
            Set<Integer> dropped = new LinkedHashSet<>();
            for (String c : o.drop) {
                dropped.add(column(t, names, c, "--drop"));
            }
            for (int j = 0; j < names.size(); j++) {
                if (j != labelCol && !dropped.contains(j)) {
                    cols.add(j);
                }
            }
        }
        if (cols.isEmpty()) {
            throw new ColumnSelectionException("--drop: no feature column left (the header has: "
                    + String.join(", ", names) + ")");
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A column by header name, else by 0-based index; unknown ones are one-line errors listing the header. */
    static int column(CsvTable t, List<String> names, String ref, String option) {
        String r = ref.trim();
        int byName = names.indexOf(r);
        if (byName >= 0 && t.header() != null) {
            return byName;
        }
        try {
            int index = Integer.parseInt(r);
            if (index >= 0 && index < names.size()) {
                return index;
            }
        } catch (NumberFormatException e) {
            // not an index either: reported below
        }
        throw new ColumnSelectionException(option + ": no column " + DataFormatException.quote(r) + " in "
                + t.source() + (t.header() == null ? " (no header: use 0-based indices 0.." + (names.size() - 1) + ")"
                : "; the header has: " + String.join(", ", names)));
    }

    private static int firstMissing(CsvTable.Row row, int[] cols) {
        int first = -1;
        for (int c : cols) {
            if (Imputation.isMissing(row.fields().get(c)) && (first < 0 || c < first)) {
                first = c;
            }
        }
        return first;
    }

    private static boolean hasText(CsvTable t, int col) {
        for (CsvTable.Row r : t.rows()) {
            String v = r.fields().get(col);
            if (!Imputation.isMissing(v) && !CsvParser.isNumberLike(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
