package org.scratchnet.web;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.scratchnet.data.TabularData;
import org.scratchnet.io.Json;
import org.scratchnet.tensor.Tensor;

/**
 * One open page: its {@link Training}, a training thread that runs while the page plays, and
 * the latest snapshot for the page's event stream. One fair lock guards the training state, so
 * a Pause or Step from the page waits at most one update interval, never for the whole run.
 */
final class Session {
    /** Time between published snapshots while playing: 40 per second, so a busy machine still shows 20+. */
    static final long UPDATE_NANOS = 25_000_000L;
    /** Least training time between two snapshots, however slow a snapshot is. */
    static final long MIN_TRAIN_NANOS = 2_000_000L;

    final String id;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition wake = lock.newCondition();
    private final Object published = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long lastSeen = System.nanoTime();

    // guarded by lock
    private Training training;
    private TabularData upload;
    private boolean playing;
    private String error;
    private double stepsPerSecond;
    private int dataVersion;

    // guarded by published
    private long version;
    private String snapshot;

    Session(String id) {
        this.id = id;
        this.thread = new Thread(this::run, "playground-" + id.substring(0, 8));
        thread.setDaemon(true);
        configure(Settings.defaults());
        thread.start();
    }

    /** Rebuilds data and network for {@code s}; training restarts at epoch 0, paused. */
    int configure(Settings s) {
        Training t = new Training(s, PlaygroundData.make(s, upload));
        lock.lock();
        try {
            training = t;
            playing = false;
            error = null;
            dataVersion++;
            publish();
            return dataVersion;
        } finally {
            lock.unlock();
        }
    }

    void upload(TabularData data) {
        lock.lock();
        try {
            upload = data;
        } finally {
            lock.unlock();
        }
    }

    /** play, pause, step or reset. */
    boolean control(String action) {
        lock.lock();
        try {
            switch (action) {
                case "play":
                    playing = true;
                    error = null;
                    wake.signalAll();
                    break;
                case "pause":
                    playing = false;
                    break;
                case "step":
                    playing = false;
                    guarded(() -> training.step());
                    break;
                case "reset":
                    training = new Training(training.settings, new org.scratchnet.data.Dataset[] {training.trainRaw,
                        training.testRaw});
                    playing = false;
                    error = null;
                    break;
                default:
                    throw new BadRequest("action: expected play, pause, step or reset, got '" + Settings.clip(action) + "'");
            }
            publish();
            return playing;
        } finally {
            lock.unlock();
        }
    }

    /** Runs one real step with a trace and returns the explanation (training pauses). */
    Map<String, Object> explain() {
        lock.lock();
        try {
            playing = false;
            StepTrace trace = new StepTrace();
            guarded(() -> training.step(trace));
            publish();
            return trace.toJson(training.epoch(), training.steps());
        } finally {
            lock.unlock();
        }
    }

    Map<String, Object> data() {
        lock.lock();
        try {
            Map<String, Object> m = Snapshots.data(training);
            m.put("dataVersion", dataVersion);
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Epoch, step, playing and both losses now (scripts and tests; the page reads the stream). */
    Map<String, Object> state() {
        lock.lock();
        try {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("epoch", training.epoch());
            m.put("step", training.steps());
            m.put("playing", playing);
            m.put("trainLoss", Snapshots.finite(training.trainLoss()));
            m.put("testLoss", Snapshots.finite(training.testLoss()));
            m.put("error", error);
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Outputs (M, 1) for raw points (M, 2). */
    Tensor predict(Tensor points) {
        lock.lock();
        try {
            return training.predictRaw(points);
        } finally {
            lock.unlock();
        }
    }

    /** Applies {@code f} to the training state under the lock (model export). */
    <T> T withTraining(java.util.function.Function<Training, T> f) {
        lock.lock();
        try {
            return f.apply(training);
        } finally {
            lock.unlock();
        }
    }

    /** The newest snapshot after {@code seen}, or null after {@code timeoutMillis} without one. */
    String awaitSnapshot(long seen, long[] versionOut, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (published) {
            while (version <= seen && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(published, left);
            }
            versionOut[0] = version;
            return closed ? null : snapshot;
        }
    }

    void touch() {
        lastSeen = System.nanoTime();
    }

    long silentNanos() {
        return System.nanoTime() - lastSeen;
    }

    boolean closed() {
        return closed;
    }

    /** Stops the training thread and wakes every stream so it ends. */
    void close() {
        closed = true;
        thread.interrupt();
        synchronized (published) {
            published.notifyAll();
        }
    }

    /**
     * The training thread: while playing, steps until the next snapshot is due, then publishes.
     * The time the last snapshot took to build is taken off the training share, so the page
     * gets its updates on time even when the machine is busy (training gets what is left).
     */
    private void run() {
        long snapshotNanos = 0;
        long cycleStart = 0, cycleSteps = 0; // the last cycle's start: steps/s counts snapshot time too
        try {
            while (!closed) {
                lock.lockInterruptibly();
                try {
                    while (!playing && !closed) {
                        wake.await();
                    }
                    if (closed) {
                        return;
                    }
                    long start = System.nanoTime();
                    if (start - cycleStart > 4 * UPDATE_NANOS) {
                        cycleStart = start; // after a pause, count from here
                        cycleSteps = training.steps();
                    }
                    long until = start + Math.max(UPDATE_NANOS - snapshotNanos, MIN_TRAIN_NANOS);
                    guarded(() -> {
                        do {
                            training.step();
                        } while (System.nanoTime() < until);
                    });
                    long trained = System.nanoTime();
                    stepsPerSecond = (training.steps() - cycleSteps) * 1e9 / Math.max(1, trained - cycleStart);
                    cycleStart = trained;
                    cycleSteps = training.steps();
                    publish();
                    snapshotNanos = System.nanoTime() - trained;
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        }
    }

    /** Runs a training action; divergence pauses and becomes the page's error line. */
    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (Training.DivergedException e) {
            playing = false;
            error = e.getMessage();
        }
    }

    /** Builds the snapshot under the training lock and hands it to the streams. */
    private void publish() {
        synchronized (published) {
            version++;
            Map<String, Object> m = Snapshots.snapshot(training, version, playing, error, playing ? stepsPerSecond : 0);
            m.put("dataVersion", dataVersion);
            snapshot = Json.write(m);
            published.notifyAll();
        }
    }
}
