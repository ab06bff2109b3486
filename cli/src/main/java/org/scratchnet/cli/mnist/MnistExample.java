package org.scratchnet.cli.mnist;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchnet.data.Dataset;
import org.scratchnet.io.ModelFile;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Engine;
import org.scratchnet.train.History;
import org.scratchnet.cli.SeeItLearn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scratchnet example mnist}: the PyTorch MNIST tutorial, end to end. */
@Command(name = "mnist", mixinStandardHelpOptions = true,
        description = "MNIST digits: 784-256-10 ReLU MLP, Adam, batch 64, 10 epochs (~98%% test accuracy).")
public final class MnistExample implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the four IDX files, raw or .gz "
            + "(also mnist:DIR; default: ~/.cache/scratchnet/mnist, filled by `scratchnet data fetch mnist`).")
    String data;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", defaultValue = "0", description = "Threads for the kernels (default: all cores).")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model (takes raw pixels 0-255).")
    Path save;

    /** --plots, --ascii and --quiet (here: no progress bar, and only the test-set line of each epoch). */
    @Mixin
    SeeItLearn see;

    @Option(names = "--train-limit", defaultValue = "0", description = "Use only the first N training images (0 = all).")
    int trainLimit;

    @Option(names = "--test-limit", defaultValue = "0", description = "Use only the first N test images (0 = all).")
    int testLimit;

    @Override
    public Integer call() throws IOException {
        MnistRun.checkOptions(epochs, threads, trainLimit, testLimit);
        PrintWriter out = spec.commandLine().getOut();
        Path dir = MnistCache.parse(data);
        Dataset[] d = MnistRun.load(dir, trainLimit, testLimit);
        Dataset train = d[0], test = d[1];
        boolean quiet = see.quiet();
        if (!quiet) {
            out.printf(Locale.ROOT, "MNIST from %s: %d training and %d test images; kernels %s, %d threads%n", dir,
                    train.size(), test.size(), Engine.kernels().name(), Engine.threads());
        }
        Sequential model = MnistRun.model(seed);
        long start = System.nanoTime();
        History h = MnistRun.trainer(model, epochs, seed).validation(test)
                .listener(see.progress(out))
                .listener(new TutorialLog(see.log(out), quiet, MnistRun.BATCH, test.size()))
                .build().fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!quiet) {
            out.printf(Locale.ROOT, "%d epochs in %.1f s (%.2f s per epoch with the test pass); test accuracy %.2f%%%n",
                    h.epochs().size(), seconds, seconds / h.epochs().size(), 100 * h.last().valAccuracy());
        }
        see.show(out, model, test, h, MnistRun.LOSS);
        if (save != null) {
            ModelFile.save(save, MnistRun.saved(model));
            out.println("saved " + save);
        }
        out.flush();
        return 0;
    }
}
