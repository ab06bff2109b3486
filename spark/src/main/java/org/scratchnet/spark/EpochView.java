package org.scratchnet.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A partition's rows in the epoch's shuffled order: {@code local[i]} is the block row whose
 * position in the epoch order is {@code position[i]}, ascending. The rows of global batch b
 * (epoch positions [b·B, (b+1)·B)) are then one run {@code [lo, hi)} of these arrays. Refers to
 * the cached block, copies no features.
 *
 * @param block    the partition's cached rows
 * @param offset   dataset position of the block's first row (rows are numbered partition by partition)
 * @param local    block row indices, sorted by their epoch position
 * @param position epoch positions of those rows, ascending
 */
record EpochView(Block block, long offset, int[] local, int[] position) implements Serializable {
    /** Positions {@code inverse} (dataset row → epoch position) of this block's rows, sorted. */
    static EpochView of(Block block, long offset, int[] inverse) {
        int n = block.rows();
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            keyed[i] = ((long) inverse[(int) (offset + i)] << 32) | i;
        }
        Arrays.sort(keyed);
        int[] local = new int[n], position = new int[n];
        for (int i = 0; i < n; i++) {
            local[i] = (int) keyed[i];
            position[i] = (int) (keyed[i] >>> 32);
        }
        return new EpochView(block, offset, local, position);
    }

    /** First index whose position is >= {@code p}. */
    int lowerBound(int p) {
        int lo = 0, hi = position.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (position[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
