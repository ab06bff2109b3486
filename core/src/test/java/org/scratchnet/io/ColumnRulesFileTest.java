package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.ColumnRules;
import org.scratchnet.data.TargetScale;
import org.scratchnet.data.Task;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/** The model file's {@code columns} key: round trip, target scaling at predict, width checks. */
class ColumnRulesFileTest {
    /** age (number) + color [blue, red, "x, \"y\""] (one-hot) = 4 inputs; target scaled by mean 200, std 50. */
    private static ColumnRules rules() {
        return new ColumnRules("price", 0, 4, true, List.of(
                new ColumnRules.Column("age", 2, ColumnRules.Kind.NUMBER, List.of(), "41.25"),
                new ColumnRules.Column("color", 3, ColumnRules.Kind.CATEGORY, List.of("blue", "red", "x, \"y\""), "red")),
                new TargetScale(200f, 50f));
    }

    @Test
    void columnRulesRoundTripAndPredictionsComeBackInTheTargetUnit(@TempDir Path dir) throws Exception {
        Sequential net = Sequential.builder(4).dense(1).build(3);
        SavedModel saved = new SavedModel(net, "mse", null, List.of(), rules().encodedNames(), Task.REGRESSION, null, rules());
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, saved);
        SavedModel back = ModelFile.load(file);
        assertThat(back.columns()).isEqualTo(rules());
        assertThat(back.featureNames()).containsExactly("age", "color=blue", "color=red", "color=x, \"y\"");
        Tensor x = Tensor.matrix(new float[][] {{1, 0, 1, 0}});
        float z = net.predict(x).get(0, 0);
        assertThat(back.predict(x).get(0, 0)).isEqualTo(z * 50f + 200f);
        String header = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertThat(header).contains("\"columns\"", "target_scaling", "label_index");
    }

    @Test
    void rulesMustEncodeTheModelsInputWidth() {
        Sequential net = Sequential.builder(3).dense(1).build(3);
        assertThatThrownBy(() -> new SavedModel(net, "mse", null, List.of(), List.of(), Task.REGRESSION, null, rules()))
                .hasMessage("SavedModel: column rules encode 4 inputs, model input width is 3");
    }

    @Test
    void badColumnsInTheFileAreOneLineErrors(@TempDir Path dir) throws Exception {
        Sequential net = Sequential.builder(4).dense(1).build(3);
        byte[] good = ModelFile.encode(new SavedModel(net, "mse", null, List.of(), List.of(), Task.REGRESSION, null, rules()));
        String text = new String(good, StandardCharsets.ISO_8859_1);
        // same length so the header size stays right: "number" -> "numbr!" is an unknown kind
        byte[] bad = text.replaceFirst("number", "numbr!").getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("bad.safetensors");
        Files.write(file, bad);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("bad.safetensors")
                .hasMessageEndingWith("bad.safetensors: columns.features[0].kind: expected \"number\" or \"category\", "
                        + "found \"numbr!\"");
    }
}
