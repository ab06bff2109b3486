package org.scratchnet.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scratchnet bench cores}: the time a cache line takes to go from one thread to another
 * and back, two threads bouncing a counter. Every hand-over between the main thread and a
 * worker (a product's half, its result) pays it. On a virtual machine the host decides where the
 * virtual CPUs run, so the figure can change from one minute to the next: tens of nanoseconds
 * when they share a cache, hundreds when they do not, and two-thread training speed follows it.
 */
@Command(name = "cores", mixinStandardHelpOptions = true,
        description = "Round trip of a cache line between two threads (how far apart the cores are), in nanoseconds.")
public final class CoresBench implements Callable<Integer> {
    /** What the figure reads where there is no second core to bounce a line to. */
    public static final String ONE_CORE = "not measured (one core)";

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "0.2", description = "Time to measure, default ${DEFAULT-VALUE}.")
    double seconds;

    @Override
    public Integer call() {
        if (!(seconds > 0) || seconds > 60) {
            throw new Errors.UserException("bench cores: --seconds must be in (0, 60], got " + seconds, 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(line(seconds));
        out.flush();
        return 0;
    }

    /**
     * "core-to-core round trip: 72 ns (min 70, max 80 over 9 rounds)", or why there is no
     * figure. A max far above the median means a thread lost its core for part of a round.
     */
    public static String line(double seconds) {
        if (oneCore()) {
            return "core-to-core round trip: " + ONE_CORE;
        }
        double[] r = roundTrips(seconds, 9);
        return String.format(Locale.ROOT, "core-to-core round trip: %.0f ns (min %.0f, max %.0f over %d rounds)",
                r[r.length / 2], r[0], r[r.length - 1], r.length);
    }

    /** The median round trip in ns over a short measurement, or NaN on one core. */
    public static double medianNanos(double seconds) {
        if (oneCore()) {
            return Double.NaN;
        }
        double[] r = roundTrips(seconds, 9);
        return r[r.length / 2];
    }

    private static boolean oneCore() {
        return Runtime.getRuntime().availableProcessors() < 2;
    }

    /** Nanoseconds per round trip in each of {@code rounds} equal slices of {@code seconds}, sorted. */
    static double[] roundTrips(double seconds, int rounds) {
        Line line = new Line();
        Thread partner = new Thread(() -> {
            long seen = 0;
            while (true) {
                long v;
                while ((v = line.ping) == seen) {
                    Thread.onSpinWait();
                }
                if (v < 0) {
                    return;
                }
                seen = v;
                line.pong = v;
            }
        }, "scratchnet-bench-cores");
        partner.setDaemon(true);
        partner.start();
        double[] ns = new double[rounds];
        long next = 0;
        long slice = (long) (seconds * 1e9 / rounds);
        try {
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime(), end = start + slice, now, trips = 0;
                do {
                    for (int i = 0; i < 256; i++) {
                        line.ping = ++next;
                        while (line.pong != next) {
                            Thread.onSpinWait();
                        }
                    }
                    trips += 256;
                    now = System.nanoTime();
                } while (now < end);
                ns[r] = (double) (now - start) / trips;
            }
        } finally {
            line.ping = -1;
        }
        Arrays.sort(ns);
        return ns;
    }

    // both counters in one object, so on one cache line: each bounce moves that line
    private static final class Line {
        volatile long ping;
        volatile long pong;
    }
}
