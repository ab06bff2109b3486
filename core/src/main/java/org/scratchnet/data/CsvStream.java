package org.scratchnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Tensor;

/**
 * A training table read in ranges of about 8 MiB, never whole, for files larger than memory.
 *
 * <p>{@link #open} makes a first pass over the file that learns everything training needs from
 * the training rows: the column kinds, vocabularies and fill values ({@link ColumnRules}), the
 * class names, the feature standardization and the regression target's scaling. Each row belongs
 * to the training, validation or test part by a seeded hash of its line number (so the parts
 * hold about the fractions asked for, not exactly). {@link #chunks} then reads the ranges of one
 * part again, encoded and standardized, in a seeded order that changes every epoch, with the rows
 * of each range shuffled: a windowed shuffle (rows mix within a range, ranges mix in order), not
 * a full one; rows far apart in the file never share a batch unless their ranges do.
 *
 * <p>Not available here, because they need the whole column at once: {@code --impute median},
 * and a column holding both numbers and text (name it with {@link TableOptions#categorical}).
 */
public final class CsvStream {
    /** The three parts of the rows. */
    public static final int TRAIN = 0, VALIDATION = 1, TEST = 2;

    private final CsvSource src;
    private final byte[] modes;
    private final int labelCol;
    private final int[] featureCols;
    private final TableOptions options;
    private final double testSplit, valSplit;
    private final long seed;
    private final LoadOptions load;
    private static final int RANGE = 8 << 20;
    private final List<long[]> ranges = new ArrayList<>(); // {start, end, first line offset}
    private ColumnRules rules;
    private Task task;
    private List<String> classes;
    private Standardizer standardizer;
    private final long[] partRows = new long[3];

    private CsvStream(CsvSource src, byte[] modes, int labelCol, int[] featureCols, TableOptions o, double testSplit,
            double valSplit, long seed, LoadOptions load) {
        this.src = src;
        this.modes = modes;
        this.labelCol = labelCol;
        this.featureCols = featureCols;
        this.options = o;
        this.testSplit = testSplit;
        this.valSplit = valSplit;
        this.seed = seed;
        this.load = load;
    }

    /**
     * Opens {@code file} and makes the first pass. {@code standardize}: fit a standardizer on the
     * training rows' number inputs (one-hot inputs keep mean 0, std 1).
     */
    public static CsvStream open(Path file, TableOptions o, LoadOptions load, double testSplit, double valSplit,
            long seed, boolean standardize, Consumer<String> notes) {
        if (o.impute == Imputation.MEDIAN) {
            throw new ColumnSelectionException("--impute median needs each whole column at once; with --stream use"
                    + " --impute mean or most-frequent");
        }
        CsvSource src = CsvSource.open(file, o.header);
        CsvLoader.checkShape(src, 2);
        List<String> names = src.names();
        int labelCol = CsvLoader.labelColumn(src, names, o.label);
        int[] featureCols = TableReader.chooseFeatures(src, names, labelCol, o);
        byte[] modes = new byte[src.columns];
        for (int col : featureCols) {
            modes[col] = ChunkParser.HYBRID;
        }
        for (String c : o.categorical) {
            int col = TableReader.column(src, names, c, "--categorical");
            if (modes[col] == ChunkParser.SKIP) {
                throw new ColumnSelectionException("--categorical: column '" + names.get(col) + "' is not a feature");
            }
            modes[col] = ChunkParser.TEXT;
        }
        modes[labelCol] = ChunkParser.LABEL;
        CsvStream s = new CsvStream(src, modes, labelCol, featureCols, o, testSplit, valSplit, seed, load);
        new StreamStats(s, names, notes).firstPass(standardize);
        return s;
    }

    /** The part (TRAIN, VALIDATION, TEST) of the row on {@code line}: a seeded hash, the same every pass. */
    int part(int line) {
        long z = seed * 0x9E3779B97F4A7C15L + line;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        double u = (z >>> 11) * 0x1.0p-53;
        return u < testSplit ? TEST : u < testSplit + valSplit ? VALIDATION : TRAIN;
    }

