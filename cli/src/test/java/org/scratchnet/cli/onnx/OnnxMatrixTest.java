package org.scratchnet.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.activation.LeakyRelu;
import org.scratchnet.cli.CliRun;
import org.scratchnet.cli.mnist.MnistCnnExample;
import org.scratchnet.data.Datasets;
import org.scratchnet.data.Npy;
import org.scratchnet.onnx.Ort;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.TableApplier;
import org.scratchnet.data.Task;
import org.scratchnet.init.Rng;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.Parameter;
import org.scratchnet.model.NetSpec;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * The export matrix: for every architecture, {@code export} then ONNX Runtime on random inputs
 * gives what {@code predict --output FILE.npy} writes (to 1e-5, relative for values above 1), and {@code import} of the export
 * then {@code predict} gives the same bits and the same printed classes.
 */
class OnnxMatrixTest {
    private static final List<String> REPORT = new ArrayList<>();

    @AfterAll
    static void report() throws Exception {
        REPORT.forEach(System.out::println);
        Ort.cleanTemp();
    }

    /** Models built in Java with seeded random weights (batch-norm statistics randomized too). */
    @Test
    void everyArchitectureRunsInOnnxRuntimeAsPredictDoes(@TempDir Path dir) throws Exception {
        List<String> acts = List.of("relu", "sigmoid", "tanh", "leaky_relu 0.2", "identity");
        for (int i = 0; i < acts.size(); i++) {
            Sequential net = NetSpec.parse("dense 8, " + acts.get(i) + ", dense 3").build(new int[] {4}, null, null, 10 + i);
            check(dir, "mlp-" + acts.get(i).split(" ")[0] + (i % 2 == 0 ? "+std" : ""), 17, true,
                    new SavedModel(net, "softmax_ce", i % 2 == 0 ? std(4, i) : null, List.of("a", "b", "c"),
                            List.of("f1", "f2", "f3", "f4"), Task.CLASSIFICATION));
        }
        check(dir, "mlp-step (export only)", 17, false, new SavedModel(NetSpec.parse("dense 5, step, dense 2")
                .build(new int[] {3}, null, null, 3), "softmax_ce", null, List.of(), List.of(), Task.CLASSIFICATION));
        check(dir, "binary-sigmoid+std", 17, true, new SavedModel(Sequential.builder(3).dense(6).activation("relu").dense(1)
                .activation("sigmoid").build(4), "bce", std(3, 7), List.of("no", "yes"), List.of(), Task.CLASSIFICATION));
        check(dir, "binary-logits", 17, true, new SavedModel(Sequential.builder(3).dense(6).activation("tanh").dense(1)
                .build(5), "bce_logits", null, List.of(), List.of(), Task.CLASSIFICATION));
        check(dir, "multiclass-softmax-dropout-bn1d", 17, true, new SavedModel(randomStats(NetSpec.parse(
                "dense 6, batchnorm, relu, dropout 0.3, dense 4, softmax").build(new int[] {5}, null, null, 6)), "cce",
                std(5, 2), List.of("w", "x", "y", "z"), List.of(), Task.CLASSIFICATION));
        check(dir, "regression+std", 17, true, new SavedModel(Sequential.builder(3).dense(5).activation(new LeakyRelu(0.05f))
                .dense(2).build(8), "mse", std(3, 9), List.of(), List.of(), Task.REGRESSION));
        check(dir, "mnist-cnn", 17, true, new SavedModel(NetSpec.parse(MnistCnnExample.NET + ", dense 10")
                .build(new int[] {1, 28, 28}, null, null, 42), "softmax_ce", null, List.of(), List.of(), Task.CLASSIFICATION));
        Sequential cnn = randomStats(NetSpec.parse("conv 4 3x2 stride 2 pad 1, batchnorm, leaky_relu 0.1, "
                + "avgpool 2 excludepad, conv 3 3 pad same nobias, maxpool 3 stride 1 pad 1, avgpool 2 stride 1, "
                + "globalavgpool, dense 2").build(new int[] {2, 12, 10}, null, null, 11));
        for (int opset : new int[] {9, 13, 17}) {
            check(dir, "cnn-bn-pools+std opset " + opset, opset, true, new SavedModel(cnn, "softmax_ce", std(240, 3),
                    List.of("left", "right"), List.of(), Task.CLASSIFICATION));
        }
        check(dir, "playground-features (export only)", 17, false, new SavedModel(NetSpec.parse(
                "features x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2), dense 5, tanh, dense 3").build(new int[] {2}, null, null, 12),
                "softmax_ce", null, List.of(), List.of(), Task.CLASSIFICATION));
    }

