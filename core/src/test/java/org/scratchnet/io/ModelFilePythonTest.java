package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.activation.LeakyRelu;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.init.Rng;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/** The numpy snippet of docs/model-format.md loads a Java-written model and reproduces its predictions. */
class ModelFilePythonTest {
    private static final Path SCRIPT = Path.of("src/test/resources/load_model.py");
    private static final Path DOC = Path.of("../docs/model-format.md");

    private static String snippet(String text) {
        int from = text.indexOf("import json, struct");
        int to = text.indexOf("return x", from);
        return text.substring(from, to + "return x".length()).strip();
    }

    @Test
    void docShowsTheSnippetTheTestRuns() throws IOException {
        assertThat(snippet(Files.readString(DOC))).isEqualTo(snippet(Files.readString(SCRIPT)));
    }

    @Test
    void numpyReproducesJavaPredictions(@TempDir Path dir) throws Exception {
        assumeTrue(run(dir, "python3", "-c", "import numpy") == 0, "python3 with numpy is not available");
        // 4 features → 8 leaky_relu(0.1) → 5 tanh → 3 softmax, and a binary sigmoid net without normalization
        Sequential multi = Sequential.builder(4).dense(8).activation(new LeakyRelu(0.1f)).dense(5, false)
                .activation("tanh").dense(3).activation("softmax").build(5);
        Standardizer std = new Standardizer(new float[] {1f, -2f, 0.5f, 10f}, new float[] {2f, 0.25f, 1f, 3f});
        Sequential binary = Sequential.builder(4).dense(6).activation("relu").dense(1).activation("sigmoid").build(6);
        Rng rng = new Rng(9);
        float[] xs = new float[20 * 4];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) (3 * rng.nextGaussian());
        }
        Tensor x = Tensor.of(xs, 20, 4);
        Path input = dir.resolve("x.csv");
        StringBuilder csv = new StringBuilder();
        for (float[] row : x.toArray2d()) {
            for (int j = 0; j < row.length; j++) {
                csv.append(j > 0 ? "," : "").append(Float.toString(row[j]));
            }
            csv.append('\n');
        }
        Files.writeString(input, csv);

        check(dir, new SavedModel(multi, "cce", std, List.of("a", "b", "c"), List.of(), Task.CLASSIFICATION),
                multi.predict(std.transform(x)), input);
        check(dir, new SavedModel(binary, "bce", null, List.of("no", "yes"), List.of(), Task.CLASSIFICATION),
                binary.predict(x), input);
    }

    private static void check(Path dir, SavedModel model, Tensor expected, Path input) throws Exception {
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(file, model);
        Path out = dir.resolve("out.txt");
        int code = run(dir, out, "python3", SCRIPT.toAbsolutePath().toString(), file.toString(), input.toString());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(code).as("python exit code, output %s", lines).isZero();
        assertThat(lines).hasSize(expected.rows());
        for (int i = 0; i < expected.rows(); i++) {
            String[] parts = lines.get(i).split(",");
            assertThat(parts).hasSize(expected.cols());
            for (int j = 0; j < parts.length; j++) {
                // float32 sums in a different order: agree to a few ulps, not bit for bit
                assertThat(Float.parseFloat(parts[j])).as(String.format(Locale.ROOT, "row %d col %d", i, j))
                        .isCloseTo(expected.get(i, j), within(2e-6f));
            }
        }
    }

    private static int run(Path dir, String... cmd) throws Exception {
        return run(dir, dir.resolve("probe.txt"), cmd);
    }

    private static int run(Path dir, Path out, String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1; // python3 not installed
        }
    }
}
