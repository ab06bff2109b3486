package org.scratchnet.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun;

/** train --stream and evaluate --stream: learn as train does, agree with evaluate, and fit in a small heap. */
class StreamTrainingTest {
    @TempDir
    Path dir;

    /** x1, x2 numbers, color text, size with NA cells; label = (x1 + [color = red] > 0.3): ~40 bytes a row. */
    private Path table(String name, int rows, long seed) throws Exception {
        Path p = dir.resolve(name);
        Random r = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(p)) {
            w.write("x1,x2,color,size,label\n");
            for (int i = 0; i < rows; i++) {
                double x1 = r.nextGaussian();
                boolean red = r.nextBoolean();
                w.write(fixed5(x1) + "," + fixed5(r.nextGaussian()) + "," + (red ? "red" : "blue") + ","
                        + (r.nextInt(20) == 0 ? "NA" : Integer.toString(r.nextInt(5))) + ","
                        + (x1 + (red ? 1 : 0) > 0.3 ? "yes" : "no") + "\n");
            }
        }
        return p;
    }

    @Test
    void streamedTrainingLearnsAndEvaluateAgreesWithAndWithoutStream() throws Exception {
        Path csv = table("t.csv", 4000, 1);
        String model = dir.resolve("m.safetensors").toString();
        CliRun.Result t = CliRun.run("train", "--data", "csv:" + csv, "--stream", "--impute", "mean", "--test-split", "0.2",
                "--optimizer", "adam", "--lr", "0.01", "--batch-size", "32", "--epochs", "5", "--quiet", "--save", model);
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("note: column 'color' holds text: read as categories (one-hot)")
                .contains("(streamed)").contains("saved " + model);
        assertThat(t.number("test accuracy = ([0-9.]+)")).isGreaterThan(0.95);
        CliRun.Result whole = CliRun.run("evaluate", "--model", model, "--data", "csv:" + csv);
        CliRun.Result streamed = CliRun.run("evaluate", "--model", model, "--data", "csv:" + csv, "--stream");
        assertThat(streamed.code()).as(streamed.err()).isZero();
        String metrics = "(loss = [0-9.]+, accuracy = [0-9.]+ \\(4000 rows\\))";
        assertThat(streamed.number("accuracy = ([0-9.]+)")).isEqualTo(whole.number("accuracy = ([0-9.]+)"));
        assertThat(lines(streamed.out(), "macro F1")).isEqualTo(lines(whole.out(), "macro F1"));
        assertThat(streamed.out()).containsPattern(metrics);
    }

    @Test
    void streamedRegressionScalesTheTarget() throws Exception {
        Path p = dir.resolve("r.csv");
        Random r = new Random(3);
        StringBuilder s = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 3000; i++) {
            double a = r.nextGaussian(), b = r.nextGaussian();
            s.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", a, b, 300 + 40 * a - 25 * b + r.nextGaussian()));
        }
        Files.writeString(p, s.toString());
        CliRun.Result t = CliRun.run("train", "--data", "csv:" + p, "--stream", "--test-split", "0.2", "--epochs", "20",
                "--batch-size", "64", "--quiet");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.number("test r2 = ([0-9.-]+)")).isGreaterThan(0.95);
    }

    @Test
    void aFileLargerThanTheHeapTrainsWithStreamInAForkedJvm() throws Exception {
        Path csv = table("big.csv", 2_400_000, 2); // about 65 MB, the heap 48 MB
        assertThat(Files.size(csv)).isGreaterThan(56L << 20);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "org.scratchnet.cli.Main", "train", "--data", "csv:" + csv,
                "--stream", "--impute", "mean", "--test-split", "0.1", "--hidden", "8", "--optimizer", "adam", "--lr",
                "0.01", "--batch-size", "512", "--epochs", "1", "--quiet"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("(streamed)").containsPattern("test accuracy = 0\\.9[0-9]+");
    }

    /** v with 5 decimals, as %.5f writes it (String.format is too slow for a million rows). */
    static String fixed5(double v) {
        long u = Math.round(Math.abs(v) * 100_000);
        String frac = Long.toString(100_000 + u % 100_000).substring(1);
        return (v < 0 && u != 0 ? "-" : "") + (u / 100_000) + "." + frac;
    }

    private static String lines(String out, String start) {
        return out.lines().filter(l -> l.startsWith(start)).findFirst().orElse("");
    }
}
