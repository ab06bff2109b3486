package org.scratchnet.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun;
import org.scratchnet.data.Npy;
import org.scratchnet.onnx.Ort;
import org.scratchnet.data.Task;
import org.scratchnet.init.Rng;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.tensor.Tensor;

/**
 * Models exported by {@code torch.onnx.export} (src/test/resources/onnx/make_pytorch_fixtures.py,
 * with PyTorch's outputs for a fixed input): import, then predict matches PyTorch to 1e-5, and
 * the imported MLP trains further with {@code train --init}.
 */
class PytorchFixtureTest {
    @AfterAll
    static void clean() {
        Ort.cleanTemp();
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(PytorchFixtureTest.class.getResource("/onnx/" + name).toURI());
    }

    /** import → predict --output npy; returns the largest difference to PyTorch's y. */
    private static double importAndPredict(Path dir, String name) throws Exception {
        Path model = dir.resolve(name + ".safetensors"), p = dir.resolve(name + "_p.npy");
        CliRun.Result i = CliRun.run("import", "--onnx", fixture(name + ".onnx").toString(), "--save", model.toString());
        assertThat(i.code()).as(i.err()).isZero();
        CliRun.Result r = CliRun.run("predict", "--model", model.toString(), "--data", "npy:" + fixture(name + "_x.npy"),
                "--output", p.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Tensor expected = Npy.read(fixture(name + "_y.npy"));
        Tensor got = Npy.read(p);
        assertThat(got.shape()).containsExactly(expected.shape());
        double diff = Ort.maxDiff(got, expected);
        assertThat(Ort.maxDiff(Ort.run(fixture(name + ".onnx"), Npy.read(fixture(name + "_x.npy"))), expected)).isLessThan(1e-5);
        System.out.printf(Locale.ROOT, "pytorch fixture %s: max |predict - PyTorch| %.2e%n", name, diff);
        return diff;
    }

    @Test
    void mlpWithStandardizedInputsAndSoftmaxImportsAsAClassifier(@TempDir Path dir) throws Exception {
        assertThat(importAndPredict(dir, "mlp")).isLessThanOrEqualTo(1e-5);
        SavedModel m = ModelFile.load(dir.resolve("mlp.safetensors"));
        assertThat(m.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(m.loss()).isEqualTo("softmax_ce"); // the Softmax became the head that predict applies
        assertThat(m.standardizer().mean()).containsExactly(0.5f, -1f, 2f, 0f);
        assertThat(m.standardizer().std()).containsExactly(1.5f, 0.5f, 2f, 1f);
    }

    @Test
    void cnnWithBatchNormAndPoolsImportsWithItsLogits(@TempDir Path dir) throws Exception {
        assertThat(importAndPredict(dir, "cnn")).isLessThanOrEqualTo(1e-5);
        SavedModel m = ModelFile.load(dir.resolve("cnn.safetensors"));
        assertThat(m.task()).isEqualTo(Task.REGRESSION); // ends in Gemm: the raw outputs, as the graph gives them
        assertThat(m.model().layers()).extracting(l -> l.type()).contains("conv2d", "batchnorm", "maxpool2d", "avgpool2d", "flatten", "dense");
    }

    @Test
    void importedMlpTrainsFurther(@TempDir Path dir) throws Exception {
        importAndPredict(dir, "mlp");
        Rng r = new Rng(1);
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 120; i++) {
            double a = r.uniform(-3, 3), b = r.uniform(-3, 3);
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,%d%n", a, b, r.uniform(-1, 1), r.uniform(-1, 1),
                    (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0)));
        }
        Path data = Files.writeString(dir.resolve("t.csv"), csv);
        Path tuned = dir.resolve("tuned.safetensors");
        CliRun.Result t = CliRun.run("train", "--init", dir.resolve("mlp.safetensors").toString(), "--data", "csv:" + data,
                "--label", "label", "--epochs", "15", "--optimizer", "adam", "--lr", "0.01", "--save", tuned.toString());
        assertThat(t.code()).as(t.err()).isZero();
        double first = t.number("epoch 1, loss = ([0-9.]+)");
        double last = t.number("final: loss = ([0-9.]+)");
        assertThat(last).isLessThan(first * 0.8);
        assertThat(ModelFile.load(tuned).loss()).isEqualTo("softmax_ce");
    }
}
