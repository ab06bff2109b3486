package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.NetSpec;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * Every layer type in {@link LayerTypes#ALL} works through every reader of the description: the
 * network spec, the builder, the layer table and the model file. A type added without one of
 * these fails here.
 */
class LayerTypesTest {
    /**
     * The type's example on input [2, 3, 3] (images of 2 channels), or after "flatten" if it takes
     * vectors, or on points [2] (x1, x2) if it takes only those.
     */
    private static Sequential around(LayerType t) {
        String spec = t.example();
        try {
            return NetSpec.parse(spec + ", flatten, dense 2").build(new int[] {2, 3, 3}, null, null, 5);
        } catch (IllegalArgumentException imagesRefused) {
            try {
                return NetSpec.parse("flatten, " + spec + ", dense 2").build(new int[] {2, 3, 3}, null, null, 5);
            } catch (IllegalArgumentException vectorsRefused) {
                try {
                    return NetSpec.parse(spec + ", dense 2").build(new int[] {2}, null, null, 5);
                } catch (IllegalArgumentException e) {
                    throw new AssertionError(t.name() + ": example '" + spec + "' does not build: " + e.getMessage());
                }
            }
        }
    }

    @Test
    void everyTypeHasUniqueNamesAndTokens() {
        Set<String> names = new HashSet<>(), tokens = new HashSet<>();
        for (LayerType t : LayerTypes.ALL) {
            assertThat(names.add(t.name())).as("type name %s", t.name()).isTrue();
            for (String w : t.tokens()) {
                assertThat(tokens.add(w)).as("token %s", w).isTrue();
                assertThat(LayerTypes.byToken(w)).isSameAs(t);
            }
            assertThat(LayerTypes.byName(t.name())).isSameAs(t);
            assertThat(LayerTypes.usage()).contains(t.usage());
        }
        assertThat(LayerTypes.byName("nope")).isNull();
        assertThat(LayerTypes.byToken("nope")).isNull();
    }

    @Test
    void everyTypeBuildsFromItsExampleSavesLoadsAndShowsInTheTable() {
        for (LayerType t : LayerTypes.ALL) {
            Sequential net = around(t);
            Layer layer = net.layers().stream().filter(l -> l.type().equals(t.name())).findFirst().orElseThrow();
            // the description's tensors are the layer's parameters and buffers, shape for shape
            int index = net.layers().indexOf(layer);
            Map<String, int[]> tensors = t.tensors(layer.config(), net.shapeBefore(index));
            List<Parameter> held = new java.util.ArrayList<>(layer.parameters());
            held.addAll(layer.buffers());
            assertThat(tensors.keySet()).hasSize(held.size());
            for (Parameter p : held) {
                String suffix = p.name().substring(layer.name().length() + 1);
                assertThat(tensors.get(suffix)).as("%s tensor %s", t.name(), suffix).containsExactly(p.value().shape());
            }
            // the table names it; explain and the model line have words for it
            assertThat(net.summary()).contains(layer.name()).contains(Sequential.kind(layer));
            assertThat(t.describe(layer.config())).isNotBlank();
            assertThat(t.formula(layer.config(), "a1", 1)).contains("a1");
            // the config a layer reports builds an equal layer again
            assertThat(t.create("again", layer.config(), net.shapeBefore(index)).config()).isEqualTo(layer.config());

            SavedModel saved = new SavedModel(net, "mse", null, List.of(), List.of(), Task.REGRESSION);
            SavedModel back = ModelFile.fromBytes("mem", ModelFile.toBytes(saved));
            assertThat(back.model().layers()).extracting(Layer::type)
                    .containsExactlyElementsOf(net.layers().stream().map(Layer::type).toList());
            int[] in = net.inputShape();
            int[] batch = new int[in.length + 1];
            batch[0] = 3;
            System.arraycopy(in, 0, batch, 1, in.length);
            Tensor x = Tensor.zeros(batch);
            for (int i = 0; i < x.size(); i++) {
                x.data()[i] = (i % 7) * 0.3f - 1;
            }
            assertThat(back.model().predict(x).data()).as(t.name()).containsExactly(net.predict(x).data());
        }
    }

    @Test
    void denseGivenImagesSaysToFlatten() {
        assertThatThrownBy(() -> NetSpec.parse("dense 10").build(new int[] {64, 5, 5}, null, null, 1))
                .hasMessage("'dense 10' after the input: input is [N, 64, 5, 5], dense takes [N, D]: add flatten before it");
    }

    @Test
    void specErrorsNameTheEntry() {
        assertThatThrownBy(() -> NetSpec.parse("dense 64, rleu")).hasMessageStartingWith("'rleu': unknown layer 'rleu'");
        assertThatThrownBy(() -> NetSpec.parse("dense x")).hasMessage("'dense x': dense: expected an integer in 1..1048576, found 'x'");
        assertThatThrownBy(() -> NetSpec.parse("dropout 1.5")).hasMessage("'dropout 1.5': dropout: expected a number in [0, 1), found '1.5'");
        assertThatThrownBy(() -> NetSpec.parse("dense 4,,relu")).hasMessageContaining("entry 2 is empty");
        assertThatThrownBy(() -> NetSpec.parse("flatten 3")).hasMessage("'flatten 3': expected 'flatten' alone");
        assertThatThrownBy(() -> NetSpec.parse("relu 2")).hasMessage("'relu 2': expected 'relu' alone");
    }

    @Test
    void specBuildsTheSameNetworkAsTheBuilder() {
        Sequential a = NetSpec.parse("dense 8, Leaky_Relu 0.2, dropout 0.1, dense 3 nobias, softmax")
                .build(new int[] {4}, null, null, 9);
        assertThat(a.layers()).extracting(Layer::name)
                .containsExactly("dense1", "leaky_relu1", "dropout1", "dense2", "softmax1");
        assertThat(((Dense) a.layers().get(3)).hasBias()).isFalse();
        Sequential b = Sequential.builder(4).dense(8).activation(new org.scratchnet.activation.LeakyRelu(0.2f))
                .dropout(0.1f).dense(3, false).activation("softmax").build(9);
        Tensor x = Tensor.matrix(new double[][] {{1, 2, 3, 4}});
        assertThat(a.predict(x).data()).containsExactly(b.predict(x).data());
    }

    @Test
    void flattenIsAViewInBothDirections() {
        Flatten f = new Flatten("flatten1");
        assertThat(f.outputShape(new int[] {2, 3, 4})).containsExactly(24);
        Tensor x = Tensor.zeros(5, 2, 3, 4);
        Tensor a = f.forward(x, true);
        assertThat(a.shape()).containsExactly(5, 24);
        assertThat(a.data()).isSameAs(x.data());
        Tensor g = f.backward(Tensor.zeros(5, 24), true);
        assertThat(g.shape()).containsExactly(5, 2, 3, 4);
        assertThat(f.backward(g.reshape(5, 24), false)).isNull();
        assertThatThrownBy(() -> new Flatten("f").backward(Tensor.zeros(1, 1), true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void imageModelTableShowsFourDimensionalShapes() {
        Sequential net = Sequential.builder(1, 4, 4).flatten().dense(3).activation("relu").build(1);
        assertThat(net.summary()).contains("[N, 1, 4, 4]").contains("flatten1     flatten    [N, 16]");
        assertThat(net.inputWidth()).isEqualTo(16);
        assertThatThrownBy(() -> net.predict(Tensor.zeros(2, 16)))
                .hasMessage("Sequential: input [2, 16] does not match the model's input [N, 1, 4, 4]");
        assertThat(net.predict(Tensor.zeros(2, 1, 4, 4)).shape()).containsExactly(2, 3);
    }
}
