package org.scratchnet.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * What one pass over the rows learns about the chosen columns: per feature column the count,
 * mean and sum of squared deviations of its numbers (Welford; merged with Chan et al.'s pairwise
 * formula), its missing cells and, for text columns, the count of each value; for the label the
 * count of each canonical value (or the overflow flag past {@link #MAX_DISTINCT}), whether every
 * value is a number or an integer, and its mean and squared deviations for regression.
 */
final class ColumnStats implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Distinct values kept per text column or label; a column with more is reported, not one-hot encoded. */
    static final int MAX_DISTINCT = 10_000;

    final long[] present;
    final long[] missing;
    final long[] infinite;
    final double[] mean;
    final double[] m2;
    final Map<String, Long>[] counts;
    final boolean[] overflow;
    long rows;
    long labelMissing;
    Map<String, Long> labels = new HashMap<>();
    boolean labelOverflow;
    boolean labelAllNumbers = true;
    boolean labelAllIntegers = true;
    long labelCount;
    double labelMean;
    double labelM2;

    @SuppressWarnings("unchecked")
    ColumnStats(int columns) {
        present = new long[columns];
        missing = new long[columns];
        infinite = new long[columns];
        mean = new double[columns];
        m2 = new double[columns];
        counts = new Map[columns];
        overflow = new boolean[columns];
        for (int f = 0; f < columns; f++) {
            counts[f] = new HashMap<>();
        }
    }

    void number(int f, double v) {
        present[f]++;
        double d = v - mean[f];
        mean[f] += d / present[f];
        m2[f] += d * (v - mean[f]);
    }

    void text(int f, String v) {
        present[f]++;
        count(counts[f], v, () -> overflow[f] = true, overflow[f]);
    }

    void label(String canonical, boolean isNumber, boolean isInteger, double value) {
        labelAllNumbers &= isNumber;
        labelAllIntegers &= isInteger;
        count(labels, canonical, () -> labelOverflow = true, labelOverflow);
        if (isNumber) {
            labelCount++;
            double d = value - labelMean;
            labelMean += d / labelCount;
            labelM2 += d * (value - labelMean);
        }
    }

    private static void count(Map<String, Long> m, String v, Runnable onOverflow, boolean full) {
        Long c = m.get(v);
        if (c != null) {
            m.put(v, c + 1);
        } else if (!full) {
            if (m.size() >= MAX_DISTINCT) {
                onOverflow.run();
            } else {
                m.put(v, 1L);
            }
        }
    }

    /** left + right (left holds the lower partitions); returns left. */
    static ColumnStats combine(ColumnStats a, ColumnStats b) {
        for (int f = 0; f < a.present.length; f++) {
            double[] merged = chan(a.present[f], a.mean[f], a.m2[f], b.present[f], b.mean[f], b.m2[f]);
            a.mean[f] = merged[0];
            a.m2[f] = merged[1];
            a.present[f] += b.present[f];
            a.missing[f] += b.missing[f];
            a.infinite[f] += b.infinite[f];
            a.overflow[f] |= b.overflow[f];
            mergeCounts(a.counts[f], b.counts[f]);
            a.overflow[f] |= a.counts[f].size() > MAX_DISTINCT;
        }
        a.rows += b.rows;
        a.labelMissing += b.labelMissing;
        mergeCounts(a.labels, b.labels);
        a.labelOverflow |= b.labelOverflow || a.labels.size() > MAX_DISTINCT;
        a.labelAllNumbers &= b.labelAllNumbers;
        a.labelAllIntegers &= b.labelAllIntegers;
        double[] merged = chan(a.labelCount, a.labelMean, a.labelM2, b.labelCount, b.labelMean, b.labelM2);
        a.labelMean = merged[0];
        a.labelM2 = merged[1];
        a.labelCount += b.labelCount;
        return a;
    }

    /** Mean and squared deviations of two groups together: {mean, m2}. */
    static double[] chan(long na, double meanA, double m2A, long nb, double meanB, double m2B) {
        if (nb == 0) {
            return new double[] {meanA, m2A};
        }
        if (na == 0) {
            return new double[] {meanB, m2B};
        }
        double n = na + nb;
        double delta = meanB - meanA;
        return new double[] {meanA + delta * nb / n, m2A + m2B + delta * delta * na * nb / n};
    }

    private static void mergeCounts(Map<String, Long> into, Map<String, Long> from) {
        from.forEach((k, v) -> into.merge(k, v, Long::sum));
    }

    /** The most frequent value (ties: the smallest as a string), or null when there is none. */
    static String mostFrequent(Map<String, Long> counts) {
        String best = null;
        long n = -1;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() > n || (e.getValue() == n && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }
}
