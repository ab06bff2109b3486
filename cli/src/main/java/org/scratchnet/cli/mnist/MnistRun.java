package org.scratchnet.cli.mnist;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.scratchnet.cli.Errors;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.IdxFormatException;
import org.scratchnet.data.Mnist;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.io.SavedModel;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.SoftmaxCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.tensor.Engine;
import org.scratchnet.train.Trainer;

/**
 * The PyTorch MNIST tutorial's configuration, shared by {@code example mnist} and
 * {@code bench mnist}: 784 → 256 ReLU → 10 with PyTorch's default Linear initialization,
 * softmax cross-entropy on the logits, Adam lr 1e-3, batches of 64 reshuffled every epoch.
 */
final class MnistRun {
    static final int INPUTS = 784;
    static final int HIDDEN = 256;
    static final int BATCH = 64;
    static final float LEARNING_RATE = 1e-3f;
    static final Loss LOSS = new SoftmaxCrossEntropy();

    private MnistRun() {
    }

    /** One training epoch's floating-point operations for n samples: forward, dW1, dW2 and dA1 products. */
    static double flopsPerEpoch(int n) {
        double forward = 2.0 * (INPUTS * HIDDEN + HIDDEN * Mnist.CLASSES);
        double backward = 2.0 * (INPUTS * HIDDEN + 2 * HIDDEN * Mnist.CLASSES);
        return n * (forward + backward);
    }

    static Sequential model(long seed) {
        return Sequential.builder(INPUTS).dense(HIDDEN).activation("relu").dense(Mnist.CLASSES).build(seed);
    }

    static Trainer.Builder trainer(Sequential model, int epochs, long seed) {
        return Trainer.builder(model, LOSS, new Adam(LEARNING_RATE))
                .epochs(epochs).batchSize(BATCH).shuffle(true).seed(seed);
    }

    /** {train, test}, normalized as the tutorial does; limits of 0 mean all images. */
    static Dataset[] load(Path dir, int trainLimit, int testLimit) {
        // bytes until a batch needs floats: the process stays small (same values as a float copy)
        Dataset[] d = {Mnist.trainCompact(dir, trainLimit, true), Mnist.testCompact(dir, testLimit, true)};
        for (int i = 0; i < 2; i++) {
            if (d[i].features() != INPUTS) { // other IDX image sizes load fine but do not fit this network
                Path file = Mnist.locate(dir, Mnist.FILES.get(2 * i));
                throw new IdxFormatException(file.toString(), 8, "image size", "28 x 28 = " + INPUTS
                        + " pixels (the 784-256-10 network's input)", d[i].features() + " pixels");
            }
        }
        return d;
    }

    static void checkOptions(int epochs, int threads, int trainLimit, int testLimit) {
        if (epochs < 1) {
            throw new Errors.UserException("--epochs must be >= 1, got " + epochs, 2);
        }
        if (threads < 0) {
            throw new Errors.UserException("--threads must be >= 1 (0 = all cores), got " + threads, 2);
        }
        if (trainLimit < 0 || testLimit < 0) {
            throw new Errors.UserException("--train-limit and --test-limit must be >= 0 (0 = all)", 2);
        }
        if (threads > 0) {
            Engine.setThreads(threads);
        }
    }

    /**
     * The trained model as a file that takes raw pixels 0-255: the normalization
     * ((p/255) - 0.1307) / 0.3081 is stored as a standardizer with mean 0.1307·255 and std 0.3081·255.
     */
    static SavedModel saved(Sequential model) {
        float[] mean = new float[INPUTS], std = new float[INPUTS];
        Arrays.fill(mean, Mnist.MEAN * 255f);
        Arrays.fill(std, Mnist.STD * 255f);
        List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        return new SavedModel(model, "softmax_ce", new Standardizer(mean, std), classes, List.of(), Task.CLASSIFICATION);
    }
}
