package org.scratchnet.tensor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

/**
 * Splits a range of output rows between {@link Engine#threads()} threads. Work is only ever
 * partitioned by output rows, never by the summed dimension, so results do not depend on the
 * thread count.
 */
public final class Parallel {
    /** Below this many floating-point operations a product runs on the calling thread. */
    public static final long MIN_PARALLEL_FLOPS = 1L << 21;

    /** A task over rows [from, to). */
    @FunctionalInterface
    public interface RowTask {
        void run(int from, int to);
    }

    private static ExecutorService pool;
    private static int poolSize;

    private Parallel() {
    }

    /** Runs {@code task} over rows [0, rows), in parallel when {@code flops} is large enough. */
    public static void forRows(int rows, long flops, RowTask task) {
        int t = Math.min(Engine.threads(), rows / 8);
        if (t <= 1 || flops < MIN_PARALLEL_FLOPS) {
            task.run(0, rows);
            return;
        }
        ExecutorService ex = pool(t - 1);
        // chunk boundaries on multiples of 8 keep the 8-row tiles whole
        int chunk = ((rows + t - 1) / t + 7) / 8 * 8;
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[t];
        int count = 0;
        for (int from = chunk; from < rows; from += chunk) {
            int f = from;
            int to = Math.min(rows, from + chunk);
            futures[count++] = ex.submit(() -> task.run(f, to));
        }
        task.run(0, Math.min(rows, chunk));
        for (int i = 0; i < count; i++) {
            try {
                futures[i].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private static synchronized ExecutorService pool(int size) {
        if (pool == null || poolSize < size) {
            if (pool != null) {
                pool.shutdown();
            }
            poolSize = size;
            pool = Executors.newFixedThreadPool(size, r -> {
                Thread th = new Thread(r, "scratchnet-worker");
                th.setDaemon(true);
                return th;
            });
        }
        return pool;
    }
}
