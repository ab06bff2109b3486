package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MNIST loader on a tiny directory of generated files: 3 images of 2x2, labels 7 0 9. */
class MnistTest {
    @TempDir
    Path dir;

    private void writeAll(boolean gzipTest) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), MnistIdxTest.images(3, 2, 2));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), MnistIdxTest.labels(7, 0, 9));
        byte[] ti = MnistIdxTest.images(2, 2, 2), tl = MnistIdxTest.labels(1, 2);
        Files.write(dir.resolve("t10k-images-idx3-ubyte" + (gzipTest ? ".gz" : "")), gzipTest ? MnistIdxTest.gzip(ti) : ti);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte" + (gzipTest ? ".gz" : "")), gzipTest ? MnistIdxTest.gzip(tl) : tl);
    }

    @Test
    void loadsScaledNormalizedPixelsAndOneHotLabels() throws IOException {
        writeAll(true);
        assertThat(Mnist.isPresent(dir)).isTrue();
        Dataset train = Mnist.train(dir, 0, false);
        assertThat(train.x().shape()).containsExactly(3, 4);
        assertThat(train.y().shape()).containsExactly(3, 10);
        // image 1 pixel 2 holds 1*7 + 2 = 9
        assertThat(train.x().get(1, 2)).isEqualTo(9 / 255f);
        assertThat(train.y().get(0, 7)).isEqualTo(1f);
        assertThat(train.y().get(2, 9)).isEqualTo(1f);
        assertThat(train.classNames()).hasSize(10).startsWith("0", "1");
        Dataset norm = Mnist.train(dir, 2, true);
        assertThat(norm.size()).isEqualTo(2);
        assertThat(norm.x().get(1, 2)).isCloseTo((9 / 255f - 0.1307f) / 0.3081f, Offset.offset(1e-7f));
        assertThat(norm.x().get(0, 0)).isCloseTo(-0.4242f, Offset.offset(1e-4f));
        Dataset test = Mnist.test(dir, 0, true);
        assertThat(test.size()).isEqualTo(2);
        assertThat(test.y().get(1, 2)).isEqualTo(1f);
    }

    @Test
    void compactLoadGivesTheSameFloatsAsTheFloatLoad() throws IOException {
        writeAll(true);
        for (boolean normalize : new boolean[] {false, true}) {
            Dataset full = Mnist.train(dir, 2, normalize), compact = Mnist.trainCompact(dir, 2, normalize);
            assertThat(compact.isCompact()).isTrue();
            assertThat(compact.xShape()).containsExactly(2, 4);
            assertThat(compact.x().data()).containsExactly(full.x().data());
            assertThat(compact.y().data()).containsExactly(full.y().data());
            assertThat(compact.classNames()).isEqualTo(full.classNames());
        }
        Dataset test = Mnist.testCompact(dir, 0, false);
        assertThat(test.x().data()).containsExactly(Mnist.test(dir, 0, false).x().data());
        // labels beyond the limit are still checked, as in the float load
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, MnistIdxTest.labels(7, 0, 12));
        assertThatThrownBy(() -> Mnist.trainCompact(dir, 1, true))
                .hasMessage(labels + ": byte 10 (label 3): expected a digit 0-9, found 12");
    }

    @Test
    void missingFileNamesTheFetchCommand() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), MnistIdxTest.images(3, 2, 2));
        assertThat(Mnist.isPresent(dir)).isFalse();
        assertThatThrownBy(() -> Mnist.train(dir, 0, true)).isInstanceOf(DataFormatException.class)
                .hasMessage("MNIST file train-labels-idx1-ubyte (or train-labels-idx1-ubyte.gz) not found in " + dir
                        + ": run `./scratchnet data fetch mnist` to download it, or point to a directory holding the four IDX files");
    }

    @Test
    void labelOutOfRangeAndCountMismatchAreReported() throws IOException {
        writeAll(false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        Files.write(labels, MnistIdxTest.labels(7, 12, 9));
        assertThatThrownBy(() -> Mnist.train(dir, 1, true))
                .hasMessage(labels + ": byte 9 (label 2): expected a digit 0-9, found 12");
        Files.write(labels, MnistIdxTest.labels(7, 1));
        assertThatThrownBy(() -> Mnist.train(dir, 0, true))
                .hasMessage(labels + ": byte 4 (item count): expected 3 labels (as many as train-images-idx3-ubyte has images), found 2");
    }
}
