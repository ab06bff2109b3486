package org.scratchnet.cli.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.cli.CliRun;
import org.scratchnet.data.Npy;
import org.scratchnet.onnx.Ort;
import org.scratchnet.onnx.OnnxImport;
import org.scratchnet.tensor.Tensor;

/**
 * ONNX's own backend test cases for PyTorch-converted modules, as Debian's libonnx-testdata
 * ships them (opset 6, weights also listed as graph inputs, Gemm's broadcast, BatchNormalization's
 * is_test): each case in {@link #FITTING} imports, and predict on {@code input_0.pb} reproduces
 * {@code output_0.pb} to 1e-5. Every other case is refused with one line saying why (docs/onnx.md
 * lists the reasons), never imported into a model that computes something else.
 */
class OnnxConformanceTest {
    static final Path DATA = Path.of("/usr/share/libonnx-testdata/data/pytorch-converted");
    /** The cases a scratchnet model reproduces. */
    static final List<String> FITTING = List.of("test_Linear", "test_Linear_no_bias", "test_Conv2d", "test_Conv2d_no_bias",
            "test_Conv2d_padding", "test_Conv2d_strided", "test_MaxPool2d", "test_AvgPool2d", "test_AvgPool2d_stride",
            "test_BatchNorm2d_eval", "test_BatchNorm2d_momentum_eval", "test_ReLU", "test_LeakyReLU",
            "test_LeakyReLU_with_negval", "test_Sigmoid", "test_Tanh", "test_Softmax", "test_softmax_lastdim");

    @BeforeAll
    static void needData() {
        boolean present = Files.isDirectory(DATA);
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError(DATA + " is missing: .ci/run installs Debian's libonnx-testdata");
        }
        Assumptions.assumeTrue(present, "ONNX conformance cases skipped: " + DATA
                + " is missing (apt-get install libonnx-testdata)");
    }

    @AfterAll
    static void clean() {
        Ort.cleanTemp();
    }

    @Test
    void fittingCasesReproduceTheirOutputs(@TempDir Path dir) throws Exception {
        List<String> report = new ArrayList<>();
        double worst = 0;
        for (String name : FITTING) {
            Path c = DATA.resolve(name);
            Path model = dir.resolve(name + ".safetensors"), x = dir.resolve(name + ".x.npy"), p = dir.resolve(name + ".p.npy");
            CliRun.Result i = CliRun.run("import", "--onnx", c.resolve("model.onnx").toString(), "--save", model.toString());
            assertThat(i.code()).as(name + ": " + i.err()).isZero();
            Tensor in = OnnxImport.readTensor(c.resolve("test_data_set_0/input_0.pb"));
            Tensor expected = OnnxImport.readTensor(c.resolve("test_data_set_0/output_0.pb"));
            Files.write(x, Npy.toBytes(in));
            CliRun.Result r = CliRun.run("predict", "--model", model.toString(), "--data", "npy:" + x, "--output", p.toString());
            assertThat(r.code()).as(name + ": " + r.err()).isZero();
            Tensor got = Npy.read(p);
            assertThat(got.size()).as(name).isEqualTo(expected.size());
            double diff = Ort.maxDiff(got, expected);
            assertThat(diff).as(name + ": predict vs output_0.pb").isLessThanOrEqualTo(1e-5);
            worst = Math.max(worst, diff);
            report.add(String.format(Locale.ROOT, "%s %s -> %s %.1e", name, in.shapeString(), expected.shapeString(), diff));
        }
        System.out.println("onnx conformance: " + String.join("; ", report) + "; largest difference " + worst);
    }

    /** The remaining cases fail with one line naming the node and the reason; none is imported. */
    @Test
    void otherCasesAreRefusedWithOneLine(@TempDir Path dir) throws Exception {
        Map<String, String> reasons = new TreeMap<>();
        try (Stream<Path> s = Files.list(DATA)) {
            for (Path c : (Iterable<Path>) s.sorted()::iterator) {
                String name = c.getFileName().toString();
                if (FITTING.contains(name)) {
                    continue;
                }
                Path out = dir.resolve(name + ".safetensors");
                CliRun.Result r = CliRun.run("import", "--onnx", c.resolve("model.onnx").toString(), "--save", out.toString());
                assertThat(r.code()).as(name).isEqualTo(1);
                assertThat(r.err().strip()).as(name).startsWith("error: " + c.resolve("model.onnx") + ": ").doesNotContain("\n");
                assertThat(out).as(name).doesNotExist();
                reasons.put(name, r.err().strip().replaceAll(".*model.onnx: ", "").replaceAll(" is not supported; supported: .*", " is not supported"));
            }
        }
        assertThat(reasons).hasSizeGreaterThan(50);
        reasons.forEach((k, v) -> System.out.println("onnx conformance refused: " + k + ": " + v));
    }
}
