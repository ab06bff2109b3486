package org.scratchnet.bench.sparkml;

import java.nio.file.Path;
import java.util.Locale;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Mnist;
import org.scratchnet.loss.SoftmaxCrossEntropy;
import org.scratchnet.model.NetSpec;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Optimizers;
import org.scratchnet.tensor.Engine;
import org.scratchnet.train.Trainer;

/**
 * Core's own step time for the benchmark's network (784-256-10, relu, Adam) and global batch on
 * MNIST, in one process with THREADS kernel threads: the reference the Spark step time is
 * compared with (their difference is the overhead Spark adds per step).
 * Usage: InProcessSteps MNIST_DIR BATCH THREADS
 */
public final class InProcessSteps {
    private InProcessSteps() {
    }

    public static void main(String[] args) {
        int batch = Integer.parseInt(args[1]);
        Engine.setThreads(Integer.parseInt(args[2]));
        Dataset train = Mnist.train(Path.of(args[0]), 0, true);
        Sequential m = NetSpec.parse("dense 256, relu, dense 10").build(new int[] {784}, null, null, 42);
        Trainer t = Trainer.builder(m, new SoftmaxCrossEntropy(), Optimizers.create("adam", java.util.Map.of("lr", 0.001)))
                .epochs(1).batchSize(batch).seed(42).build();
        long t0 = System.nanoTime();
        t.fit(train);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int steps = (train.size() + batch - 1) / batch;
        System.out.printf(Locale.ROOT, "in-process epoch_seconds=%.2f steps=%d step_ms=%.2f threads=%s%n", seconds, steps,
                seconds * 1000 / steps, args[2]);
    }
}
