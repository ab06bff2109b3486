package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.EpochLog;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.init.Initializers;
import org.scratchnet.loss.HalfSquaredError;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.History;
import org.scratchnet.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The XOR-with-tanh tutorial: X = 00, 01, 10, 11, y = XOR; 2 → 3 tanh → 1 linear with biases,
 * weights randn and biases 0; ½·squared error; one SGD update per sample (in order), lr 0.1,
 * 10000 epochs; loss every 1000 epochs.
 *
 * <p>The tutorial's numpy code computes the hidden derivative as 1 − tanh(h)² where h is already
 * tanh(z), i.e. it applies tanh twice. Our {@code Tanh} layer uses the correct
 * tanh'(z) = 1 − tanh(z)², so the numbers differ from the tutorial's; the outcome is the same.
 */
@Command(name = "xor-tanh", mixinStandardHelpOptions = true,
        description = "2-3-1 tanh network learns XOR with per-sample SGD (the XOR tanh tutorial).")
public final class XorTanhExample extends Tutorial {
    @Option(names = "--seed", description = "Seed for the weights (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--epochs", description = "Epochs of 4 updates each (default: ${DEFAULT-VALUE}).")
    int epochs = 10000;

    @Option(names = "--lr", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    float lr = 0.1f;

    @Override
    public int run(PrintWriter out) {
        Checks.atLeast("--epochs", epochs, 1);
        Checks.positive("--lr", lr);

        Dataset data = Datasets.xor();
        Sequential model = Sequential.builder(2)
                .init(Initializers.normal(1.0), Initializers.zeros())
                .dense(3).activation("tanh")
                .dense(1)
                .build(seed);
        Loss loss = new HalfSquaredError();
        out.println("data: XOR, inputs 00 01 10 11, targets 0 1 1 0");
        out.println("model: 2 -> 3 tanh -> 1 linear, weights randn, biases 0 (seed " + seed
                + "); 1/2 squared error; per-sample SGD, lr " + lr + ", " + epochs + " epochs");

        History history = Trainer.builder(model, loss, new Sgd(lr))
                .epochs(epochs).batchSize(1).shuffle(false).seed(seed)
                .listener(see.progress(out))
                .listener(EpochLog.everyFromZero(see.log(out), 1000,
                        s -> String.format(Locale.ROOT, "Epoch %d, Loss: %.3e", s.epoch() - 1, s.loss())))
                .build().fit(data);

        Tensor p = model.predict(data.x());
        out.println(String.format(Locale.ROOT, "final loss = %.3e after %d epochs", loss.value(p, data.y()),
                history.size()));
        out.println("Final predictions:");
        for (int i = 0; i < data.size(); i++) {
            out.println(String.format(Locale.ROOT, "input: [%d %d] -> %.4f (target %d)", (int) data.x().get(i, 0),
                    (int) data.x().get(i, 1), p.get(i, 0), (int) data.y().get(i, 0)));
        }
        see.show(out, model, data, history, loss);
        out.flush();
        return 0;
    }
}