    /** Parses range {@code r} (its cells; rows not yet filtered). */
    CsvTable range(int r) {
        long[] g = ranges.get(r);
        byte[] b = src.bytes(g[0], (int) (g[1] - g[0]));
        ChunkParser.Chunk c = new ChunkParser(b, src.columns, src.sep, modes).parse(0, b.length,
                g[0] == src.start && src.header != null, Integer.MAX_VALUE, CsvLoad.expectedRows(b.length, src));
        if (c.sawQuote) {
            throw new DataFormatException(src.source + ": --stream reads the file in ranges and cannot split quoted"
                    + " fields; remove the quotes, or train without --stream");
        }
        return CsvTable.join(src, modes, List.of(c), Integer.MAX_VALUE, (int) g[2]);
    }

    /**
     * Reads the file once in ranges of about 8 MiB cut at line breaks, recording each range
     * ({start, end, lines before}) and giving its parsed table to {@code each} in file order.
     */
    void scan(Consumer<CsvTable> each, java.util.function.LongSupplier rowsSoFar) {
        long pos = src.start;
        long lines = 0;
        byte[] buf = new byte[RANGE];
        ranges.clear();
        while (pos < src.size) {
            int len = (int) Math.min(RANGE, src.size - pos);
            src.read(pos, buf, 0, len);
            int end = len;
            if (pos + len < src.size) {
                end = CsvSource.lastLineBreak(buf, len);
                if (end == 0) {
                    throw new DataFormatException(src.source + ": a line longer than " + RANGE + " bytes; --stream"
                            + " cannot read it in ranges");
                }
            }
            if (lines > Integer.MAX_VALUE) {
                throw new DataFormatException(src.source + ": more than " + Integer.MAX_VALUE + " lines");
            }
            ranges.add(new long[] {pos, pos + end, lines});
            for (int i = 0; i < end; i++) {
                if (buf[i] == '\n') {
                    lines++;
                }
            }
            each.accept(range(ranges.size() - 1));
            pos += end;
            if (load.progress != null) {
                load.progress.update(pos, src.size, rowsSoFar.getAsLong());
            }
        }
        if (load.progress != null) {
            load.progress.done();
        }
    }

    /**
     * Reads {@code file} for a trained model by its {@code rules} (as {@link TableApplier#labelled},
     * by header name or position) one range at a time: each range's rows with a label go to
     * {@code chunk} as x (n, D) and y (n, K), unstandardized, in file order. Notes about unseen
     * categories are given once per column.
     */
    public static long applying(Path file, ColumnRules rules, Task task, List<String> classNames, LoadOptions load,
            Consumer<String> notes, Consumer<Dataset> chunk) {
        CsvSource src = CsvSource.open(file, null);
        CsvLoader.checkShape(src, 2);
        TableApplier.Layout l = TableApplier.layout(src, rules, true, notes);
        byte[] modes = TableApplier.modes(src, rules, l, true);
        CsvStream s = new CsvStream(src, modes, l.label(), l.cols(), new TableOptions(), 0, 0, 0, load);
        java.util.Set<String> noted = new java.util.HashSet<>();
        long[] counts = new long[2]; // rows read, rows without a label
        s.scan(t -> {
            boolean[] keep = new boolean[t.rows()];
            int kept = 0;
            for (int i = 0; i < t.rows(); i++) {
                keep[i] = !t.missing(l.label(), i);
                kept += keep[i] ? 1 : 0;
            }
            counts[0] += t.rows();
            counts[1] += t.rows() - kept;
            if (kept == 0) {
                return;
            }
            t.retain(keep);
            LabelEncoder enc = new LabelEncoder(t, l.label(), rules.label());
            enc.checkRepresentable();
            Tensor x = ColumnEncoder.encode(t, l.cols(), rules, n -> {
                if (noted.add(n.substring(0, Math.max(0, n.indexOf(':'))))) {
                    notes.accept(n);
                }
            }, true);
            Tensor y = task == Task.REGRESSION ? enc.regressionTargets() : enc.encode(classNames, true);
            chunk.accept(new Dataset(x, y, task == Task.REGRESSION ? List.of() : classNames));
        }, () -> counts[0]);
        if (counts[1] > 0) {
            notes.accept("skipped " + counts[1] + " row(s) whose label '" + rules.label() + "' is missing");
        }
        if (counts[0] == counts[1]) {
            throw new DataFormatException(src.source + ": expected rows with a label in column '" + rules.label()
                    + "', found none");
        }
        return counts[0] - counts[1];
    }

