package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.activation.LeakyRelu;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.Parameter;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

class ModelFileTest {
    /** 3 → 4 tanh → 3 (no bias) leaky_relu(0.2) → softmax; weights dense1 (3,4), bias (1,4), dense2 (4,3). */
    static SavedModel sample() {
        Sequential net = Sequential.builder(3)
                .dense(4).activation("tanh")
                .dense(3, false).activation(new LeakyRelu(0.2f)).activation("softmax")
                .build(11);
        Standardizer std = new Standardizer(new float[] {0.1f, -2.5f, 1e-7f}, new float[] {1f, 3.3333333f, 0.5f});
        return new SavedModel(net, "cce", std, List.of("cat", "dog", "bird, \"quoted\""), List.of("a", "b", "c"),
                Task.CLASSIFICATION);
    }

    private static int[] bits(Sequential net) {
        return net.parameters().stream().flatMapToInt(p -> {
            float[] d = p.value().data();
            int[] b = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                b[i] = Float.floatToRawIntBits(d[i]);
            }
            return java.util.Arrays.stream(b);
        }).toArray();
    }

    @Test
    void roundTripIsBitExactAndRebuildsTheArchitecture(@TempDir Path dir) throws Exception {
        SavedModel saved = sample();
        float[] w = saved.model().parameters().get(0).value().data();
        w[0] = -0.0f;
        w[1] = Float.MIN_VALUE; // subnormal
        w[2] = Float.intBitsToFloat(0x7fc00123); // NaN with a payload
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, saved);
        SavedModel back = ModelFile.load(file);

        assertThat(bits(back.model())).isEqualTo(bits(saved.model()));
        assertThat(back.model().parameters().stream().map(Parameter::name))
                .containsExactly("dense1.weight", "dense1.bias", "dense2.weight");
        assertThat(back.model().summary()).isEqualTo(saved.model().summary());
        List<Layer> layers = back.model().layers();
        assertThat(((Dense) layers.get(2)).hasBias()).isFalse();
        assertThat(((LeakyRelu) ((ActivationLayer) layers.get(3)).activation()).alpha()).isEqualTo(0.2f);
        assertThat(back.loss()).isEqualTo("cce");
        assertThat(back.standardizer()).isEqualTo(saved.standardizer());
        assertThat(back.classNames()).containsExactly("cat", "dog", "bird, \"quoted\"");
        assertThat(back.featureNames()).containsExactly("a", "b", "c");
        assertThat(back.task()).isEqualTo(Task.CLASSIFICATION);

        w[2] = 0.25f; // predictions of the reloaded copy match the original
        ModelFile.save(file, saved);
        Tensor x = Tensor.matrix(new float[][] {{1, 2, 3}, {-1, 0, 0.5f}});
        assertThat(ModelFile.load(file).model().predict(x).data()).isEqualTo(saved.model().predict(x).data());
    }

    @Test
    void fileLayoutIsStandardSafetensors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.safetensors");
        SavedModel saved = sample();
        ModelFile.save(file, saved);
        byte[] b = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat((8 + n) % 8).isZero();
        String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
        assertThat(header).startsWith("{\"__metadata__\":{\"format\":\"scratchnet\",\"format_version\":\"1\","
                + "\"architecture\":\"{\\\"input\\\":3,\\\"layers\\\":[{\\\"type\\\":\\\"dense\\\",\\\"name\\\":\\\"dense1\\\","
                + "\\\"units\\\":4,\\\"bias\\\":true}");
        assertThat(header).contains("\"dense1.weight\":{\"dtype\":\"F32\",\"shape\":[3,4],\"data_offsets\":[0,48]}",
                "\"dense1.bias\":{\"dtype\":\"F32\",\"shape\":[1,4],\"data_offsets\":[48,64]}",
                "\"dense2.weight\":{\"dtype\":\"F32\",\"shape\":[4,3],\"data_offsets\":[64,112]}");
        assertThat(b.length).isEqualTo(8 + n + 112);
        // dense1.weight[0][1] as little-endian float32 at data offset 4
        float w01 = ByteBuffer.wrap(b, (int) (8 + n + 4), 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
        assertThat(w01).isEqualTo(saved.model().parameters().get(0).value().get(0, 1));
    }

    @Test
    void optionalPartsMayBeEmpty(@TempDir Path dir) throws Exception {
        Sequential net = Sequential.builder(2).dense(1).build(1);
        Path file = dir.resolve("r.safetensors");
        ModelFile.save(file, new SavedModel(net, "mse", null, List.of(), List.of(), Task.REGRESSION));
        SavedModel back = ModelFile.load(file);
        assertThat(back.standardizer()).isNull();
        assertThat(back.classNames()).isEmpty();
        assertThat(back.task()).isEqualTo(Task.REGRESSION);
    }

    @Test
    void saveIsAtomicAndKeepsTheOldFileOnFailure(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, sample());
        byte[] before = Files.readAllBytes(file);
        Layer custom = new Layer() {
            public String name() {
                return "odd1";
            }

            public String type() {
                return "odd";
            }

            public Tensor forward(Tensor x, boolean training) {
                return x;
            }

            public Tensor backward(Tensor g, boolean need) {
                return g;
            }

            public List<Parameter> parameters() {
                return List.of();
            }

            public java.util.Map<String, Object> config() {
                return java.util.Map.of();
            }

            public int[] outputShape(int[] in) {
                return in;
            }
        };
        SavedModel unsupported = new SavedModel(new Sequential(3, List.of(custom)), "mse", null, List.of(), List.of(),
                Task.REGRESSION);
        assertThatThrownBy(() -> ModelFile.save(file, unsupported))
                .hasMessage("cannot save layer 'odd1' of type odd: model files hold the layer types dense, activation, "
                        + "dropout, flatten, conv2d, maxpool2d, avgpool2d, globalavgpool, batchnorm, features");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        // the rename itself fails (target is a non-empty directory): no temp file is left behind
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("inside"));
        assertThatThrownBy(() -> ModelFile.save(blocked, sample())).isInstanceOf(java.io.IOException.class);
        assertThat(Files.isDirectory(blocked.resolve("inside"))).isTrue();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("m.safetensors", "blocked");
        }
    }

    @Test
    void savedModelRejectsPartsThatDoNotFit() {
        Sequential net = Sequential.builder(2).dense(3).build(1);
        assertThatThrownBy(() -> new SavedModel(net, "mse", null, List.of("a", "b"), List.of(), Task.CLASSIFICATION))
                .hasMessage("SavedModel: 2 class names for output width 3 (expected one per output, "
                        + "or 2 names for a single sigmoid output)");
        assertThatThrownBy(() -> new SavedModel(net, "mse", Standardizer.fit(Tensor.zeros(2, 3)), List.of(), List.of(),
                Task.REGRESSION)).hasMessage("SavedModel: normalization has 3 features, model input width is 2");
    }
}
