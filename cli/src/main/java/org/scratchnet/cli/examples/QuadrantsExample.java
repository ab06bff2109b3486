package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.cli.EpochLog;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.init.Initializers;
import org.scratchnet.loss.BinaryCrossEntropy;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.History;
import org.scratchnet.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The first tutorial, exactly: 200 standard-normal points, label 1 when x1·x2 &gt; 0;
 * 2 → 16 ReLU → 1 sigmoid; weights 0.01·randn, zero biases; BCE; full-batch GD, lr 0.5,
 * 1000 epochs. {@code scratchnet demo} is this example under another name.
 */
@Command(name = "quadrants", mixinStandardHelpOptions = true,
        description = "2-16-1 network learns whether x and y have the same sign (the first tutorial; same as demo).")
public class QuadrantsExample extends Tutorial {
    @Option(names = "--seed", description = "Seed for data and weights (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--epochs", description = "Epochs of full-batch gradient descent (default: ${DEFAULT-VALUE}).")
    int epochs = 1000;

    @Option(names = "--lr", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    float lr = 0.5f;

    /** The four test points of the tutorial and their expected labels 1 0 1 0. */
    public static final float[][] TEST_POINTS = {{1, 1}, {1, -1}, {-0.5f, -0.8f}, {-0.5f, 0.8f}};

    @Override
    public int run(PrintWriter out) {
        Checks.atLeast("--epochs", epochs, 1);
        Checks.positive("--lr", lr);

        Dataset data = Datasets.quadrants(200, seed);
        Sequential model = Sequential.builder(2)
                .init(Initializers.normal(0.01), Initializers.zeros())
                .dense(16).activation("relu")
                .dense(1).activation("sigmoid")
                .build(seed);
        Loss loss = new BinaryCrossEntropy();
        out.println("data: 200 points from N(0, I) in 2-D, label 1 where x1*x2 > 0 (seed " + seed + ")");
        out.println("model: 2 -> 16 relu -> 1 sigmoid, weights 0.01*randn, biases 0; BCE; gradient descent, lr " + lr);
        out.print(model.summary());
        out.flush();

        History history = Trainer.builder(model, loss, new Sgd(lr))
                .epochs(epochs).batchSize(0).shuffle(false).seed(seed)
                .listener(see.progress(out))
                .listener(EpochLog.every(see.log(out), 100))
                .build().fit(data);

        Tensor probs = model.predict(Tensor.matrix(TEST_POINTS));
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < TEST_POINTS.length; i++) {
            float p = probs.get(i, 0);
            int label = p > 0.5f ? 1 : 0;
            out.println(String.format(Locale.ROOT, "predict [%s, %s] -> p = %.4f, label %d",
                    fmt(TEST_POINTS[i][0]), fmt(TEST_POINTS[i][1]), p, label));
            labels.append(i == 0 ? "" : " ").append(label);
        }
        out.println("predicted labels: " + labels + "   (expected 1 0 1 0)");
        out.println(String.format(Locale.ROOT, "final: loss = %.4f, training accuracy = %.3f", history.last().loss(),
                history.last().accuracy()));
        see.show(out, model, data, history, loss);
        out.flush();
        return 0;
    }

    /** 1 → "1", -0.5 → "-0.5". */
    static String fmt(float v) {
        return v == (int) v ? Integer.toString((int) v) : Float.toString(v);
    }
}
