package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import java.util.Locale;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Dataset;
import org.scratchnet.model.Perceptron;
import picocli.CommandLine.Option;

/**
 * Rosenblatt's perceptron on a 2-input truth table (the perceptron tutorial): weights and bias
 * start at 0, lr 0.1, at most 10 epochs, stop after an epoch with zero errors. Prints
 * {@code Epoch k, Total Error: e} per epoch and a test table. Subclasses pick the gate.
 */
public abstract class PerceptronExample extends Tutorial {
    @Option(names = "--epochs", description = "Most epochs to run (default: ${DEFAULT-VALUE}).")
    int epochs = 10;

    @Option(names = "--lr", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    float lr = 0.1f;

    /** The gate's name as printed ("AND"). */
    protected abstract String gate();

    /** x (4, 2) = 00, 01, 10, 11 and y (4, 1) the gate's outputs. */
    protected abstract Dataset data();

    /** Printed after the table; the XOR example explains why it fails. */
    protected void epilogue(PrintWriter out, Perceptron p, int errors) {
    }

    /** The perceptron after the last run of {@link #call} (for tests). */
    Perceptron trained;
    /** Misclassified truth-table rows after training. */
    int finalErrors;

    @Override
    public int run(PrintWriter out) {
        Checks.atLeast("--epochs", epochs, 1);
        Checks.positive("--lr", lr);

        Dataset data = data();
        Perceptron perceptron = new Perceptron(2, lr);
        out.println("data: the " + gate() + " truth table (00, 01, 10, 11)");
        out.println("model: perceptron y = step(x.w + b), w and b start at 0; lr " + lr + ", up to " + epochs
                + " epochs, stop at zero errors");
        int ran = perceptron.train(data.x(), data.y(), epochs,
                (epoch, totalError) -> out.println("Epoch " + epoch + ", Total Error: " + totalError));

        int errors = 0;
        float[] row = new float[2];
        for (int i = 0; i < data.size(); i++) {
            row[0] = data.x().get(i, 0);
            row[1] = data.x().get(i, 1);
            int predicted = perceptron.predict(row);
            int expected = Math.round(data.y().get(i, 0));
            errors += predicted == expected ? 0 : 1;
            out.println(String.format(Locale.ROOT, "input: [%d %d], predicted: %d, expected: %d", (int) row[0],
                    (int) row[1], predicted, expected));
        }
        float[] w = perceptron.weights();
        out.println(String.format(Locale.ROOT, "weights: [%.2f %.2f], bias: %.2f, epochs run: %d", w[0], w[1],
                perceptron.bias(), ran));
        out.println(gate() + ": " + (data.size() - errors) + "/" + data.size() + " correct");
        epilogue(out, perceptron, errors);
        see.showPerceptron(out, w, perceptron.bias(), data, "Perceptron on " + gate() + ": "
                + (data.size() - errors) + "/" + data.size() + " correct");
        out.flush();
        trained = perceptron;
        finalErrors = errors;
        return 0;
    }
}
