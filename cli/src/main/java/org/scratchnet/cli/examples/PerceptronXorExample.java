package org.scratchnet.cli.examples;

import java.io.PrintWriter;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.model.Perceptron;
import picocli.CommandLine.Command;

/**
 * The perceptron on XOR, which it cannot learn: its decision boundary is one straight line
 * w1·x1 + w2·x2 + b = 0, and no line puts 01 and 10 on one side with 00 and 11 on the other
 * (with step(z) = 1 for z ≥ 0, the rows 01 and 10 need w1 + w2 + 2b ≥ 0, the rows 00 and 11 need
 * w1 + w2 + 2b &lt; 0). A hidden layer fixes it: see {@code xor-tanh} and {@code loy-xor}.
 */
@Command(name = "perceptron-xor", mixinStandardHelpOptions = true,
        description = "Rosenblatt perceptron fails on XOR, and why.")
public final class PerceptronXorExample extends PerceptronExample {
    @Override
    protected String gate() {
        return "XOR";
    }

    @Override
    protected Dataset data() {
        return Datasets.xor();
    }

    @Override
    protected void epilogue(PrintWriter out, Perceptron p, int errors) {
        out.println("XOR cannot be learned by a single perceptron: its boundary is one straight line,");
        out.println("and no line separates {01, 10} (output 1) from {00, 11} (output 0). With step outputs,");
        out.println("01 and 10 need w2 + b >= 0 and w1 + b >= 0, so w1 + w2 + 2b >= 0; 00 and 11 need b < 0 and");
        out.println("w1 + w2 + b < 0, so w1 + w2 + 2b < 0. The weights cycle and the error never reaches 0;");
        out.println("a hidden layer solves it (try: scratchnet example xor-tanh).");
    }
}