    /** The ranges found by the first pass: {start, end, lines before}. */
    List<long[]> ranges() {
        return ranges;
    }

    byte modesOf(int col) {
        return modes[col];
    }

    CsvSource source() {
        return src;
    }

    int labelCol() {
        return labelCol;
    }

    int[] featureCols() {
        return featureCols;
    }

    TableOptions options() {
        return options;
    }

    LoadOptions load() {
        return load;
    }

    void learned(ColumnRules rules, Task task, List<String> classes, Standardizer std, long[] rows) {
        this.rules = rules;
        this.task = task;
        this.classes = classes;
        this.standardizer = std;
        System.arraycopy(rows, 0, partRows, 0, 3);
    }

    public ColumnRules rules() {
        return rules;
    }

    public Task task() {
        return task;
    }

    /** Class names in output order (empty for regression). */
    public List<String> classNames() {
        return classes;
    }

    /** The standardizer fit on the training rows, or null. */
    public Standardizer standardizer() {
        return standardizer;
    }

    /** Rows in each part (TRAIN, VALIDATION, TEST). */
    public long rows(int part) {
        return partRows[part];
    }

    /**
     * Reads every range once, in a seeded order for {@code epoch} (0 = file order, for evaluation),
     * and gives {@code chunk} the rows of {@code part}: x (n, D) encoded and standardized, y as
     * training encodes it (regression targets scaled by the rules' target scaling), rows shuffled
     * within the range unless {@code epoch} is 0.
     */
    public void chunks(int part, int epoch, Consumer<Dataset> chunk) {
        int[] order = epoch == 0 ? identity(ranges.size()) : Rng.forPurpose(seed + epoch, "stream ranges")
                .permutation(ranges.size());
        for (int r : order) {
            CsvTable t = range(r);
            boolean[] keep = new boolean[t.rows()];
            int kept = 0;
            for (int i = 0; i < t.rows(); i++) {
                keep[i] = part(t.line(i)) == part && !t.missing(labelCol, i)
                        && !(options.dropMissing && firstMissing(t, i) >= 0);
                kept += keep[i] ? 1 : 0;
            }
            if (kept == 0) {
                continue;
            }
            t.retain(keep);
            Tensor x = ColumnEncoder.encode(t, featureCols, rules, n -> { }, false);
            if (standardizer != null) {
                standardizer.transformInPlace(x);
            }
            LabelEncoder enc = new LabelEncoder(t, labelCol, rules.label());
            Tensor y = task == Task.REGRESSION ? enc.regressionTargets() : enc.encode(classes, true);
            if (rules.target() != null) {
                y = rules.target().scale(y);
            }
            Dataset d = new Dataset(x, y, task == Task.REGRESSION ? List.of() : classes);
            if (epoch > 0) {
                d = d.select(Rng.forPurpose(seed + 31L * epoch + r, "stream rows").permutation(d.size()));
            }
            chunk.accept(d);
        }
    }

    /** The first (leftmost) feature column with a missing cell in {@code row}, or -1. */
    int firstMissing(CsvTable t, int row) {
        int first = -1;
        for (int c : featureCols) {
            if (t.missing(c, row) && (first < 0 || c < first)) {
                first = c;
            }
        }
        return first;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
