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
 * unless {@link TableOptions#impute} or {@link TableOptions#dropMissing} says otherwise. The file
 * is held by column ({@link CsvTable}): one int per used cell, nothing per row.
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
    private ColumnRules lastRules;
    private Dataset lastDataset;

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
        return read(file, o, LoadOptions.defaults(), notes);
    }

    /** As {@link #read(Path, TableOptions, Consumer)}, reading the file as {@code load} says (rows, progress, cache). */
    public static TableReader read(Path file, TableOptions o, LoadOptions load, Consumer<String> notes) {
        return read(CsvSource.open(file, o.header), o, load, notes);
    }

    /** As {@link #read} for text in memory; {@code source} names it in messages. */
    public static TableReader parse(String source, String text, TableOptions o, Consumer<String> notes) {
        return read(CsvSource.of(source, text, o.header), o, LoadOptions.defaults(), notes);
    }

    private static TableReader read(CsvSource src, TableOptions o, LoadOptions load, Consumer<String> notes) {
        CsvLoader.checkShape(src, 2);
        List<String> names = src.names();
        int labelCol = CsvLoader.labelColumn(src, names, o.label);
        int[] featureCols = chooseFeatures(src, names, labelCol, o);
        Set<Integer> forced = new LinkedHashSet<>();
        for (String c : o.categorical) {
            int col = column(src, names, c, "--categorical");
            if (!contains(featureCols, col)) {
                throw new ColumnSelectionException("--categorical: column '" + names.get(col) + "' is not a feature");
            }
            forced.add(col);
        }
        byte[] modes = new byte[src.columns];
        for (int col : featureCols) {
            modes[col] = forced.contains(col) ? ChunkParser.TEXT : ChunkParser.HYBRID;
        }
        modes[labelCol] = ChunkParser.LABEL;
        CsvTable all = TableCache.parse(src, modes, load, notes);
        CsvLoader.checkRows(all);
        String labelName = names.get(labelCol);
        boolean[] keep = new boolean[all.rows()];
        int noLabel = 0, dropped = 0;
        boolean anyMissing = all.mayMiss(labelCol);
        for (int col : featureCols) {
            anyMissing |= all.mayMiss(col);
        }
        if (!anyMissing) { // no column holds a missing-value text at all: every row is kept, no row needs a look
            java.util.Arrays.fill(keep, true);
        }
        for (int i = 0; anyMissing && i < all.rows(); i++) {
            if (all.missing(labelCol, i)) {
                noLabel++;
                continue;
            }
            int missing = firstMissing(all, i, featureCols);
            if (missing >= 0) {
                if (o.dropMissing) {
                    dropped++;
                    continue;
                }
                if (o.impute == Imputation.NONE) {
                    String v = all.text(missing, i);
                    throw new DataFormatException(all.where(i, missing) + ": expected a value in column '"
                            + names.get(missing) + "', found " + (v.isEmpty() ? "an empty field" : DataFormatException.quote(v)
                            + " (a missing value)") + ": fill such cells with --impute mean|median|most-frequent,"
                            + " or skip such rows with --drop-missing");
                }
            }
            keep[i] = true;
        }
        if (noLabel > 0) {
            notes.accept("skipped " + noLabel + " row(s) whose label '" + labelName + "' is missing");
        }
        if (dropped > 0) {
            notes.accept("skipped " + dropped + " row(s) with missing feature values (--drop-missing)");
        }
        if (noLabel + dropped == all.rows()) {
            throw new DataFormatException(src.source + ": expected rows with a label and features, found none left after"
                    + " skipping " + (noLabel + dropped) + " row(s) with missing values");
        }
        boolean[] category = new boolean[featureCols.length];
        byte[] reread = new byte[src.columns];
        boolean anyReread = false;
        for (int f = 0; f < featureCols.length; f++) {
            int col = featureCols[f];
            category[f] = forced.contains(col) || hasText(all, col, keep);
            if (category[f] && !forced.contains(col)) {
                notes.accept("column '" + names.get(col) + "' holds text: read as categories (one-hot)");
                if (hasNumbers(all, col)) { // the numbers' own text is needed as categories ("1.0" is not "1")
                    reread[col] = ChunkParser.TEXT;
                    anyReread = true;
                }
            }
        }
        if (anyReread) {
            CsvTable text = CsvLoad.parse(src, reread, load); // the cache keeps the first read only
            for (int col = 0; col < reread.length; col++) {
                if (reread[col] == ChunkParser.TEXT) {
                    all.replaceWithText(col, text);
                }
            }
        }
        if (noLabel + dropped > 0) {
            all.retain(keep);
        }
        for (int f = 0; f < featureCols.length; f++) {
            if (category[f] && !forced.contains(featureCols[f])) {
                CategoryNotes.check(names.get(featureCols[f]), categoryCounts(all, featureCols[f], every(all.rows())), notes);
            }
        }
        LabelEncoder enc = new LabelEncoder(all, labelCol, labelName);
        enc.checkRepresentable();
        Task task = enc.resolve(o.task, o.classNames);
        Tensor y;
        List<String> classes;
        if (task == Task.REGRESSION) {
            y = enc.regressionTargets();
            classes = List.of();
        } else {
            classes = o.classNames != null ? o.classNames : enc.classNames();
            y = enc.encode(classes, o.classNames != null);
        }
        return new TableReader(all, names, labelCol, featureCols, category, o.impute, y, classes, task);
    }

    /** Rows kept (after skipping rows with missing labels or, with dropMissing, features). */
    public int rows() {
        return table.rows();
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
        if (table.cells == null) {
            throw new IllegalStateException("TableReader.fit: the cells were released");
        }
        int[] rows = fitRows != null ? fitRows : every(table.rows());
        List<ColumnRules.Column> cols = new ArrayList<>();
        for (int f = 0; f < featureCols.length; f++) {
            int col = featureCols[f];
            if (category[f]) {
                // sorted vocabulary, as scikit-learn's OneHotEncoder; all of the column's values if the fit rows have none
                Map<String, Integer> counts = categoryCounts(table, col, rows);
                if (counts.isEmpty()) {
                    counts = categoryCounts(table, col, every(table.rows()));
                }
                if (counts.isEmpty()) {
                    throw new DataFormatException(table.source() + ": column '" + names.get(col)
                            + "' has no values (every cell is missing): drop it with --drop");
                }
                cols.add(new ColumnRules.Column(names.get(col), col, ColumnRules.Kind.CATEGORY,
                        new ArrayList<>(counts.keySet()), mostFrequent(counts)));
            } else {
                cols.add(new ColumnRules.Column(names.get(col), col, ColumnRules.Kind.NUMBER, List.of(),
                        numberFill(col, rows)));
            }
        }
        return new ColumnRules(labelName(), labelCol, names.size(), table.header() != null, cols, null);
    }

    /**
     * x (N, D) for every kept row with {@code rules} applied, and y as the labels were encoded.
     * When the last call's rules encode every cell the same way (same vocabularies, and fill values
     * that differ only in columns with no missing cell), its dataset is returned again instead of a
     * second copy: a large table is then encoded once.
     */
    public Dataset dataset(ColumnRules rules, Consumer<String> notes) {
        if (lastRules != null && encodesSame(rules, lastRules)) {
            return lastDataset;
        }
        if (table.cells == null) {
            throw new IllegalStateException("TableReader.dataset: the cells were released");
        }
        Tensor x = ColumnEncoder.encode(table, featureCols, rules, notes, false);
        lastRules = rules;
        lastDataset = task == Task.REGRESSION ? new Dataset(x, y) : new Dataset(x, y, classes);
        return lastDataset;
    }

    /** Lets the parsed cells go (about 4 bytes a cell); {@link #fit} and new encodings are no longer possible. */
    public void release() {
        table.release();
        lastRules = null;
        lastDataset = null;
    }

    private boolean encodesSame(ColumnRules a, ColumnRules b) {
        if (a.features().size() != b.features().size()) {
            return false;
        }
        for (int f = 0; f < a.features().size(); f++) {
            ColumnRules.Column ca = a.features().get(f), cb = b.features().get(f);
            if (ca.kind() != cb.kind() || !ca.categories().equals(cb.categories())) {
                return false;
            }
            if (!ca.fill().equals(cb.fill()) && (table.cells == null || hasMissing(featureCols[f]))) {
                return false;
            }
        }
        return true;
    }

    private boolean hasMissing(int col) {
        for (int i = 0; i < table.rows(); i++) {
            if (table.missing(col, i)) {
                return true;
            }
        }
        return false;
    }

    private static int[] every(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** Counts of each present value of a category column over {@code rows}, sorted by value. */
    private static Map<String, Integer> categoryCounts(CsvTable table, int col, int[] rows) {
        String[] dict = table.dicts[col];
        int[] counts = new int[dict.length];
        for (int i : rows) {
            if (!table.missing(col, i)) {
                counts[table.code(col, i)]++;
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        for (int k = 0; k < dict.length; k++) {
            if (counts[k] > 0) {
                out.merge(dict[k], counts[k], Integer::sum);
            }
        }
        return out;
    }

    private String numberFill(int col, int[] rows) {
        boolean mayMiss = table.mayMiss(col);
        int present = mayMiss ? 0 : rows.length;
        for (int i = 0; mayMiss && i < rows.length; i++) {
            if (!table.missing(col, rows[i])) {
                present++;
            }
        }
        if (present == 0) {
            return "0";
        }
        if (impute != Imputation.MEDIAN && impute != Imputation.MOST_FREQUENT) { // the mean: no copy of the column
            double sum = 0;
            for (int i : rows) {
                int v = table.cell(col, i);
                if (!ChunkParser.isText(v)) {
                    sum += Float.intBitsToFloat(v);
                } else if (!table.missing(col, i)) {
                    sum += CsvLoader.number(table, i, col, names.get(col), "a number");
                }
            }
            return Float.toString((float) (sum / present));
        }
        double[] v = new double[present];
        int k = 0;
        for (int i : rows) {
            if (!table.missing(col, i)) {
                v[k++] = CsvLoader.number(table, i, col, names.get(col), "a number");
            }
        }
        if (impute == Imputation.MEDIAN) {
            Arrays.sort(v);
            int m = v.length / 2;
            return Float.toString((float) (v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2));
        }
        Map<Double, Integer> counts = new TreeMap<>(); // the most frequent value
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

    static int[] chooseFeatures(CsvSource t, List<String> names, int labelCol, TableOptions o) {
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
    static int column(CsvSource t, List<String> names, String ref, String option) {
        String r = ref.trim();
        int byName = names.indexOf(r);
        if (byName >= 0 && t.header != null) {
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
                + t.source + (t.header == null ? " (no header: use 0-based indices 0.." + (names.size() - 1) + ")"
                : "; the header has: " + String.join(", ", names)));
    }

    /** The first (leftmost) feature column whose cell in {@code row} is missing, or -1. */
    private static int firstMissing(CsvTable t, int row, int[] cols) {
        int first = -1;
        for (int c : cols) {
            if (t.missing(c, row) && (first < 0 || c < first)) {
                first = c;
            }
        }
        return first;
    }

    /** True when a kept row holds text in the column that is neither missing nor a NaN/infinity spelling. */
    private static boolean hasText(CsvTable t, int col, boolean[] keep) {
        String[] dict = t.dicts[col];
        boolean[] text = new boolean[dict.length];
        boolean any = false;
        for (int k = 0; k < dict.length; k++) {
            text[k] = !Imputation.isMissing(dict[k]) && !CsvParser.isNumberLike(dict[k]);
            any |= text[k];
        }
        if (!any) {
            return false;
        }
        for (int i = 0; i < t.rows(); i++) {
            if (keep[i] && t.isText(col, i) && text[t.code(col, i)]) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNumbers(CsvTable t, int col) {
        for (int i = 0; i < t.rows(); i++) {
            if (!t.isText(col, i)) {
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
