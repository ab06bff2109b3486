package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun;

/**
 * {@code --data mnist:DIR} and {@code mnist-test:DIR} on a tiny made-up MNIST: 28x28 images of
 * class c are dark except a bright 3x3 block whose position depends on c, so a small network
 * separates them perfectly; the test asserts train → save → evaluate reaches accuracy 1.
 */
class MnistDataSpecTest {
    @TempDir
    Path dir;

    @Test
    void trainsOnMnistDirAndEvaluatesOnItsTestSet() throws IOException {
        writeSet("train", 200);
        writeSet("t10k", 50);
        Path model = dir.resolve("m.snm");
        CliRun.Result train = CliRun.run("train", "--data", "mnist:" + dir, "--hidden", "16", "--optimizer", "adam",
                "--lr", "0.01", "--epochs", "20", "--batch-size", "32", "--val-split", "0", "--quiet",
                "--save", model.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("mnist:" + dir + ": 200 rows, 784 features, 10 classes");

        CliRun.Result eval = CliRun.run("evaluate", "--model", model.toString(), "--data", "mnist-test:" + dir);
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.number("accuracy = ([0-9.]+)")).isEqualTo(1.0);
    }

    @Test
    void missingFilesNameTheFetchCommand() {
        CliRun.Result r = CliRun.run("train", "--data", "mnist:" + dir.resolve("nowhere"), "--epochs", "1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").contains("./scratchnet data fetch mnist");
    }

    /** n images (n, 28, 28) and labels i % 10, as the four raw IDX files use them. */
    private void writeSet(String prefix, int n) throws IOException {
        ByteBuffer img = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
        ByteBuffer lab = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            byte[] px = new byte[784];
            int r0 = 2 + (c / 5) * 12, c0 = 2 + (c % 5) * 5;
            for (int r = r0; r < r0 + 3; r++) {
                for (int k = c0; k < c0 + 3; k++) {
                    px[r * 28 + k] = (byte) 255;
                }
            }
            img.put(px);
            lab.put((byte) c);
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), img.array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), lab.array());
    }
}
