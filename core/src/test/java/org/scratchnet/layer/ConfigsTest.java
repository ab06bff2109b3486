package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.TrainStep;

/** The edges of configuration values, spec words and the small pieces around layer descriptions. */
class ConfigsTest {
    @Test
    void integersAtAndPastTheirBounds() {
        assertThat(Configs.integer(Map.of("k", 1), "k", 1, 5)).isEqualTo(1);
        assertThat(Configs.integer(Map.of("k", new BigDecimal("5")), "k", 1, 5)).isEqualTo(5);
        assertThat(Configs.integer(Map.of("k", new BigDecimal("4.0")), "k", 1, 5)).isEqualTo(4);
        assertThatThrownBy(() -> Configs.integer(Map.of("k", 0), "k", 1, 5))
                .hasMessage("\"k\": expected an integer in 1..5, found 0");
        assertThatThrownBy(() -> Configs.integer(Map.of("k", 6), "k", 1, 5)).hasMessageContaining("found 6");
        assertThatThrownBy(() -> Configs.integer(Map.of("k", 2.5), "k", 1, 5)).hasMessageContaining("found 2.5");
        assertThatThrownBy(() -> Configs.integer(Map.of("k", "3"), "k", 1, 5)).hasMessageContaining("found '3'");
        assertThatThrownBy(() -> Configs.integer(Map.of(), "k", 1, 5)).hasMessageContaining("found nothing");
    }

    @Test
    void numbersAtAndPastTheirBounds() {
        assertThat(Configs.number(Map.of("p", 0f), "p", 0f, 1f, false)).isEqualTo(0f);
        assertThat(Configs.number(Map.of("p", 1f), "p", 0f, 1f, true)).isEqualTo(1f);
        assertThatThrownBy(() -> Configs.number(Map.of("p", 1f), "p", 0f, 1f, false))
                .hasMessage("\"p\": expected a number in [0.0, 1.0), found 1.0");
        assertThatThrownBy(() -> Configs.number(Map.of("p", 1.5f), "p", 0f, 1f, true))
                .hasMessage("\"p\": expected a number in [0.0, 1.0], found 1.5");
        assertThatThrownBy(() -> Configs.number(Map.of("p", -0.001f), "p", 0f, 1f, true)).hasMessageContaining("-0.001");
        assertThatThrownBy(() -> Configs.number(Map.of("p", Float.NaN), "p", 0f, 1f, true)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Configs.number(Map.of("p", "x"), "p", 0f, 1f, true)).hasMessageContaining("'x'");
    }

    @Test
    void booleansStringsAndLongValues() {
        assertThat(Configs.bool(Map.of(), "b", true)).isTrue();
        assertThat(Configs.bool(Map.of(), "b", false)).isFalse();
        assertThat(Configs.bool(Map.of("b", false), "b", true)).isFalse();
        assertThat(Configs.bool(Map.of("b", true), "b", false)).isTrue();
        assertThatThrownBy(() -> Configs.bool(Map.of("b", "yes"), "b", true))
                .hasMessage("\"b\": expected true or false, found 'yes'");
        assertThat(Configs.string(Map.of("s", "relu"), "s")).isEqualTo("relu");
        assertThatThrownBy(() -> Configs.string(Map.of("s", 3), "s")).hasMessage("\"s\": expected a string, found 3");
        String longText = "x".repeat(60);
        assertThat(Configs.describe(longText)).isEqualTo("'" + "x".repeat(39) + "...");
        assertThat(Configs.describe("x".repeat(38))).isEqualTo("'" + "x".repeat(38) + "'");
        assertThat(Configs.batchShape(new int[] {3})).isEqualTo("[N, 3]");
        assertThat(Configs.size(new int[] {2, 3, 4})).isEqualTo(24);
    }

