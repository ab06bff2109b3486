package org.scratchnet.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What the JIT is doing, for the benchmarks that wait for it before they time anything
 * ({@code bench mnist}'s warm-up, {@code bench kernels}): its compile time so far, whether its
 * optimizing compiler has work, and a warm-up loop that runs until both have gone quiet.
 */
public final class Jit {
    /** A chunk during which the JIT spent less than this many milliseconds counts as quiet. */
    public static final long QUIET_MILLIS = 10;
    /**
     * Quiet chunks in a row that end the warm-up: one quiet chunk can be a lull while methods
     * called once or a few times a step (the batch gather, the accuracy count) still run their
     * profiling code, waiting for the counts that send them to the optimizing compiler.
     */
    public static final int QUIET_CHUNKS = 2;
    /**
     * How a warm-up ended: chunks run, whether the last one was quiet, and whether the JVM
     * reported no compilation time (then neither the quiet test nor the cap ended it).
     */
    public record Result(int chunks, boolean quiet, boolean blind) {
        /** Why the warm-up stopped, for the bench's output. */
        public String reason() {
            if (blind) {
                return "a fixed number (this JVM does not report its compilation time)";
            }
            return quiet ? "until the JIT compiled for less than " + QUIET_MILLIS + " ms and had nothing left for its "
                    + "optimizing compiler, " + QUIET_CHUNKS + " chunks in a row"
                    : "then stopped with the JIT still compiling";
        }
    }

    private Jit() {
    }

    /**
     * {@link #untilQuiet(IntConsumer, LongSupplier, BooleanSupplier, int, int, long)} with this
     * JVM's compile clock and C2 queue and {@link #QUIET_MILLIS}.
     */
    public static Result untilQuiet(IntConsumer chunk, int maxChunks, int blindChunks) {
        return untilQuiet(chunk, Jit::compileMillis, Jit::compiling, maxChunks, blindChunks, QUIET_MILLIS);
    }

    /**
     * Runs {@code chunk.accept(i)} for i = 0, 1, ... until {@link #QUIET_CHUNKS} in a row each add
     * less than {@code quietMillis} to {@code compileMillis} and end with {@code compiling} false,
     * and at most {@code maxChunks} times. A negative compilation time means the JVM does not report
     * it: then {@code blindChunks} run.
     */
    public static Result untilQuiet(IntConsumer chunk, LongSupplier compileMillis, BooleanSupplier compiling,
                                    int maxChunks, int blindChunks, long quietMillis) {
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
