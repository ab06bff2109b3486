package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Task;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Adam;
import org.scratchnet.optim.TrainingState;
import org.scratchnet.tensor.Tensor;

/** The training state in a model file: what is written, and one-line errors for what cannot be read back. */
class TrainingStateCodecTest {
    private static Sequential net() {
        return Sequential.builder(2).dense(3).activation("relu").dense(1).build(1);
    }

    /** A saved file's tensors and metadata after one Adam step, changed by {@code edit}, decoded again. */
    private static SavedModel roundTrip(Consumer<Map<String, String>> editMeta, Consumer<Map<String, Tensor>> editTensors) {
        Sequential m = net();
        Adam adam = new Adam(0.1f);
        m.parameters().forEach(p -> p.grad().fillInPlace(0.5f));
        adam.step(m.parameters());
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        m.parameters().forEach(p -> tensors.put(p.name(), p.value()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "scratchnet");
        meta.put("format_version", "2");
        meta.put("architecture", ArchitectureCodec.encode(m));
        meta.put("loss", "mse");
        meta.put("task", "regression");
        TrainingStateCodec.encode(new TrainingState(adam, 3, 7), meta, tensors);
        editMeta.accept(meta);
        editTensors.accept(tensors);
        return ModelFile.fromBytes("m.safetensors", Safetensors.encode(tensors, meta));
    }

    @Test
    void writesNameConfigCountsAndOneTensorPerSlot() {
        SavedModel back = roundTrip(m -> { }, t -> assertThat(t).containsKeys("optim/dense1.weight/exp_avg",
                "optim/dense1.weight/exp_avg_sq", "optim/dense2.bias/exp_avg"));
        assertThat(back.training().epochs()).isEqualTo(3);
        assertThat(back.training().steps()).isEqualTo(7);
        assertThat(back.training().optimizer().steps()).isEqualTo(1);
        assertThat(back.training().optimizer().learningRate()).isEqualTo(0.1f);
        assertThat(back.training().optimizer().state().get("dense1.weight/exp_avg").data()).containsOnly((1 - 0.9f) * 0.5f); // (1 − β1)·g in float
    }

    @Test
    void badCountsAndOrphanStateAreOneLineErrors() {
        assertThatThrownBy(() -> roundTrip(m -> m.put("training", m.get("training").replace("\"epochs\":3", "\"epochs\":-1")),
                t -> { })).hasMessage("m.safetensors: training epochs: expected an integer in 0..2147483647, found '-1'");
        assertThatThrownBy(() -> roundTrip(m -> m.put("training", m.get("training").replace("\"steps\":7", "\"steps\":7.5")),
                t -> { })).hasMessageContaining("training steps: expected an integer in 0..");
        assertThatThrownBy(() -> roundTrip(m -> m.put("training", m.get("training").replace(",\"steps\":7", "")),
                t -> { })).hasMessageContaining("training steps: expected an integer in 0..9223372036854775807, found 'nothing'");
        assertThatThrownBy(() -> roundTrip(m -> m.put("training", m.get("training").replace("\"epochs\":3",
                "\"epochs\":2147483648")), t -> { })).hasMessageContaining("found '2147483648'");
        assertThat(roundTrip(m -> m.put("training", m.get("training").replace("\"epochs\":3", "\"epochs\":0")), t -> { })
                .training().epochs()).isZero();
        assertThatThrownBy(() -> roundTrip(m -> m.remove("training"), t -> { }))
                .hasMessageStartingWith("m.safetensors: tensor 'optim/dense1.weight/exp_avg' is optimizer state, but");
        assertThatThrownBy(() -> roundTrip(m -> m.put("training", "{\"optimizer\": 3}"), t -> { }))
                .hasMessageStartingWith("m.safetensors: training: expected {\"optimizer\": NAME");
        assertThatThrownBy(() -> roundTrip(m -> m.put("training", "{oops"), t -> { }))
                .hasMessageStartingWith("m.safetensors: training is not valid JSON");
        assertThatThrownBy(() -> roundTrip(m -> m.put("training", m.get("training").replace("\"adam\"", "\"adagrad\"")),
                t -> { })).hasMessageStartingWith("m.safetensors: training: ").hasMessageContaining("adagrad");
        assertThatThrownBy(() -> roundTrip(m -> { }, t -> t.put("optim/dense1.weight/exp_avg", Tensor.zeros(1, 1))))
                .hasMessageStartingWith("m.safetensors: training: ").hasMessageContaining("dense1.weight");
    }

    @Test
    void inputShapesOfMoreDimensionsAndTheirLimits() {
        Sequential img = Sequential.builder(2, 3, 3).flatten().dense(2).build(1);
        SavedModel s = new SavedModel(img, "mse", null, List.of(), List.of(), Task.REGRESSION);
        assertThat(ArchitectureCodec.encode(img)).startsWith("{\"input\":[2,3,3],");
        assertThat(ModelFile.fromBytes("m", ModelFile.toBytes(s)).model().inputShape()).containsExactly(2, 3, 3);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        img.parameters().forEach(p -> tensors.put(p.name(), p.value()));
        for (String[] c : new String[][] {{"[]", "expected 1 to 8 dimensions, found '[]'"},
                {"[1,1,1,1,1,1,1,1,1]", "expected 1 to 8 dimensions"}, {"[2,0,3]", "expected an integer in 1..1048576, found '0'"}}) {
            String arch = ArchitectureCodec.encode(img).replace("[2,3,3]", c[0]);
            assertThatThrownBy(() -> ArchitectureCodec.decode("m", arch, tensors, "optim/"))
                    .hasMessage("m: architecture input: " + c[1] + (c[1].endsWith("dimensions") ? ", found '" + c[0] + "'" : ""));
        }
    }

    @Test
    void aStandardizedImageModelKeepsItsInputShape() {
        Sequential img = Sequential.builder(1, 2, 2).flatten().dense(1).build(3);
        org.scratchnet.data.Standardizer std = new org.scratchnet.data.Standardizer(new float[] {1, 2, 3, 4},
                new float[] {2, 2, 2, 2});
        SavedModel s = ModelFile.fromBytes("m", ModelFile.toBytes(new SavedModel(img, "mse", std, List.of(), List.of(),
                Task.REGRESSION)));
        Tensor x = Tensor.of(new float[] {3, 4, 5, 6}, 1, 1, 2, 2);
        Tensor expected = img.predict(Tensor.of(new float[] {1, 1, 1, 1}, 1, 1, 2, 2)); // (x − mean) / std
        assertThat(s.predict(x).data()).containsExactly(expected.data());
        assertThat(std.transform(x).shape()).containsExactly(1, 1, 2, 2);
    }
}
