package org.scratchnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scratchnet.viz.FunctionPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scratchnet plot activations|losses --out FILE.png}: the reference figures. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw reference figures: the activation functions, or the loss functions.",
        subcommands = {PlotCommand.Activations.class, PlotCommand.Losses.class})
public final class PlotCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "activations", mixinStandardHelpOptions = true,
            description = "Sigmoid, ReLU, tanh, softmax, step and leaky ReLU with their derivatives, in one PNG.")
    static final class Activations implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
        Path out;

        @Override
        public Integer call() {
            return write(spec, out, true);
        }
    }

    @Command(name = "losses", mixinStandardHelpOptions = true,
            description = "MSE, Huber, binary and categorical cross-entropy against the prediction, in one PNG.")
    static final class Losses implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
        Path out;

        @Override
        public Integer call() {
            return write(spec, out, false);
        }
    }

    private static int write(CommandSpec spec, Path file, boolean activations) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new Errors.UserException("--out must name a .png file, got " + file, 2);
        }
        try {
            if (activations) {
                FunctionPlots.writeActivations(file);
            } else {
                FunctionPlots.writeLosses(file);
            }
        } catch (IOException e) {
            throw new Errors.UserException("cannot write " + file + ": " + Errors.describe(e), 1);
        }
        spec.commandLine().getOut().println("wrote " + file + " (" + FunctionPlots.WIDTH + "x" + FunctionPlots.HEIGHT
                + " PNG)");
        return 0;
    }
}
