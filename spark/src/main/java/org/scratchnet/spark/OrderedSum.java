package org.scratchnet.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A combination of per-partition values whose bits do not depend on the order in which Spark
 * hands the partitions' results over. Floating-point addition is not associative, and Spark
 * merges task results as they arrive; so the combination is fixed to one binary tree over the
 * partition indices: two nodes are combined (left, right) only when they are siblings in that
 * tree, and what remains at the end is folded from the lowest index up. Any arrival order gives
 * the same tree, hence the same bits. O(log P) values are held when results arrive in order.
 *
 * <p>Used as the value of {@code treeAggregate}: {@link #add} is the per-partition step,
 * {@link #merge} the combine step, {@link #total} the result.
 *
 * @param <T> the per-partition value (a gradient sum, column statistics)
 */
final class OrderedSum<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Combines two values of adjacent ranges, left then right; may reuse either argument. */
    interface Combiner<T> extends Serializable {
        T combine(T left, T right);
    }

    /** Node key: (start, width) packed as start * 2^32 + width; ascending start for the final fold. */
    private final TreeMap<Long, T> nodes = new TreeMap<>();
    private final int partitions;
    private final Combiner<T> combiner;

    OrderedSum(int partitions, Combiner<T> combiner) {
        this.partitions = partitions;
        this.combiner = combiner;
    }

    /** Vectors added elementwise (a gradient sum). */
    static OrderedSum<double[]> ofVectors(int partitions) {
        return new OrderedSum<>(partitions, OrderedSum::addInto);
    }

    /** Adds partition {@code index}'s value (taken, not copied). */
    OrderedSum<T> add(int index, T value) {
        insert(index, 1, value);
        return this;
    }

    /** Moves every node of {@code other} into this one; returns this. */
    OrderedSum<T> merge(OrderedSum<T> other) {
        for (Map.Entry<Long, T> e : other.nodes.entrySet()) {
            insert((int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue());
        }
        other.nodes.clear();
        return this;
    }

    /** The combination over all partitions added, or null if none was. */
    T total() {
        T acc = null;
        for (T v : nodes.values()) {
            acc = acc == null ? v : combiner.combine(acc, v);
        }
        return acc;
    }

    private void insert(int start, int width, T v) {
        while (true) {
            boolean left = (start / width) % 2 == 0;
            int sibling = left ? start + width : start - width;
            if (left && sibling >= partitions) {
                break; // no right sibling exists: this node stays until the final fold
            }
            T other = nodes.remove(key(sibling, width));
            if (other == null) {
                break;
            }
            v = left ? combiner.combine(v, other) : combiner.combine(other, v);
            start = Math.min(start, sibling);
            width *= 2;
        }
        nodes.put(key(start, width), v);
    }

    private static long key(int start, int width) {
        return ((long) start << 32) | width;
    }

    /** a += b, elementwise; returns a. An empty vector (a partition with nothing to add) adds nothing. */
    static double[] addInto(double[] a, double[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }
}
