package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.EpochLog;
import org.scratchnet.data.Dataset;
import org.scratchnet.init.Initializers;
import org.scratchnet.init.Rng;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.History;
import org.scratchnet.train.Metrics;
import org.scratchnet.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The second binary-classification tutorial: 200 points, 2 → 4 ReLU → 1 sigmoid, BCE,
 * 1000 full-batch epochs; first with weights 0.01·randn (zero biases) and gradient descent
 * lr 0.1, then the same network with PyTorch's default init and Adam lr 0.01.
 *
 * <p>The tutorial does not pin down its points beyond "200 points, seed 0"; we draw them from
 * N(0, I) and label 1 where x1 + x2 &gt; 0 (a linearly separable task, as in the tutorial).
 */
@Command(name = "binary", mixinStandardHelpOptions = true,
        description = "2-4-1 ReLU network on 200 points, gradient descent then Adam (the second binary tutorial).")
public final class BinaryExample extends Tutorial {
    @Option(names = "--data-seed", description = "Seed for the 200 points (default: ${DEFAULT-VALUE}).")
    long dataSeed = 0;

    @Option(names = "--seed", description = "Seed for the weights (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--epochs", description = "Full-batch epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs = 1000;

    @Option(names = "--lr", description = "Gradient-descent learning rate (default: ${DEFAULT-VALUE}).")
    float lr = 0.1f;

    @Option(names = "--adam-lr", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float adamLr = 0.01f;

    @Option(names = "--optimizer", description = "Which run(s): sgd (gradient descent), adam, or both (default: ${DEFAULT-VALUE}).")
    String optimizer = "both";

    /** N(0, I) points in 2-D, label 1 where x1 + x2 &gt; 0. x (n, 2), y (n, 1). */
    public static Dataset halfPlanes(int n, long seed) {
        Rng rng = Rng.forPurpose(seed, "binary");
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) rng.nextGaussian();
            x[2 * i + 1] = (float) rng.nextGaussian();
            y[i] = x[2 * i] + x[2 * i + 1] > 0 ? 1f : 0f;
        }
        return new Dataset(Tensor.of(x, n, 2), Tensor.of(y, n, 1));
    }

    @Override
    public int run(PrintWriter out) {
        Checks.atLeast("--epochs", epochs, 1);
        Checks.positive("--lr", lr);
        Checks.positive("--adam-lr", adamLr);
        String which = Checks.oneOf("--optimizer", optimizer, List.of("sgd", "adam", "both"));

        Dataset data = halfPlanes(200, dataSeed);
        Loss loss = new BinaryCrossEntropy();
        out.println("data: 200 points from N(0, I) in 2-D, label 1 where x1 + x2 > 0 (data seed " + dataSeed + ")");
        if (!which.equals("adam")) {
            out.println("gradient descent: 2 -> 4 relu -> 1 sigmoid, weights 0.01*randn, biases 0 (seed " + seed
                    + "); BCE; lr " + lr + ", " + epochs + " epochs");
            Sequential model = Sequential.builder(2)
                    .init(Initializers.normal(0.01), Initializers.zeros())
                    .dense(4).activation("relu")
                    .dense(1).activation("sigmoid")
                    .build(seed);
            History history = train(model, loss, new Sgd(lr), data, out);
            report("gradient descent", model, loss, data, history, out);
            see.show(out, model, data, history, loss, "gradient-descent");
        }
        if (!which.equals("sgd")) {
            out.println("adam: same network, PyTorch default init U(+-1/sqrt(fan_in)) (seed " + seed + "); BCE; lr "
                    + adamLr + ", " + epochs + " epochs");
            Sequential model = Sequential.builder(2)
                    .dense(4).activation("relu")
                    .dense(1).activation("sigmoid")
                    .build(seed);
            History history = train(model, loss, new Adam(adamLr), data, out);
            report("adam", model, loss, data, history, out);
            see.show(out, model, data, history, loss, "adam");
        }
        out.flush();
        return 0;
    }

    private History train(Sequential model, Loss loss, Optimizer opt, Dataset data, PrintWriter out) {
        return Trainer.builder(model, loss, opt)
                .epochs(epochs).batchSize(0).shuffle(false).seed(seed)
                .listener(see.progress(out))
                .listener(EpochLog.everyFromZero(see.log(out), 100,
                        s -> String.format(Locale.ROOT, "Epoch %d, Loss: %.4f", s.epoch() - 1, s.loss())))
                .build().fit(data);
    }

    /** Loss and accuracy of the trained model (after the last update, unlike the epoch lines). */
    private static void report(String name, Sequential model, Loss loss, Dataset data, History history,
            PrintWriter out) {
        Tensor p = model.predict(data.x());
        out.println(String.format(Locale.ROOT, "%s: final loss = %.4f, accuracy = %.3f (%d epochs)", name,
                loss.value(p, data.y()), Metrics.accuracy(p, data.y(), false), history.size()));
    }
}
