package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.EpochLog;
import org.scratchnet.data.Dataset;
import org.scratchnet.init.Initializers;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Sse;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.History;
import org.scratchnet.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * James Loy's "neural network from scratch in Python": inputs [0,0,1], [0,1,1], [1,0,1],
 * [1,1,1] (the third column acts as a bias input), targets 0 1 1 0; 3 → 4 sigmoid → 1 sigmoid
 * without biases, weights U[0, 1); sum of squared errors; 1500 full-batch updates with
 * learning rate 1 (the original adds the raw gradient 2(y − ŷ)·σ' to the weights).
 */
@Command(name = "loy-xor", mixinStandardHelpOptions = true,
        description = "3-4-1 sigmoid network, full-batch, sum of squares (James Loy's tutorial).")
public final class LoyXorExample extends Tutorial {
    @Option(names = "--seed", description = "Seed for the weights (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--epochs", description = "Full-batch iterations (default: ${DEFAULT-VALUE}).")
    int epochs = 1500;

    @Option(names = "--lr", description = "Learning rate (default: ${DEFAULT-VALUE}, as the original).")
    float lr = 1f;

    /** x (4, 3) with a constant third input, y (4, 1) = 0 1 1 0. */
    public static Dataset data() {
        Tensor x = Tensor.matrix(new float[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
        return new Dataset(x, Tensor.of(new float[] {0, 1, 1, 0}, 4, 1));
    }

    @Override
    public int run(PrintWriter out) {
        Checks.atLeast("--epochs", epochs, 1);
        Checks.positive("--lr", lr);

        Dataset data = data();
        Sequential model = Sequential.builder(3)
                .init(Initializers.uniform(0, 1), null)
                .dense(4, false).activation("sigmoid")
                .dense(1, false).activation("sigmoid")
                .build(seed);
        Loss loss = new Sse();
        out.println("data: inputs [0,0,1] [0,1,1] [1,0,1] [1,1,1], targets 0 1 1 0");
        out.println("model: 3 -> 4 sigmoid -> 1 sigmoid, no biases, weights U[0,1) (seed " + seed
                + "); sum of squared errors; full batch, lr " + lr + ", " + epochs + " iterations");

        History history = Trainer.builder(model, loss, new Sgd(lr))
                .epochs(epochs).batchSize(0).shuffle(false).seed(seed)
                .listener(see.progress(out))
                .listener(EpochLog.everyFromZero(see.log(out), 100,
                        s -> String.format(Locale.ROOT, "Iteration %d, Loss: %.6f", s.epoch() - 1, s.loss())))
                .build().fit(data);

        Tensor p = model.predict(data.x());
        out.println(String.format(Locale.ROOT, "final loss = %.6f after %d iterations", loss.value(p, data.y()),
                history.size()));
        out.println("Final predictions:");
        for (int i = 0; i < data.size(); i++) {
            out.println(String.format(Locale.ROOT, "input: [%d %d %d] -> %.4f (target %d)", (int) data.x().get(i, 0),
                    (int) data.x().get(i, 1), (int) data.x().get(i, 2), p.get(i, 0), (int) data.y().get(i, 0)));
        }
        see.show(out, model, data, history, loss);
        out.flush();
        return 0;
    }
}
