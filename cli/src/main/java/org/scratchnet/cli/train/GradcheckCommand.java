package org.scratchnet.cli.train;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scratchnet.cli.Candidates;
import org.scratchnet.cli.Checks;
import org.scratchnet.data.Task;
import org.scratchnet.init.Rng;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.GradientCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scratchnet gradcheck}: backprop's gradients against central differences on a random
 * network of the given shape (core's {@link GradientCheck}), printing the worst relative error
 * per parameter tensor and for the input. Exit code 1 when the check fails.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check backprop against numeric gradients on a random network; max relative error per parameter.")
public final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--layers", defaultValue = "2,16,1", paramLabel = "D,H...,K", description = "All widths (default: ${DEFAULT-VALUE}).")
    String layers;

    @Option(names = "--activation", defaultValue = "tanh", completionCandidates = Candidates.ActivationNames.class,
            description = "Hidden activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--output", paramLabel = "ACTIVATION", description = "Output activation (default from the loss, as in train).")
    String output;

    @Option(names = "--loss", completionCandidates = Candidates.LossNames.class,
            description = "Loss: ${COMPLETION-CANDIDATES} (default: bce for one output, softmax_ce for more).")
    String loss;

    @Option(names = "--samples", defaultValue = "4", description = "Rows of the random batch (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights, inputs and targets (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Checks.atLeast("--samples", samples, 1);
        List<Integer> widths = Checks.intList("--layers", layers, 1);
        if (widths.size() < 2) {
            throw Checks.usage("--layers needs at least an input and an output width, e.g. 2,16,1; got " + layers);
        }
        int d = widths.get(0), k = widths.get(widths.size() - 1);
        Network.Head head = Network.head(Task.CLASSIFICATION, k, output, loss);
        Loss lossFn = Losses.byName(head.loss());
        Sequential model = Network.build(d, widths.subList(1, widths.size() - 1), activation, k, head, null, seed);

        Rng rng = Rng.forPurpose(seed, "gradcheck");
        float[] x = new float[samples * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Tensor y = targets(lossFn, head, rng, k);
        PrintWriter out = spec.commandLine().getOut();
        out.println("network: " + Network.describe(model) + "; loss " + lossFn.name() + "; " + samples
                + " random rows (seed " + seed + ")");
        GradientCheck.Report report = new GradientCheck().check(model, lossFn, Tensor.of(x, samples, d), y);
        out.print(report.format());
        out.flush();
        return report.passed() ? 0 : 1;
    }

    /** Random targets the loss accepts: 0/1 or one-hot for the classification losses, N(0, 1) otherwise. */
    private Tensor targets(Loss loss, Network.Head head, Rng rng, int k) {
        float[] y = new float[samples * k];
        boolean classes = List.of("bce", "bce_logits", "cce", "softmax_ce").contains(loss.name());
        for (int i = 0; i < samples; i++) {
            if (!classes) {
                for (int j = 0; j < k; j++) {
                    y[i * k + j] = (float) rng.nextGaussian();
                }
            } else if (k == 1 || loss.name().startsWith("bce")) {
                for (int j = 0; j < k; j++) {
                    y[i * k + j] = rng.nextInt(2);
                }
            } else {
                y[i * k + rng.nextInt(k)] = 1f;
            }
        }
        return Tensor.of(y, samples, k);
    }
}
