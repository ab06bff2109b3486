package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.loss.SoftmaxCrossEntropy;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Parallel;
import org.scratchnet.train.Trainer;

/** Same seed → the same model file, byte for byte, whatever the run, thread count or kernel choice. */
class ReproducibleSaveTest {
    /**
     * Trains 2 → 128 relu → 128 tanh → 3 (softmax CE, Adam, shuffled batches of 128) on a 3-arm
     * spiral and returns the saved file's bytes. A 128×128 @ 128×128 product is 4.2 MFLOP, above
     * {@link Parallel#MIN_PARALLEL_FLOPS}, so with 2 threads the matmuls really are split.
     */
    private static byte[] trainAndSave(Path file, long seed, int threads, String kernels) throws Exception {
        int oldThreads = Engine.threads();
        String oldKernels = Engine.kernels().name();
        try {
            Engine.setThreads(threads);
            Engine.useKernels(kernels);
            Dataset data = Datasets.spiral(384, 3, 0.2, seed);
            Standardizer std = Standardizer.fit(data.x());
            Sequential net = Sequential.builder(2).dense(128).activation("relu").dense(128).activation("tanh")
                    .dense(3).build(seed);
            Trainer.builder(net, new SoftmaxCrossEntropy(), new Adam(0.01f)).epochs(2).batchSize(128).seed(seed)
                    .build().fit(std.transform(data));
            ModelFile.save(file, new SavedModel(net, "softmax_ce", std, List.of("a", "b", "c"), List.of("x", "y"),
                    Task.CLASSIFICATION));
            return Files.readAllBytes(file);
        } finally {
            Engine.setThreads(oldThreads);
            Engine.useKernels(oldKernels.contains("vector") ? "vector" : "scalar");
        }
    }

    @Test
    void sameSeedSameBytesAcrossRunsThreadsAndKernels(@TempDir Path dir) throws Exception {
        assertThat(128L * 128 * 128 * 2).isGreaterThan(Parallel.MIN_PARALLEL_FLOPS);
        Path file = dir.resolve("m.safetensors");
        byte[] first = trainAndSave(file, 42, 1, "scalar");
        assertThat(trainAndSave(file, 42, 1, "scalar")).as("second run, 1 thread").isEqualTo(first);
        assertThat(trainAndSave(file, 42, 2, "scalar")).as("2 threads").isEqualTo(first);
        assertThat(trainAndSave(file, 42, 3, "scalar")).as("3 threads (uneven row chunks)").isEqualTo(first);
        assertThat(trainAndSave(file, 43, 1, "scalar")).as("another seed").isNotEqualTo(first);
        if (Engine.vectorAvailable()) {
            // the Vector-API kernels round differently from scalar, but must not depend on threads either
            byte[] vector = trainAndSave(file, 42, 1, "vector");
            assertThat(trainAndSave(file, 42, 2, "vector")).as("vector kernels, 2 threads").isEqualTo(vector);
        }
    }
}
