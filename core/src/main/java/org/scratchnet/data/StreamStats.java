package org.scratchnet.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The first pass of a {@link CsvStream}: reads the file range by range (cutting it at line
 * breaks) and keeps only running sums and counts: per number column the sum, sum of squares and
 * missing count over the training rows; per text column the count of each value; the distinct
 * labels (at most {@link ChunkParser#LABEL_LIMIT}) and, for regression, the target's sums. The
 * same rules as {@link TableReader} decide the column kinds, fill values, task and classes.
 */
final class StreamStats {
    private final CsvStream s;
    private final List<String> names;
    private final Consumer<String> notes;
    private final int nf;
    private final double[] sum, sumsq;
    private final long[] present, missing;
    private final boolean[] hasText, hasNumber;
    private final String[] badNumber;
    private final List<Map<String, Long>> trainCounts = new ArrayList<>(), allCounts = new ArrayList<>();
    private final List<Map<Float, Long>> numberCounts = new ArrayList<>();
    private final Set<String> labels = new LinkedHashSet<>();
    private boolean labelOverflow;
    private Task labelKind; // decided by the first label that is text (classification) or a non-integer (regression)
    private double ySum, ySumSq;
    private final long[] partRows = new long[3];
    private long noLabel, dropped;

    StreamStats(CsvStream s, List<String> names, Consumer<String> notes) {
        this.s = s;
        this.names = names;
        this.notes = notes;
        nf = s.featureCols().length;
        sum = new double[nf];
        sumsq = new double[nf];
        present = new long[nf];
        missing = new long[nf];
        hasText = new boolean[nf];
        hasNumber = new boolean[nf];
        badNumber = new String[nf];
        for (int f = 0; f < nf; f++) {
            trainCounts.add(new TreeMap<>());
            allCounts.add(new TreeMap<>());
            numberCounts.add(new TreeMap<>());
        }
    }

    void firstPass(boolean standardize) {
        s.scan(this::add, () -> partRows[0] + partRows[1] + partRows[2]);
        finish(standardize);
    }

    private void add(CsvTable t) {
        int labelCol = s.labelCol();
        int[] cols = s.featureCols();
        TableOptions o = s.options();
        for (int i = 0; i < t.rows(); i++) {
            if (t.missing(labelCol, i)) {
                noLabel++;
                continue;
            }
            int fm = s.firstMissing(t, i);
            if (fm >= 0 && o.dropMissing) {
                dropped++;
                continue;
            }
            if (fm >= 0 && o.impute == Imputation.NONE) {
                String v = t.text(fm, i);
                throw new DataFormatException(t.where(i, fm) + ": expected a value in column '" + names.get(fm)
                        + "', found " + (v.isEmpty() ? "an empty field" : DataFormatException.quote(v) + " (a missing value)")
                        + ": fill such cells with --impute mean|median|most-frequent, or skip such rows with --drop-missing");
            }
            int part = s.part(t.line(i));
            partRows[part]++;
            boolean train = part == CsvStream.TRAIN;
            for (int f = 0; f < nf; f++) {
                int col = cols[f];
                if (t.isText(col, i)) {
                    String v = t.text(col, i);
                    if (t.missing(col, i)) {
                        missing[f] += train ? 1 : 0;
                    } else if (t.modes[col] == ChunkParser.TEXT || !CsvParser.isNumberLike(v)) {
                        hasText[f] = true;
                        allCounts.get(f).merge(v, 1L, Long::sum);
                        if (train) {
                            trainCounts.get(f).merge(v, 1L, Long::sum);
                        }
                    } else if (badNumber[f] == null) {
                        badNumber[f] = t.where(i, col) + ": expected a number in column '" + names.get(col) + "', found "
                                + DataFormatException.quote(v) + (CsvParser.isNumber(v) ? " (outside the float range)"
                                : " (NaN and infinity are not allowed)");
                    }
                } else {
                    hasNumber[f] = true;
                    if (train) {
                        float x = t.number(col, i);
                        sum[f] += x;
                        sumsq[f] += (double) x * x;
                        present[f]++;
                        if (o.impute == Imputation.MOST_FREQUENT) {
                            numberCounts.get(f).merge(x, 1L, Long::sum);
                        }
                    }
                }
            }
            label(t, i, train);
        }
    }

    private void label(CsvTable t, int i, boolean train) {
        int col = s.labelCol();
        String text = t.labelCodes[col] != null ? t.labelDicts[col][t.labelCodes[col].get(i)]
                : t.isText(col, i) ? t.text(col, i) : null;
        if (text == null) {
            labelOverflow = true;
        } else if (!labelOverflow) {
            labels.add(text);
            labelOverflow = labels.size() > ChunkParser.LABEL_LIMIT;
        }
        if (labelKind == null) {
            if (text == null) {
                float v = t.number(col, i);
                labelKind = v != Math.rint(v) ? Task.REGRESSION : null;
            } else if (!CsvParser.isNumber(text)) {
                labelKind = Task.CLASSIFICATION;
            } else if (!integer(text)) {
                labelKind = Task.REGRESSION;
            }
        }
        if (train && (s.options().task == Task.REGRESSION || labelKind != Task.CLASSIFICATION)) {
            if (!t.isText(col, i)) {
                double y = t.number(col, i);
                ySum += y;
                ySumSq += y * y;
            }
        }
    }

    private static boolean integer(String number) {
        try {
            BigDecimal v = new BigDecimal(number);
            return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void finish(boolean standardize) {
        String source = s.source().source;
        if (noLabel > 0) {
            notes.accept("skipped " + noLabel + " row(s) whose label '" + names.get(s.labelCol()) + "' is missing");
        }
        if (dropped > 0) {
            notes.accept("skipped " + dropped + " row(s) with missing feature values (--drop-missing)");
        }
        long train = partRows[CsvStream.TRAIN];
        if (train == 0) {
            throw new DataFormatException(source + ": expected training rows, found none (after the held-out parts and"
                    + " skipping " + (noLabel + dropped) + " row(s) with missing values)");
        }
        int[] cols = s.featureCols();
        List<ColumnRules.Column> rules = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
            int col = cols[f];
            boolean forced = s.modesOf(col) == ChunkParser.TEXT;
            if (forced || hasText[f]) {
                if (!forced && hasNumber[f]) {
                    throw new DataFormatException(source + ": column '" + names.get(col) + "' holds numbers and text; with"
                            + " --stream name it with --categorical " + names.get(col) + " (or train without --stream)");
                }
                if (!forced) {
                    notes.accept("column '" + names.get(col) + "' holds text: read as categories (one-hot)");
                    CategoryNotes.check(names.get(col), allCounts.get(f), notes);
                }
                Map<String, Long> counts = trainCounts.get(f).isEmpty() ? allCounts.get(f) : trainCounts.get(f);
                if (counts.isEmpty()) {
                    throw new DataFormatException(source + ": column '" + names.get(col)
                            + "' has no values (every cell is missing): drop it with --drop");
                }
                rules.add(new ColumnRules.Column(names.get(col), col, ColumnRules.Kind.CATEGORY,
                        new ArrayList<>(counts.keySet()), mostFrequent(counts)));
            } else {
                if (badNumber[f] != null) {
                    throw new DataFormatException(badNumber[f]);
                }
                rules.add(new ColumnRules.Column(names.get(col), col, ColumnRules.Kind.NUMBER, List.of(), numberFill(f)));
            }
        }
        ColumnRules r = new ColumnRules(names.get(s.labelCol()), s.labelCol(), names.size(), s.source().header != null,
                rules, null);
        Task task = resolve();
        List<String> classes = List.of();
        if (task == Task.REGRESSION) {
            double mean = ySum / train;
            float std = (float) Math.sqrt(Math.max(0, ySumSq / train - mean * mean));
            r = r.withTarget(new TargetScale((float) mean, std > 0 && Float.isFinite(std) ? std : 1f));
        } else {
            classes = s.options().classNames != null ? s.options().classNames : classNames(source);
        }
        s.learned(r, task, classes, standardize ? standardizer(r) : null, partRows);
    }

    private Task resolve() {
        TableOptions o = s.options();
        if (o.task != Task.AUTO) {
            return o.task;
        }
        if (o.classNames != null) {
            return Task.CLASSIFICATION;
        }
        if (labelKind != null) {
            return labelKind;
        }
        if (labelOverflow) {
            return Task.REGRESSION;
        }
        Set<String> distinct = new LinkedHashSet<>();
        labels.forEach(l -> distinct.add(LabelEncoder.canonical(l)));
        return distinct.size() <= CsvLoader.MAX_AUTO_CLASSES ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    private List<String> classNames(String source) {
        if (labelOverflow) {
            throw new DataFormatException(source + ": expected at most " + ChunkParser.LABEL_LIMIT + " distinct labels in"
                    + " column '" + names.get(s.labelCol()) + "' for classification, found more (use task regression?)");
        }
        return LabelEncoder.classOrder(labels, source, names.get(s.labelCol()));
    }

    private String numberFill(int f) {
        if (present[f] == 0) {
            return "0";
        }
        if (s.options().impute == Imputation.MOST_FREQUENT) {
            float best = 0;
            long bestCount = 0;
            for (Map.Entry<Float, Long> e : numberCounts.get(f).entrySet()) {
                if (e.getValue() > bestCount) { // ties: the smallest value, as scikit-learn
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return Float.toString(best);
        }
        return Float.toString((float) (sum[f] / present[f]));
    }

    /** Mean and population std of each number input over the training rows, missing cells counted as their fill. */
    private Standardizer standardizer(ColumnRules r) {
        int d = r.encodedWidth();
        float[] mean = new float[d], std = new float[d];
        int j = 0;
        for (int f = 0; f < nf; f++) {
            ColumnRules.Column c = r.features().get(f);
            if (c.kind() == ColumnRules.Kind.CATEGORY) {
                for (int k = 0; k < c.width(); k++) {
                    std[j++] = 1f;
                }
                continue;
            }
            double fill = Float.parseFloat(c.fill());
            double n = present[f] + missing[f];
            double m = (sum[f] + missing[f] * fill) / n;
            double var = Math.max(0, (sumsq[f] + missing[f] * fill * fill) / n - m * m);
            float sd = (float) Math.sqrt(var);
            mean[j] = (float) m;
            std[j++] = sd > 0 && Float.isFinite(sd) ? sd : 1f;
        }
        return new Standardizer(mean, std);
    }

    private static String mostFrequent(Map<String, Long> counts) {
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
