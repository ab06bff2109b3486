package org.scratchnet.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * GFLOP/s of the three product layouts of a dense layer (x@w, xᵀ@dZ, dZ@wᵀ) at MNIST's first
 * layer shape, for the scalar and the vector kernels, on 1 and N threads. Median of repeats.
 * With {@code --runs N} the same table is measured in N separate JVMs ({@link KernelRuns}),
 * because the JIT decides some of the speed once per process.
 */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "GFLOP/s of the M x K x N float32 products (default 64x784x256) for each kernel implementation.")
public final class KernelBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "-m", defaultValue = "64", description = "Rows of x (batch), default ${DEFAULT-VALUE}.")
    int m;

    @Option(names = "-k", defaultValue = "784", description = "Inner dimension, default ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "-n", defaultValue = "256", description = "Output columns, default ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--seconds", defaultValue = "1.0", description = "Time per measurement, default ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--kernels", defaultValue = "all", paramLabel = "all|vector|scalar",
            description = "Which kernels to measure, default ${DEFAULT-VALUE}.")
    String kernels;

    @Option(names = "--threads", defaultValue = "0",
            description = "Thread count to measure; 0 (default) measures 1 and all cores.")
    int threads;

    @Option(names = "--clock", defaultValue = "wall", paramLabel = "wall|cpu",
            description = "Time the products by the wall clock (default) or by the CPU time of the one measuring thread "
                    + "(needs --threads 1): on a busy machine the CPU clock leaves out the time the thread waited for a core.")
    String clock;

    @Option(names = "--runs", defaultValue = "1",
            description = "Separate processes to measure in; above 1 prints each run and the min/median/max per figure.")
    int runs;

    /** Milliseconds the JIT compiled while this row's products were timed. */
    private long jitTimed;

    @Override
    public Integer call() {
        if (m < 1 || k < 1 || n < 1 || !(seconds > 0)) {
            throw new Errors.UserException("bench kernels: sizes and --seconds must be positive", 2);
        }
        if (!kernels.equals("all") && !kernels.equals("vector") && !kernels.equals("scalar")) {
            throw new Errors.UserException("bench kernels: --kernels must be all, vector or scalar, got '" + kernels + "'", 2);
        }
        if (threads < 0 || runs < 1) {
            throw new Errors.UserException("bench kernels: --threads must be >= 0 and --runs >= 1, got --threads "
                    + threads + " --runs " + runs, 2);
        }
        if (!clock.equals("wall") && !(clock.equals("cpu") && threads == 1)) {
            throw new Errors.UserException("bench kernels: --clock must be wall, or cpu with --threads 1, got --clock "
                    + clock + " --threads " + threads, 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (runs > 1) {
            return KernelRuns.run(out, runs, "-m", "" + m, "-k", "" + k, "-n", "" + n, "--seconds", "" + seconds,
                    "--kernels", kernels, "--threads", "" + threads,
                    "--clock", clock);
        }
        Rng rng = new Rng(1);
        Tensor x = random(rng, m, k), w = random(rng, k, n), dz = random(rng, m, n);
        Tensor z = Tensor.zeros(m, n), dw = Tensor.zeros(k, n), dx = Tensor.zeros(m, k);
        double flops = 2.0 * m * k * n;
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "float32 products %dx%dx%d (%.1f MFLOP each), %d cores, Java %s%n", m, k, n, flops / 1e6,
                cores, System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%-8s %-8s %12s %12s %12s%n", "kernels", "threads", "x@w", "xT@dZ", "dZ@wT");
        String saved = Engine.kernels().name();
        int savedThreads = Engine.threads();
        try {
            for (String impl : Engine.vectorAvailable() ? new String[] {"scalar", "vector"} : new String[] {"scalar"}) {
                if (!kernels.equals("all") && !kernels.equals(impl)) {
                    continue;
                }
                Engine.useKernels(impl);
                // all product layouts compiled before the first one is timed, whatever the load
                Engine.warmUp();
                for (int t : threads > 0 ? new int[] {threads} : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                    Engine.setThreads(t);
                    jitTimed = 0;
                    double a = gflops(() -> Ops.matmul(x, w, z), flops);
                    double b = gflops(() -> Ops.matmulTransA(x, dz, dw, false), flops);
                    double c = gflops(() -> Ops.matmulTransB(dz, w, dx), flops);
                    out.printf(Locale.ROOT, "%-8s %-8d %9.1f GF %9.1f GF %9.1f GF   JIT %d ms%n", impl, t, a, b, c, jitTimed);
                    out.flush();
                }
            }
        } finally {
            Engine.useKernels(saved);
            Engine.setThreads(savedThreads);
        }
        return 0;
    }

    /**
     * The median of seven rates, each over a seventh of {@code --seconds}, after half of it as
     * warm-up and then more warm-up in tenths until the JIT has gone quiet (as before the MNIST
     * bench's epochs): a compile finishing while a product is timed would swap its code mid-way.
     * The JIT's compile time during the timed part is added to {@link #jitTimed}.
     */
    private double gflops(Runnable op, double flops) {
        LongSupplier time = clock.equals("cpu")
                ? ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime : System::nanoTime;
        long slice = (long) (seconds * 0.1e9);
        runUntil(op, time, time.getAsLong() + 5 * slice);
        Jit.untilQuiet(i -> runUntil(op, time, time.getAsLong() + slice), QUIET_SLICES, 0);
        double[] rates = new double[7];
        long jitBefore = Jit.compileMillis();
        for (int r = 0; r < rates.length; r++) {
            long start = time.getAsLong();
            long[] done = runUntil(op, time, start + (long) (seconds / rates.length * 1e9));
            rates[r] = flops * done[0] / (done[1] - start);
        }
        jitTimed += Jit.compileMillis() - jitBefore;
        Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    /** Most warm-up tenths to wait for a quiet JIT (two seconds with the default one-second measurement). */
    static final int QUIET_SLICES = 20;

    /**
     * Runs {@code op} until {@code time} reaches {@code end}, at least once; returns {repetitions, time at the end}.
     * A method of its own, run in the warm-up too: the timed loops are then compiled code from the start,
     * not a loop the JIT replaces while it runs.
     */
    static long[] runUntil(Runnable op, LongSupplier time, long end) {
        long reps = 0, now;
        do {
            op.run();
            reps++;
            now = time.getAsLong();
        } while (now < end);
        return new long[] {reps, now};
    }

    private static Tensor random(Rng rng, int r, int c) {
        float[] d = new float[r * c];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return Tensor.of(d, r, c);
    }
}
