package org.scratchnet.cli.mnist;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchnet.cli.CoresBench;
import org.scratchnet.cli.Jit;
import org.scratchnet.data.Dataset;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Engine;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.Metrics;
import org.scratchnet.train.TrainContext;
import org.scratchnet.train.Trainer;
import org.scratchnet.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scratchnet bench mnist}: the tutorial's training (no test pass inside the timed
 * epochs), printing seconds and GFLOP/s per epoch, the median, peak heap and peak RSS. The last
 * line, {@code median epoch: S s}, is what {@code bench/compare-numpy.sh} reads.
 */
@Command(name = "mnist", mixinStandardHelpOptions = true,
        description = "Seconds per MNIST training epoch (784-256-10, Adam, batch 64), GFLOP/s and peak memory.")
public final class MnistBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs to time (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (default: all cores).")
    int threads;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST directory (default: ~/.cache/scratchnet/mnist).")
    String data;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-limit", defaultValue = "0", description = "Use only the first N training images (0 = all).")
    int trainLimit;

    @Override
    public Integer call() {
        MnistRun.checkOptions(epochs, threads, trainLimit, 0);
        PrintWriter out = spec.commandLine().getOut();
        Dataset[] d = MnistRun.load(MnistCache.parse(data), trainLimit, 0);
        Dataset train = d[0], test = d[1];
        double gflop = MnistRun.flopsPerEpoch(train.size()) / 1e9;
        out.printf(Locale.ROOT, "MNIST %d images, batch %d, Adam; %.1f GFLOP per epoch; kernels %s, %d threads, "
                + "%d cores, Java %s%n", train.size(), MnistRun.BATCH, gflop, Engine.kernels().name(),
                Engine.threads(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.flush();
        long warmStart = System.nanoTime();
        Jit.Result warm = JitWarmUp.training(train, seed,
                () -> new EpochLines(new PrintWriter(Writer.nullWriter()), gflop));
        out.printf(Locale.ROOT, "warm-up: %d chunks of %d steps on a throwaway model, %.1f s, %s%n", warm.chunks(),
                JitWarmUp.chunkSteps(train.size()),
                (System.nanoTime() - warmStart) / 1e9, warm.reason());
        out.flush();
        double coresBefore = CoresBench.medianNanos(0.05);
        Sequential model = MnistRun.model(seed);
        EpochLines lines = new EpochLines(out, gflop);
        MnistRun.trainer(model, epochs, seed).listener(lines).build().fit(train);
        List<Double> seconds = lines.seconds;
        double acc = Metrics.accuracy(Trainer.predict(model, test), test.y(), true);
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        out.printf(Locale.ROOT, "test accuracy %.2f%%; peak heap %.0f MB; peak RSS %s%n", 100 * acc,
                peakHeapBytes() / 1e6, peakRss());
        // the host may move the virtual CPUs while a run goes on: a figure before and after
        double coresAfter = CoresBench.medianNanos(0.05);
        if (Double.isNaN(coresAfter)) {
            out.println("core-to-core round trip (bench cores): " + CoresBench.ONE_CORE);
        } else {
            out.printf(Locale.ROOT, "core-to-core round trip (bench cores): %.0f ns before the epochs, %.0f ns after%n",
                    coresBefore, coresAfter);
        }
        out.printf(Locale.ROOT, "median epoch: %.3f s (%.1f GFLOP/s)%n", median, gflop / median);
        out.flush();
        return 0;
    }

    /**
     * The line per timed epoch: seconds, GFLOP/s, loss, and the process's CPU and JIT time during
     * the epoch. The warm-up trains with one of these too (printing nowhere), so the training loop
     * the JIT compiled there has seen this listener's class.
     */
    static final class EpochLines implements TrainingListener {
        final List<Double> seconds = new ArrayList<>();
        private final PrintWriter out;
        private final double gflop;
        private long cpuAtStart = processCpuNanos();
        private long jitAtStart = Jit.compileMillis();

        EpochLines(PrintWriter out, double gflop) {
            this.out = out;
            this.gflop = gflop;
        }

        @Override
        public void onEpochEnd(TrainContext ctx, EpochStats s) {
            long cpu = processCpuNanos(), jit = Jit.compileMillis();
            seconds.add(s.seconds());
            // CPU seconds of the whole process: on a busy machine, a hint of what an idle one would take;
            // and the JIT's compiling time, which on two cores takes one away from the training threads
            out.printf(Locale.ROOT, "epoch %d: %.3f s, %.1f GFLOP/s, train loss %.4f (process CPU %.2f s, JIT %s)%n",
                    s.epoch(), s.seconds(), gflop / s.seconds(), s.loss(), (cpu - cpuAtStart) / 1e9,
                    jit < 0 ? "n/a" : (jit - jitAtStart) + " ms");
            cpuAtStart = cpu;
            jitAtStart = jit;
            out.flush();
        }
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0L;
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** VmHWM from /proc/self/status on Linux, else "n/a". */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] f = line.trim().split("\\s+");
                    return String.format(Locale.ROOT, "%.0f MB", Long.parseLong(f[1]) / 1024.0);
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "n/a";
    }

}
