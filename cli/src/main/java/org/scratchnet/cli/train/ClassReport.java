package org.scratchnet.cli.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy, per-class precision and recall, and the confusion matrix (rows = actual class,
 * columns = predicted class) of K-class predictions. Precision of a class never predicted is
 * undefined (NaN, printed "-", null in JSON).
 */
public final class ClassReport {
    private final List<String> names;
    private final long[][] confusion;
    private final int n;

    /** {@code actual} and {@code predicted} hold class indices 0..names.size()-1. */
    public ClassReport(List<String> names, int[] actual, int[] predicted) {
        this.names = List.copyOf(names);
        int k = names.size();
        this.confusion = new long[k][k];
        this.n = actual.length;
        for (int i = 0; i < n; i++) {
            confusion[actual[i]][predicted[i]]++;
        }
    }

    public double accuracy() {
        long right = 0;
        for (int c = 0; c < confusion.length; c++) {
            right += confusion[c][c];
        }
        return n == 0 ? Double.NaN : (double) right / n;
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        long actual = support(c);
        return actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
    }

    /** 2PR / (P + R) of class c; 0 when it is undefined (no predictions or no rows), as scikit-learn's zero_division=0. */
    public double f1(int c) {
        double p = precision(c), r = recall(c);
        if (Double.isNaN(p) || Double.isNaN(r) || p + r == 0) {
            return 0;
        }
        return 2 * p * r / (p + r);
    }

    /**
     * Mean F1 over the classes that occur among the actual or predicted rows (scikit-learn's
     * {@code f1_score(average="macro")}); NaN with no rows.
     */
    public double macroF1() {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < names.size(); c++) {
            long predicted = 0;
            for (long[] row : confusion) {
                predicted += row[c];
            }
            if (support(c) > 0 || predicted > 0) {
                sum += f1(c);
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    public long support(int c) {
        long s = 0;
        for (long v : confusion[c]) {
            s += v;
        }
        return s;
    }

    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** The per-class table and the confusion matrix, as printed by evaluate. */
    public String format() {
        int w = Math.max(9, names.stream().mapToInt(String::length).max().orElse(1) + 2);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9s%n", "class", "precision", "recall", "support"));
        for (int c = 0; c < names.size(); c++) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s %9s %9s %9d%n", names.get(c), fmt(precision(c)),
                    fmt(recall(c)), support(c)));
        }
        sb.append("confusion matrix (rows = actual, columns = predicted):\n");
        int cw = w;
        for (long[] row : confusion) {
            for (long v : row) {
                cw = Math.max(cw, Long.toString(v).length() + 2);
            }
        }
        sb.append(String.format(Locale.ROOT, "%-" + w + "s", ""));
        for (String name : names) {
            sb.append(String.format(Locale.ROOT, "%" + cw + "s", name));
        }
        sb.append('\n');
        for (int a = 0; a < names.size(); a++) {
            sb.append(String.format(Locale.ROOT, "%-" + w + "s", names.get(a)));
            for (long v : confusion[a]) {
                sb.append(String.format(Locale.ROOT, "%" + cw + "d", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {"class", "precision", "recall", "support"} per class, for the metrics JSON. */
    public List<Map<String, Object>> perClass() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", names.get(c));
            m.put("precision", MetricsJson.num(precision(c)));
            m.put("recall", MetricsJson.num(recall(c)));
            m.put("f1", MetricsJson.num(f1(c)));
            m.put("support", support(c));
            out.add(m);
        }
        return out;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
