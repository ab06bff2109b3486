package org.scratchnet.tensor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits a range of output rows between {@link Engine#threads()} threads. Work is only ever
 * partitioned by output rows (or elements, or the fixed parts of {@link Ops#matmul}'s inner
 * dimension, which do not depend on the thread count), so results do not depend on it either.
 *
 * <p>A training step of a small network makes a few short parallel calls (tens of
 * microseconds each), where an executor's queue and futures cost as much as the work. So the
 * workers here are plain threads that spin briefly after each task and then park; the caller
 * runs the first chunk itself, then takes back any chunk no worker has started (see
 * {@link Worker}) and waits for the rest.
 * One caller at a time uses the workers; a concurrent caller (parallel inference) runs its work
 * on its own thread, which gives the same bits. A parallel call made from inside a chunk runs
 * inline on that chunk's thread, for the same reason.
 */
public final class Parallel {
    /**
     * Below this many floating-point operations (or element updates) work runs on the calling
     * thread: about 6 µs of one core's multiply-adds, less than handing half of it to a core
     * whose cache does not hold the operands (the MNIST head's 64x256x10 products, 0.33 MFLOP,
     * measured about 5% of an epoch faster on one thread).
     */
    public static final long MIN_PARALLEL_FLOPS = 1L << 20;
    /** How long an idle worker spins before parking, and the caller before yielding. */
    private static final long SPIN_NANOS = 100_000;

    /** A task over rows [from, to). */
    @FunctionalInterface
    public interface RowTask {
        void run(int from, int to);
    }

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static Worker[] workers = new Worker[0];
    /** Calls split between threads so far (guarded by LOCK): tests check the work estimates with it. */
    private static long splitCalls;

    private Parallel() {
    }

    /** Runs {@code task} over rows [0, rows) in chunks of whole 8-row tiles, in parallel when {@code flops} is large enough. */
    public static void forRows(int rows, long flops, RowTask task) {
        run(rows, flops, 8, task);
    }

    /** Runs {@code task} over elements [0, n) in chunks that are multiples of 64, for element-wise kernels. */
    public static void forRange(int n, long work, RowTask task) {
        run(n, work, 64, task);
    }

    private static void run(int n, long work, int grain, RowTask task) {
        int t = Math.min(Engine.threads(), n / grain);
        // A nested call (a chunk that itself calls a parallel kernel) runs inline: from a worker,
        // or from the caller, which holds LOCK while its chunks run. ReentrantLock.tryLock would
        // succeed again for the holder, and re-posting to workers still busy with the outer call
        // would overwrite their chunk. Inline work covers the same indices, so the same bits.
        if (t <= 1 || work < MIN_PARALLEL_FLOPS || Thread.currentThread() instanceof Worker
                || LOCK.isHeldByCurrentThread() || !LOCK.tryLock()) {
            task.run(0, n);
            return;
        }
        try {
            splitCalls++;
            Worker[] ws = workers(t - 1);
            int chunk = ((n + t - 1) / t + grain - 1) / grain * grain;
            int used = 0;
            for (int from = chunk; from < n; from += chunk) {
                ws[used++].post(task, from, Math.min(n, from + chunk));
            }
            RuntimeException failure = null;
            try {
                task.run(0, Math.min(n, chunk));
            } catch (RuntimeException e) {
                failure = e;
            }
            for (int i = 0; i < used; i++) {
                Throwable e = ws[i].await();
                if (e != null && failure == null) {
                    failure = e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            LOCK.unlock();
        }
    }

    /** How many calls so far were split between threads (a call made while another holds the workers waits for it). */
    static long splitCalls() {
        LOCK.lock();
        try {
            return splitCalls;
        } finally {
            LOCK.unlock();
        }
    }

    private static Worker[] workers(int count) {
        if (workers.length < count) {
            Worker[] grown = java.util.Arrays.copyOf(workers, count);
            for (int i = workers.length; i < count; i++) {
                grown[i] = new Worker(i + 1);
                grown[i].start();
            }
            workers = grown;
        }
        return workers;
    }

    /**
     * A daemon thread that runs one posted chunk at a time. A posted chunk is a positive ticket;
     * whoever swaps it to its negative first (the worker, or the caller once its own chunk is
     * done) runs it. So when the machine is busy and the worker is not scheduled, the caller does
     * the work itself instead of waiting: two threads never cost much more than one.
     */
    private static final class Worker extends Thread {
        private final AtomicLong ticket = new AtomicLong();
        private volatile long finished;
        private volatile boolean parked;
        private long seq;
        private RowTask task;
        private int from;
        private int to;
        private Throwable error;

        Worker(int index) {
            super("scratchnet-worker-" + index);
            setDaemon(true);
        }

        // called by the caller holding LOCK; the volatile ticket write publishes task, from, to
        void post(RowTask t, int f, int e) {
            task = t;
            from = f;
            to = e;
            error = null;
            ticket.set(++seq);
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        /** Runs the chunk here if the worker has not taken it yet, else waits for it; returns its failure. */
        Throwable await() {
            long mine = seq;
            if (ticket.compareAndSet(mine, -mine)) {
                try {
                    task.run(from, to);
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            }
            long start = System.nanoTime();
            int spins = 0;
            while (finished != mine) {
                if ((++spins & 255) == 0 && System.nanoTime() - start > SPIN_NANOS) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            return error;
        }

        @Override
        public void run() {
            while (true) {
                runNext();
            }
        }

        /**
         * Spins for the next posted chunk, parks when none comes, and runs the chunk unless the
         * caller took it back; one call per chunk.
         */
        private void runNext() {
            long start = System.nanoTime();
            int spins = 0;
            long t;
            while ((t = ticket.get()) <= 0) {
                if ((++spins & 255) == 0 && System.nanoTime() - start > SPIN_NANOS) {
                    parked = true;
                    if (ticket.get() <= 0) {
                        LockSupport.park(this);
                    }
                    parked = false;
                } else {
                    Thread.onSpinWait();
                }
            }
            if (!ticket.compareAndSet(t, -t)) {
                return; // the caller took it
            }
            try {
                task.run(from, to);
            } catch (Throwable e) {
                error = e;
            }
            finished = t;
        }
    }
}
