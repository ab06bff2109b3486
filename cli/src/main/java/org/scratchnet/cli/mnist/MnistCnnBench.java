package org.scratchnet.cli.mnist;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Mnist;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
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
 * {@code scratchnet bench mnist-cnn}: the {@code example mnist-cnn} network's training epochs
 * (no test pass inside the timed epochs), seconds and GFLOP/s per epoch, the median of epochs 2
 * onward (the first includes compiling the kernels), peak heap and peak RSS.
 */
@Command(name = "mnist-cnn", mixinStandardHelpOptions = true,
        description = "Seconds per MNIST training epoch of the example mnist-cnn network, GFLOP/s and peak memory.")
public final class MnistCnnBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "2", description = "Epochs to time (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (default: all cores).")
    int threads;

    @Option(names = "--data", paramLabel = "DIR", description = "MNIST directory (default: ~/.cache/scratchnet/mnist).")
    String data;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--train-limit", defaultValue = "0", description = "Use only the first N training images (0 = all).")
    int trainLimit;

    /**
     * Floating-point operations of one training image (2 per multiply-add): conv1 forward and
     * weight gradient (its input gradient is not needed), conv2 forward, weight and input
     * gradients, the dense layer's three products.
     */
    static double flopsPerImage() {
        double conv1 = 2.0 * 26 * 26 * 9 * 32, conv2 = 2.0 * 11 * 11 * (32 * 9) * 64, dense = 2.0 * 1600 * 10;
        return 2 * conv1 + 3 * conv2 + 3 * dense;
    }

    @Override
    public Integer call() {
        MnistRun.checkOptions(epochs, threads, trainLimit, 0);
        PrintWriter out = spec.commandLine().getOut();
        java.nio.file.Path dir = MnistCache.parse(data);
        Dataset train = MnistCnnExample.images(Mnist.trainCompact(dir, trainLimit, false));
        Dataset test = MnistCnnExample.images(Mnist.testCompact(dir, 0, false));
        double gflop = flopsPerImage() * train.size() / 1e9;
        out.printf(Locale.ROOT, "MNIST %d images as [N, 1, 28, 28], batch %d, Adam; %.0f GFLOP per epoch; kernels %s, "
                + "%d threads, %d cores, Java %s%n", train.size(), MnistCnnExample.BATCH, gflop, Engine.kernels().name(),
                Engine.threads(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.flush();
        Sequential model = MnistCnnExample.model(seed);
        List<Double> seconds = new ArrayList<>();
        long[] cpuAtStart = {MnistBench.processCpuNanos()};
        Trainer.builder(model, MnistRun.LOSS, new Adam(MnistRun.LEARNING_RATE)).epochs(epochs)
                .batchSize(MnistCnnExample.BATCH).shuffle(true).seed(seed).listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(TrainContext ctx, EpochStats s) {
                        long cpu = MnistBench.processCpuNanos();
                        seconds.add(s.seconds());
                        out.printf(Locale.ROOT, "epoch %d: %.1f s, %.1f GFLOP/s, train loss %.4f (process CPU %.1f s)%n",
                                s.epoch(), s.seconds(), gflop / s.seconds(), s.loss(), (cpu - cpuAtStart[0]) / 1e9);
                        cpuAtStart[0] = cpu;
                        out.flush();
                    }
                }).build().fit(train);
        double acc = Metrics.accuracy(Trainer.predict(model, test), test.y(), true);
        List<Double> timed = seconds.size() > 1 ? seconds.subList(1, seconds.size()) : seconds;
        double[] sorted = timed.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        out.printf(Locale.ROOT, "test accuracy %.2f%%; peak heap %.0f MB; peak RSS %s%n", 100 * acc,
                MnistBench.peakHeapBytes() / 1e6, MnistBench.peakRss());
        out.printf(Locale.ROOT, "median epoch: %.2f s (%.1f GFLOP/s)%n", median, gflop / median);
        out.flush();
        return 0;
    }
}
