package org.scratchnet.cli.examples;

import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import picocli.CommandLine.Command;

/** The perceptron on OR: linearly separable, so it converges. */
@Command(name = "perceptron-or", mixinStandardHelpOptions = true,
        description = "Rosenblatt perceptron learns OR.")
public final class PerceptronOrExample extends PerceptronExample {
    @Override
    protected String gate() {
        return "OR";
    }

    @Override
    protected Dataset data() {
        return Datasets.or();
    }
}