    @Test
    void specWordsAtTheirBounds() {
        assertThat(Specs.positiveInt("dense", "1", 4)).isEqualTo(1);
        assertThat(Specs.positiveInt("dense", "4", 4)).isEqualTo(4);
        assertThatThrownBy(() -> Specs.positiveInt("dense", "0", 4)).hasMessage("dense: expected an integer in 1..4, found '0'");
        assertThatThrownBy(() -> Specs.positiveInt("dense", "5", 4)).hasMessageContaining("found '5'");
        assertThat(Specs.number("dropout", "0", 0f, 1f)).isEqualTo(0f);
        assertThatThrownBy(() -> Specs.number("dropout", "1", 0f, 1f)).hasMessage("dropout: expected a number in [0, 1), found '1'");
        assertThatThrownBy(() -> Specs.number("dropout", "-0.5", 0f, 1f)).hasMessageContaining("found '-0.5'");
        assertThatThrownBy(() -> Specs.number("dropout", "0.5f", 0f, 1f)).hasMessageContaining("found '0.5f'");
        assertThatThrownBy(() -> Specs.number("dropout", "0.5d", 0f, 1f)).hasMessageContaining("found '0.5d'");
        assertThatThrownBy(() -> Specs.number("a", "NaN", 0f, 1f)).hasMessageContaining("found 'NaN'");
        assertThatThrownBy(() -> Specs.number("a", "9", 0f, 0.5f)).hasMessage("a: expected a number in [0, 0.5), found '9'");
    }

    @Test
    void typeTextsForHelpAndExplain() {
        assertThat(Dropout.TYPE.usage()).isEqualTo("dropout P (0 <= P < 1)");
        assertThat(Flatten.TYPE.usage()).isEqualTo("flatten");
        assertThat(Dropout.TYPE.gradient(Map.of("rate", 0.5f), "input", "a1", "dA2", 1)).isEqualTo("dA2 ⊙ mask");
        assertThat(Dropout.TYPE.gradient(Map.of("rate", 0.5f), "weight", "a1", "dA2", 1)).isNull();
        assertThat(Flatten.TYPE.gradient(Map.of(), "input", "a1", "dA2", 1)).isEqualTo("reshape(dA2)");
        assertThat(Flatten.TYPE.gradient(Map.of(), "weight", "a1", "dA2", 1)).isNull();
        assertThat(Flatten.TYPE.parse("flatten", List.of())).isEmpty();
        assertThat(new Flatten("f").config()).isEmpty();
        assertThat(new Dropout("d", 0.3f).rate()).isEqualTo(0.3f);
        assertThat(Dense.TYPE.gradient(Dense.TYPE.parse("dense", List.of("3")), "bias", "a1", "dZ2", 2)).isEqualTo("Σ_rows dZ2");
        assertThat(Dense.TYPE.formula(Dense.TYPE.parse("dense", List.of("3", "nobias")), "a1", 2)).isEqualTo("a1 @ W2");
    }

    @Test
    void layerTypesOfAnUnknownLayerSaysWhichTypesExist() {
        assertThat(LayerTypes.of(new Flatten("f1"))).isSameAs(Flatten.TYPE);
        Layer custom = new Layer() {
            public String name() {
                return "c1";
            }

            public String type() {
                return "custom";
            }

            public Map<String, Object> config() {
                return Map.of();
            }

            public int[] outputShape(int[] in) {
                return in;
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
        };
        assertThatThrownBy(() -> LayerTypes.of(custom))
                .hasMessageStartingWith("layer 'c1' has type 'custom', which is not one of [dense, activation, dropout, flatten");
    }

    @Test
    void resultMeanLossAndImportedGradientsAreScaled() {
        TrainStep.Result r = new TrainStep.Result(6.0, 4, null);
        assertThat(r.meanLoss()).isEqualTo(1.5);
        org.scratchnet.model.Sequential m = org.scratchnet.model.Sequential.builder(2).dense(1).build(1);
        TrainStep step = new TrainStep(m, new org.scratchnet.loss.Mse());
        assertThat(step.model()).isSameAs(m);
        step.importGradients(new float[] {1, 2, 3}, 2f);
        assertThat(step.exportGradients(0.5f)).containsExactly(1, 2, 3);
        assertThat(m.parameters().get(0).grad().data()).containsExactly(2, 4);
        assertThatThrownBy(() -> step.importGradients(new float[2], 1f))
                .hasMessage("importGradients: 2 values, the model has 3 parameters");
    }
}
