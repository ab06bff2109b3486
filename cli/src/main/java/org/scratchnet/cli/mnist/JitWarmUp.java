package org.scratchnet.cli.mnist;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.ObjectName;
import org.scratchnet.data.Dataset;
import org.scratchnet.train.TrainingListener;

/**
 * The warm-up before timed epochs: a throwaway model trains in short chunks until the JIT has
 * gone quiet. HotSpot compiles a method after it has run often enough, with the branches and
 * shapes it saw by then; a kernel compiled from other shapes is thrown away when the first
 * unseen one arrives (a short last batch, say) and runs slowly until it is compiled again. Chunks
 * of the real training on the real shapes, short last batch included, get all of that done
 * before the clock starts. The timed run's model, shuffles and results do not depend on it.
 */
public final class JitWarmUp {
    /** Training steps per chunk (plus one short batch at the end of each, when the data has enough rows). */
    static final int CHUNK_STEPS = 50;
    /** A chunk during which the JIT spent less than this many milliseconds ends the warm-up. */
    public static final long QUIET_MILLIS = 10;
    /**
     * Quiet chunks in a row that end the warm-up: one quiet chunk can be a lull while methods
     * called once or a few times a step (the batch gather, the accuracy count) still run their
     * profiling code, waiting for the counts that send them to the optimizing compiler.
     */
    static final int QUIET_CHUNKS = 2;
    /** Most chunks to run when the JIT never goes quiet (2,000 steps). */
    static final int MAX_CHUNKS = 40;
    /** Chunks to run when the JVM does not report compilation time. */
    static final int BLIND_CHUNKS = 8;

    /**
     * How a warm-up ended: chunks run, whether the last one was quiet, and whether the JVM
     * reported no compilation time (then neither the quiet test nor the cap ended it).
     */
    public record Result(int chunks, boolean quiet, boolean blind) {
        /** Why the warm-up stopped, for the bench's output. */
        String reason() {
            if (blind) {
                return "a fixed number (this JVM does not report its compilation time)";
            }
            return quiet ? "until the JIT compiled for less than " + QUIET_MILLIS + " ms and had nothing left for its "
                    + "optimizing compiler, " + QUIET_CHUNKS + " chunks in a row"
                    : "then stopped with the JIT still compiling";
        }
    }

    private JitWarmUp() {
    }

    /**
     * Runs {@code chunk.accept(i)} for i = 0, 1, ... until {@link #QUIET_CHUNKS} in a row each add
     * less than {@code quietMillis} to {@code compileMillis} and end with {@code compiling} false,
     * and at most {@code maxChunks} times. A negative compilation time means the JVM does not report
     * it: then {@code blindChunks} run.
     */
    public static Result untilQuiet(IntConsumer chunk, LongSupplier compileMillis, BooleanSupplier compiling, int maxChunks,
                             int blindChunks, long quietMillis) {
        long before = compileMillis.getAsLong();
        boolean blind = before < 0;
        int limit = blind ? blindChunks : maxChunks;
        int quietInARow = 0;
        for (int i = 0; i < limit; i++) {
            chunk.accept(i);
            long now = compileMillis.getAsLong();
            // the clock moves when a compilation ends: one that outlasts a chunk shows only in the queue
            quietInARow = !blind && now - before < quietMillis && !compiling.getAsBoolean() ? quietInARow + 1 : 0;
            if (quietInARow == QUIET_CHUNKS) {
                return new Result(i + 1, true, false);
            }
            before = now;
        }
        return new Result(limit, false, blind);
    }

    /** The rows of one chunk: {@link #CHUNK_STEPS} batches and a half, or all of a smaller set. */
    static int chunkRows(int size) {
        return Math.min(size, CHUNK_STEPS * MnistRun.BATCH + MnistRun.BATCH / 2);
    }

    // batches in one epoch over a chunk's rows, the short last one included
    private static int batchesPerEpoch(int size) {
        return (chunkRows(size) + MnistRun.BATCH - 1) / MnistRun.BATCH;
    }

    /** Epochs over a chunk's rows: one, or as many as a smaller set needs to make a chunk's steps. */
    static int chunkEpochs(int size) {
        int perEpoch = batchesPerEpoch(size);
        return (CHUNK_STEPS + perEpoch) / perEpoch; // ceil((CHUNK_STEPS + 1) / perEpoch)
    }

    /** Training steps in one chunk. */
    static int chunkSteps(int size) {
        return chunkEpochs(size) * batchesPerEpoch(size);
    }

    /**
     * Trains throwaway copies of the benchmark's network on slices of {@code train} until the JIT
     * is quiet: a new model and a new {@code listener} each chunk, as the timed run starts with a
     * new model and its own listener. Code compiled while one model trained for a long time has
     * never seen a first step (buffers still to allocate), and would be thrown away and compiled
     * again at the timed run's first step.
     */
    static Result training(Dataset train, long seed, Supplier<TrainingListener> listener) {
        int rows = chunkRows(train.size()), epochs = chunkEpochs(train.size());
        return untilQuiet(i -> {
            int from = sliceStart(i, rows, train.size());
            MnistRun.trainer(MnistRun.model(seed + 1 + i), epochs, seed + 1 + i).listener(listener.get()).build()
                    .fit(train.slice(from, from + rows));
        }, JitWarmUp::compileMillis, JitWarmUp::compiling, MAX_CHUNKS, BLIND_CHUNKS, QUIET_MILLIS);
    }

    /** Where chunk i's rows start: a different slice each time, as an epoch gathers rows from the whole set. */
    static int sliceStart(int chunk, int rows, int size) {
        return size <= rows ? 0 : (int) ((long) chunk * rows % (size - rows + 1));
    }

    /**
     * Whether the optimizing compiler is compiling or has methods queued right now, from HotSpot's diagnostic
     * command {@code Compiler.queue} (what {@code jcmd PID Compiler.queue} prints); false when the
     * JVM has no such command.
     */
    public static boolean compiling() {
        return busy(compilerQueue());
    }

    /** The text of {@code Compiler.queue}, or "" when this JVM does not have the command. */
    static String compilerQueue() {
        try {
            return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {null}, new String[] {String[].class.getName()}));
        } catch (JMException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Whether a {@code Compiler.queue} listing shows the optimizing compiler (C2) at work: a C2
     * thread under "Current compiles:", or a method in the C2 queue. The quick compiler's work
     * (a few milliseconds at most, on the code around each chunk) does not count.
     */
    static boolean busy(String queue) {
        boolean inC2Queue = false;
        for (String line : queue.lines().map(String::strip).toList()) {
            if (line.endsWith(":")) {
                inC2Queue = line.equals("C2 compile queue:");
            } else if (line.startsWith("C2 CompilerThread") || inC2Queue && !line.isEmpty() && !line.equals("Empty")) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds the JIT has spent compiling in this JVM, or -1 when the JVM does not say. */
    public static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }
}