    /** Trained by the train command: standardized moons (sigmoid head), and a CSV regression table (scaled target, one-hot column). */
    @Test
    void trainedModelsExportAsPredicted(@TempDir Path dir) throws Exception {
        Path moons = dir.resolve("moons.safetensors");
        assertThat(CliRun.run("train", "--data", "moons", "--standardize", "--net", "dense 8, tanh", "--epochs", "3",
                "--save", moons.toString()).code()).isZero();
        Tensor x = Datasets.byName("moons", 9, 0.1, 5).x();
        checkFile(dir, "train moons --standardize", 17, true, moons, x);

        Path csv = dir.resolve("houses.csv");
        StringBuilder t = new StringBuilder("size,color,age,price\n");
        Rng r = new Rng(3);
        for (int i = 0; i < 60; i++) {
            double size = r.uniform(50, 150), age = r.uniform(0, 40);
            String color = List.of("red", "blue", "green").get(r.nextInt(3));
            t.append(String.format(Locale.ROOT, "%.1f,%s,%.1f,%.1f%n", size, color, age, 1000 + 20 * size - 5 * age
                    + (color.equals("red") ? 300 : 0)));
        }
        Files.writeString(csv, t);
        Path houses = dir.resolve("houses.safetensors");
        assertThat(CliRun.run("train", "--data", "csv:" + csv, "--label", "price", "--net", "dense 6, relu", "--epochs", "3",
                "--save", houses.toString()).code()).isZero();
        SavedModel saved = ModelFile.load(houses);
        assertThat(saved.task()).isEqualTo(Task.REGRESSION);
        assertThat(saved.columns().target()).isNotNull();
        checkFile(dir, "train csv regression (target scaled)", 17, true, houses,
                TableApplier.features(csv, saved.columns(), n -> { }));
    }

    private static void check(Path dir, String name, int opset, boolean roundTrip, SavedModel saved) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name.replaceAll("[^a-z0-9+-]", "_")));
        Path model = d.resolve("model.safetensors");
        ModelFile.save(model, saved);
        int[] in = saved.model().inputShape();
        int[] shape = new int[in.length + 1];
        shape[0] = 7;
        System.arraycopy(in, 0, shape, 1, in.length);
        Rng r = new Rng(name.hashCode());
        float[] v = new float[7 * saved.model().inputWidth()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.uniform(-3, 3);
        }
        checkFile(d, name, opset, roundTrip, model, Tensor.of(v, shape));
    }

    /** export → ORT equals predict; import → predict equals predict, bit for bit. */
    private static void checkFile(Path d, String name, int opset, boolean roundTrip, Path model, Tensor x) throws Exception {
        Path onnx = d.resolve("model.onnx"), xs = d.resolve("x.npy"), p = d.resolve("p.npy");
        Files.write(xs, Npy.toBytes(x));
        CliRun.Result e = CliRun.run("export", "--model", model.toString(), "--onnx", onnx.toString(), "--opset", "" + opset);
        assertThat(e.code()).as(name + ": " + e.err()).isZero();
        CliRun.Result a = CliRun.run("predict", "--model", model.toString(), "--data", "npy:" + xs, "--output", p.toString());
        assertThat(a.code()).as(name + ": " + a.err()).isZero();
        Tensor expected = Npy.read(p);
        Tensor got = Ort.run(onnx, x);
        double diff = Ort.maxDiff(expected, got);
        assertThat(got.dim(0)).isEqualTo(x.dim(0));
        assertThat(diff).as(name + ": ONNX Runtime vs predict").isLessThanOrEqualTo(1e-5);
        if (roundTrip) {
            Path back = d.resolve("back.safetensors");
            CliRun.Result i = CliRun.run("import", "--onnx", onnx.toString(), "--save", back.toString());
            assertThat(i.code()).as(name + ": " + i.err()).isZero();
            CliRun.Result b = CliRun.run("predict", "--model", back.toString(), "--data", "npy:" + xs, "--output", p.toString());
            assertThat(b.code()).as(name + ": " + b.err()).isZero();
            assertThat(Npy.read(p).data()).as(name + ": imported model's predictions").isEqualTo(expected.data());
            assertThat(b.out()).as(name + ": printed predictions").isEqualTo(a.out());
        }
        REPORT.add(String.format(Locale.ROOT, "onnx matrix: %-40s opset %2d  %8d bytes  max |ORT - predict| / max(1, |predict|) %.2e%s", name,
                opset, Files.size(onnx), diff, roundTrip ? "  round trip identical" : ""));
    }

    private static Standardizer std(int d, long seed) {
        Rng r = new Rng(seed);
        float[] m = new float[d], s = new float[d];
        for (int j = 0; j < d; j++) {
            m[j] = (float) r.uniform(-1, 1);
            s[j] = (float) r.uniform(0.5, 2);
        }
        return new Standardizer(m, s);
    }

    /** Batch-norm scale, shift and running statistics away from their initial 1s and 0s. */
    private static Sequential randomStats(Sequential net) {
        Rng r = new Rng(99);
        for (Layer l : net.layers()) {
            if (l.type().equals("batchnorm")) {
                List<Parameter> all = new ArrayList<>(l.parameters());
                all.addAll(l.buffers());
                for (Parameter p : all) {
                    float[] v = p.value().data();
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (p.name().endsWith("var") || p.name().endsWith("weight") ? r.uniform(0.5, 2) : r.uniform(-1, 1));
                    }
                }
            }
        }
        return net;
    }
}
