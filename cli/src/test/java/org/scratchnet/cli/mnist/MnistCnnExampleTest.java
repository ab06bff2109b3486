package org.scratchnet.cli.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Mnist;

/**
 * {@code example mnist-cnn} on a subset of the real MNIST (4,000 training / 500 test images, one
 * epoch of 32 steps): it learns, prints one line per epoch with the test accuracy as the line's
 * only percentage, and 1 and 2 threads print the same figures.
 */
class MnistCnnExampleTest {
    @BeforeAll
    static void fetchOnce() {
        MnistExampleTest.fetchOnce();
    }

    @Test
    void learnsAndThreadCountsGiveTheSameLine() {
        Object[] one = MnistExampleTest.run("example", "mnist-cnn", "--quiet", "--epochs", "1", "--threads", "1",
                "--train-limit", "4000", "--test-limit", "500");
        Object[] two = MnistExampleTest.run("example", "mnist-cnn", "--quiet", "--epochs", "1", "--threads", "2",
                "--train-limit", "4000", "--test-limit", "500");
        assertThat(one[0]).as("stderr: %s", one[2]).isEqualTo(0);
        String line = ((String) one[1]).strip();
        assertThat(line.lines().count()).isEqualTo(1);
        Matcher m = Pattern.compile("epoch 1: loss (\\d+\\.\\d{4}), test accuracy (\\d+\\.\\d\\d)%, \\d+\\.\\d s").matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(line.chars().filter(c -> c == '%').count()).isEqualTo(1);
        assertThat(Double.parseDouble(m.group(2))).isGreaterThan(70.0); // chance is 10%
        assertThat(Double.parseDouble(m.group(1))).isLessThan(2.3);   // ln 10 = 2.30 at the start
        // same seed, bit-identical kernels: only the seconds may differ
        assertThat(((String) two[1]).replaceAll(", [0-9.]+ s", "")).isEqualTo(((String) one[1]).replaceAll(", [0-9.]+ s", ""));
    }

    @Test
    void plotsWriteTheFiveFigures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Object[] r = MnistExampleTest.run("example", "mnist-cnn", "--quiet", "--epochs", "1", "--train-limit", "600",
                "--test-limit", "100", "--plots", dir.toString());
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);
        assertThat((String) r[1]).contains("plots: wrote loss.png, accuracy.png, filters.png, feature-maps.png, "
                + "misclassified.png to " + dir);
        for (String f : new String[] {"loss.png", "accuracy.png", "filters.png", "feature-maps.png", "misclassified.png"}) {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(dir.resolve(f).toFile());
            assertThat(img).as(f).isNotNull();
            assertThat(img.getWidth()).as(f).isGreaterThan(600);
            assertThat(img.getHeight()).as(f).isGreaterThan(150);
        }
    }

    @Test
    void theNetworkHasTheClassicShapes() {
        org.scratchnet.model.Sequential model = MnistCnnExample.model(42);
        assertThat(model.outputShape()).containsExactly(Mnist.CLASSES);
        assertThat(model.parameterCount()).isEqualTo(32 * 9 + 32 + 64 * 32 * 9 + 64 + 1600 * 10 + 10);
    }
}
