package org.scratchnet.cli.mnist;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scratchnet.cli.Errors;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Mnist;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.NetSpec;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.tensor.Engine;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.History;
import org.scratchnet.train.TrainContext;
import org.scratchnet.train.Trainer;
import org.scratchnet.train.TrainingListener;
import org.scratchnet.viz.CnnPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scratchnet example mnist-cnn}: the classic small convolutional network on MNIST images
 * [N, 1, 28, 28], pixels / 255; Adam 1e-3, batches of 128 reshuffled every epoch. One line per
 * epoch: training loss, test accuracy and seconds.
 */
@Command(name = "mnist-cnn", mixinStandardHelpOptions = true,
        description = "MNIST digits with a convolutional network: conv 32 3x3, relu, maxpool 2, conv 64 3x3, relu, "
                + "maxpool 2, flatten, dropout 0.5, dense 10; Adam 1e-3, batch 128, 12 epochs (~99%% test accuracy).")
public final class MnistCnnExample implements Callable<Integer> {
    /** The network, as a --net spec (the dense 10 output is added by the example). */
    public static final String NET = "conv 32 3, relu, maxpool 2, conv 64 3, relu, maxpool 2, flatten, dropout 0.5";
    static final int BATCH = 128;
    static final int[] IMAGE = {1, 28, 28};

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the four IDX files, raw or .gz "
            + "(also mnist:DIR; default: ~/.cache/scratchnet/mnist, filled by `scratchnet data fetch mnist`).")
    String data;

    @Option(names = "--epochs", defaultValue = "12", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", defaultValue = "0", description = "Threads for the kernels (default: all cores).")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for weights, shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained model (takes pixels / 255, as --data mnist gives them).")
    Path save;

    @Option(names = "--quiet", description = "Only the line of each epoch.")
    boolean quiet;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write PNG figures into DIR: loss and accuracy curves, "
            + "the first layer's filters, one test digit's feature maps, misclassified test digits.")
    Path plots;

    @Option(names = "--train-limit", defaultValue = "0", description = "Use only the first N training images (0 = all).")
    int trainLimit;

    @Option(names = "--test-limit", defaultValue = "0", description = "Use only the first N test images (0 = all).")
    int testLimit;

    /** The example's network for {@code seed}: the spec above and dense 10 on logits. */
    public static Sequential model(long seed) {
        return NetSpec.parse(NET + ", dense " + Mnist.CLASSES).build(IMAGE, null, null, seed);
    }

    /** MNIST rows of 784 pixels seen as images [N, 1, 28, 28]. */
    static Dataset images(Dataset flat) {
        return flat.withSampleShape(IMAGE);
    }

    @Override
    public Integer call() throws IOException {
        MnistRun.checkOptions(epochs, threads, trainLimit, testLimit);
        PrintWriter out = spec.commandLine().getOut();
        Path dir = MnistCache.parse(data);
        Dataset flatTrain = Mnist.trainCompact(dir, trainLimit, false), flatTest = Mnist.testCompact(dir, testLimit, false);
        if (flatTrain.features() != 784 || flatTest.features() != 784) {
            throw new org.scratchnet.data.IdxFormatException(Mnist.locate(dir, Mnist.FILES.get(0)).toString(), 8,
                    "image size", "28 x 28 = 784 pixels", flatTrain.features() + " pixels");
        }
        Dataset train = images(flatTrain), test = images(flatTest);
        if (!quiet) {
            out.printf(Locale.ROOT, "MNIST from %s: %d training and %d test images; kernels %s, %d threads%n", dir,
                    train.size(), test.size(), Engine.kernels().name(), Engine.threads());
            out.println("network: " + NET + ", dense 10 (logits), softmax cross-entropy; Adam lr 0.001, batch " + BATCH);
            out.flush();
        }
        Sequential model = model(seed);
        History history = Trainer.builder(model, MnistRun.LOSS, new Adam(MnistRun.LEARNING_RATE)).epochs(epochs).batchSize(BATCH)
                .shuffle(true).seed(seed).validation(test).listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(TrainContext ctx, EpochStats s) {
                        out.printf(Locale.ROOT, "epoch %d: loss %.4f, test accuracy %.2f%%, %.1f s%n", s.epoch(), s.loss(),
                                100 * s.valAccuracy(), s.seconds());
                        out.flush();
                    }
                }).build().fit(train);
        if (plots != null) {
            writePlots(out, model, test, history);
        }
        if (save != null) {
            ModelFile.save(save, saved(model));
            out.println("saved " + save);
        }
        out.flush();
        return 0;
    }

    private void writePlots(PrintWriter out, Sequential model, Dataset test, History history) {
        List<Path> files;
        try {
            files = CnnPlots.writeAll(plots, model, test, history, MnistRun.LOSS);
        } catch (IOException e) {
            throw new Errors.UserException("cannot write plots to " + plots + ": " + Errors.describe(e), 1);
        }
        List<String> names = new java.util.ArrayList<>();
        files.forEach(f -> names.add(f.getFileName().toString()));
        out.println("plots: wrote " + String.join(", ", names) + " to " + plots);
    }

    /** The model as a file; it takes images [N, 1, 28, 28] with pixels / 255, as mnist and mnist-test data give them. */
    static SavedModel saved(Sequential model) {
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        return new SavedModel(model, "softmax_ce", null, classes, List.of(), Task.CLASSIFICATION);
    }
}
