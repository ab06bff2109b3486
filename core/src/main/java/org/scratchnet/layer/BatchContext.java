package org.scratchnet.layer;

/**
 * Who a training batch is: the run's seed, the optimizer step it feeds, and each batch row's
 * position in the whole dataset. Random masks (dropout) are drawn from these alone, so they do
 * not depend on how rows are split between threads, batches of a split step, or machines.
 *
 * @param seed     the run's seed
 * @param step     the update this batch contributes to (1-based, counted over the whole training)
 * @param rows     dataset positions of the batch rows, read from {@code rows[offset .. offset + N)}
 * @param offset   where this batch starts in {@code rows}
 */
public record BatchContext(long seed, long step, int[] rows, int offset) {
    /** Dataset position of batch row {@code r}. */
    public int row(int r) {
        return rows == null ? offset + r : rows[offset + r];
    }

    /** A batch of rows {@code 0..N-1} in order (full-batch training, tests). */
    public static BatchContext ordered(long seed, long step) {
        return new BatchContext(seed, step, null, 0);
    }
}
