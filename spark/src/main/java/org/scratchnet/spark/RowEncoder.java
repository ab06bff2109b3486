package org.scratchnet.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.Imputation;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TableLabels;
import org.scratchnet.data.Task;

/**
 * Turns rows of the selected columns (features 0..F-1, then the label) into floats by the
 * learned rules: numbers as they are, text one-hot by its vocabulary, missing cells filled,
 * numbers standardized, the label a class index / one-hot row or the scaled target. Shipped to
 * the executors; holds no data.
 */
final class RowEncoder implements Serializable {
    private static final long serialVersionUID = 1L;

    // core's rules and standardizer are not Serializable: shipped as their JSON-ready tree and arrays
    private final Map<String, Object> rulesTree;
    private final float[] mean;
    private final float[] std;
    private transient ColumnRules rules;
    final Task task;
    final List<String> classNames;
    final int targetWidth;
    private final boolean[] number;
    private final float[] fill;
    private transient Map<String, Integer>[] vocab;
    private transient Map<String, Integer> classIndex;

    RowEncoder(ColumnRules rules, Task task, List<String> classNames, Standardizer standardizer, boolean[] number) {
        this.rules = rules;
        this.rulesTree = rules.toTree();
        this.mean = standardizer.mean();
        this.std = standardizer.std();
        this.task = task;
        this.classNames = List.copyOf(classNames);
        this.number = number.clone();
        this.targetWidth = task == Task.REGRESSION || classNames.size() == 2 ? 1 : classNames.size();
        this.fill = new float[number.length];
        for (int f = 0; f < number.length; f++) {
            fill[f] = number[f] ? Float.parseFloat(rules.features().get(f).fill()) : 0f;
        }
    }

    ColumnRules rules() {
        if (rules == null) {
            rules = ColumnRules.fromTree(rulesTree);
        }
        return rules;
    }

    Standardizer standardizer() {
        return new Standardizer(mean, std);
    }

    /** Adds one row to the statistics (the learning pass). */
    static void observe(Row r, boolean[] number, ColumnStats s) {
        int labelAt = number.length;
        s.rows++;
        if (r.isNullAt(labelAt)) {
            s.labelMissing++;
            return;
        }
        for (int f = 0; f < number.length; f++) {
            Object v = r.get(f);
            if (number[f]) {
                double d = v == null ? Double.NaN : ((Number) v).doubleValue();
                if (Double.isNaN(d)) {
                    s.missing[f]++;
                } else if (Double.isInfinite(d) || Float.isInfinite((float) d)) {
                    s.infinite[f]++;
                } else {
                    s.number(f, d);
                }
            } else {
                String t = text(v);
                if (t == null) {
                    s.missing[f]++;
                } else {
                    s.text(f, t);
                }
            }
        }
        String label = String.valueOf(r.get(labelAt));
        boolean isNumber = TableLabels.isNumber(label);
        s.label(TableLabels.canonical(label), isNumber, TableLabels.isInteger(label),
                isNumber ? Double.parseDouble(label) : 0);
    }

    /** A text cell's value, or null for a missing one (null, empty, NA, N/A, null, NaN, ? as the CSV reader sees them). */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        String t = String.valueOf(v);
        return Imputation.isMissing(t) ? null : t;
    }

    /** The partition's rows with a label, as one block. */
    Block encode(int partition, Iterator<Row> it) {
        prepareMaps();
        ColumnRules rules = rules();
        int d = rules.encodedWidth();
        FloatBuffer xs = new FloatBuffer(), ys = new FloatBuffer();
        float[] x = new float[d], y = new float[targetWidth];
        int labelAt = number.length;
        int n = 0;
        while (it.hasNext()) {
            Row r = it.next();
            if (r.isNullAt(labelAt)) {
                continue;
            }
            java.util.Arrays.fill(x, 0f);
            int j = 0;
            for (int f = 0; f < number.length; f++) {
                Object v = r.get(f);
                if (number[f]) {
                    double dv = v == null ? Double.NaN : ((Number) v).doubleValue();
                    x[j] = Double.isNaN(dv) ? fill[f] : (float) dv;
                    j++;
                } else {
                    String t = text(v);
                    Integer k = vocab[f].get(t == null ? rules.features().get(f).fill() : t);
                    if (k != null) {
                        x[j + k] = 1f;
                    }
                    j += rules.features().get(f).width();
                }
            }
            for (int i = 0; i < d; i++) {
                x[i] = (x[i] - mean[i]) / std[i];
            }
            target(r.get(labelAt), y);
            xs.add(x);
            ys.add(y);
            n++;
        }
        return new Block(partition, n, xs.toArray(), ys.toArray());
    }

    private void target(Object label, float[] y) {
        ColumnRules rules = rules();
        if (task == Task.REGRESSION) {
            float v = ((Number) (label instanceof Number ? label : Double.parseDouble(String.valueOf(label)))).floatValue();
            y[0] = rules.target() == null ? v : (v - rules.target().mean()) / rules.target().std();
            return;
        }
        Integer c = classIndex.get(TableLabels.canonical(String.valueOf(label)));
        if (c == null) {
            throw SparkInputException.data("expected one of the classes " + classNames + " in column '" + rules.label()
                    + "', found '" + label + "'");
        }
        if (targetWidth == 1) {
            y[0] = c;
        } else {
            java.util.Arrays.fill(y, 0f);
            y[c] = 1f;
        }
    }

    @SuppressWarnings("unchecked")
    private void prepareMaps() {
        if (vocab != null) {
            return;
        }
        vocab = new Map[number.length];
        for (int f = 0; f < number.length; f++) {
            vocab[f] = new HashMap<>();
            List<String> cats = rules().features().get(f).categories();
            for (int k = 0; k < cats.size(); k++) {
                vocab[f].put(cats.get(k), k);
            }
        }
        classIndex = new HashMap<>();
        for (int k = 0; k < classNames.size(); k++) {
            classIndex.put(classNames.get(k), k);
        }
    }

    /** A growing float array. */
    private static final class FloatBuffer {
        private float[] a = new float[1024];
        private int size;

        void add(float[] v) {
            if (size + v.length > a.length) {
                long grown = Math.max((long) a.length * 2, (long) size + v.length);
                if (grown > Integer.MAX_VALUE - 8) {
                    throw SparkInputException.data("a partition holds more than " + (Integer.MAX_VALUE - 8)
                            + " values: use more partitions (--partitions)");
                }
                a = java.util.Arrays.copyOf(a, (int) grown);
            }
            System.arraycopy(v, 0, a, size, v.length);
            size += v.length;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(a, size);
        }
    }
}
