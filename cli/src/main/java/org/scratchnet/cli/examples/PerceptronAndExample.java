package org.scratchnet.cli.examples;

import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import picocli.CommandLine.Command;

/** The perceptron on AND: linearly separable, so it converges. */
@Command(name = "perceptron-and", mixinStandardHelpOptions = true,
        description = "Rosenblatt perceptron learns AND in a few epochs (the perceptron tutorial).")
public final class PerceptronAndExample extends PerceptronExample {
    @Override
    protected String gate() {
        return "AND";
    }

    @Override
    protected Dataset data() {
        return Datasets.and();
    }
}
