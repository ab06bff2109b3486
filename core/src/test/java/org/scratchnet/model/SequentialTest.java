package org.scratchnet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Initializers;
import org.scratchnet.init.Rng;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/** The model's bookkeeping: shapes between layers, the summary table, copies, input checks and chunked prediction. */
class SequentialTest {
    private static final int[] IMAGE = {1, 6, 6};

    private static Sequential convNet(long seed) {
        return NetSpec.parse("conv 4 3 pad same, relu, maxpool 2, batchnorm, flatten, dense 3").build(IMAGE, null, null, seed);
    }

    private static Tensor images(int n, long seed) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.zeros(n, 1, 6, 6);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    @Test
    void shapesBetweenLayers() {
        Sequential m = convNet(1);
        assertThat(m.inputShape()).containsExactly(1, 6, 6);
        assertThat(m.outputShape()).containsExactly(3);
        assertThat(m.inputWidth()).isEqualTo(36);
        assertThat(m.outputWidth()).isEqualTo(3);
        assertThat(m.shapeBefore(0)).containsExactly(1, 6, 6);
        assertThat(m.shapeBefore(3)).containsExactly(4, 3, 3);
        assertThat(m.shapeBefore(5)).containsExactly(36);
        assertThat(m.shapeBefore(6)).containsExactly(3);
        m.inputShape()[0] = 9; // copies
        m.outputShape()[0] = 9;
        assertThat(m.inputShape()[0]).isEqualTo(1);
        assertThat(m.outputShape()[0]).isEqualTo(3);
    }

    @Test
    void summaryListsEveryLayerWithItsOutputAndParameters() {
        // conv: 4 filters of 1·3·3 + 4 biases = 40; batch norm: scale and shift per channel = 8; dense: 36·3 + 3 = 111
        assertThat(convNet(1).summary()).isEqualTo(String.join("\n",
                "layer        type       output           params",
                "input                   [N, 1, 6, 6]           ",
                "conv1        conv       [N, 4, 6, 6]         40",
                "relu1        relu       [N, 4, 6, 6]          0",
                "maxpool1     maxpool    [N, 4, 3, 3]          0",
                "batchnorm1   batchnorm  [N, 4, 3, 3]          8",
                "flatten1     flatten    [N, 36]               0",
                "dense1       dense      [N, 3]              111",
                "total parameters: 159", ""));
        assertThat(convNet(1).parameterCount()).isEqualTo(159);
    }

    @Test
    void copyParametersFromTakesWeightsAndRunningStatistics() {
        Sequential a = convNet(1), b = convNet(2);
        Tensor x = images(8, 3);
        a.forward(x); // batch norm's running statistics move in training passes
        assertThat(b.predict(x).data()).isNotEqualTo(a.predict(x).data());
        assertThat(a.buffers()).hasSize(2); // running mean and variance
        b.copyParametersFrom(a);
        assertThat(b.predict(x).data()).isEqualTo(a.predict(x).data());
        List<Parameter> pa = a.parameters(), pb = b.parameters();
        for (int i = 0; i < pa.size(); i++) {
            assertThat(pb.get(i).value()).isNotSameAs(pa.get(i).value());
        }
        Sequential other = NetSpec.parse("flatten, dense 3").build(IMAGE, null, null, 1);
        assertThatThrownBy(() -> other.copyParametersFrom(a)).isInstanceOf(ShapeException.class)
                .hasMessage("copyParametersFrom: 2 parameters vs 6"); // conv, batch norm, dense: two each
    }

    @Test
    void inputsOfTheWrongShapeAreRefusedBeforeAnyLayerRuns() {
        Sequential table = Sequential.builder(4).dense(2).build(1);
        assertThatThrownBy(() -> table.forward(Tensor.zeros(3, 5))).isInstanceOf(ShapeException.class)
                .hasMessage("Sequential: input [3, 5] has 5 features, model expects 4");
        assertThatThrownBy(() -> table.predict(Tensor.zeros(3, 5))).hasMessageContaining("model expects 4");
        Sequential conv = convNet(1);
        assertThatThrownBy(() -> conv.forward(Tensor.zeros(2, 1, 6, 5))).isInstanceOf(ShapeException.class)
                .hasMessage("Sequential: input [2, 1, 6, 5] does not match the model's input [N, 1, 6, 6]");
        assertThatThrownBy(() -> conv.predict(Tensor.zeros(2, 36))).hasMessageContaining("does not match");
    }

    @Test
    void backwardSkipsTheFirstLayersInputGradientUnlessAsked() {
        Sequential m = Sequential.builder(4).dense(3).activation("tanh").dense(2).build(5);
        Tensor x = Tensor.of(new float[] {1, -2, 0.5f, 3, 0, 1, -1, 2}, 2, 4);
        m.forward(x);
        Tensor g = Tensor.of(new float[] {1, 0, 0, 1}, 2, 2);
        assertThat(m.backward(g, false)).isNull();
        m.forward(x);
        Tensor dx = m.backward(g, true);
        assertThat(dx.shape()).containsExactly(2, 4);
        // against central differences of Σ g·y through predict
        double h = 1e-3;
        for (int i = 0; i < x.size(); i++) {
            float keep = x.data()[i];
            x.data()[i] = (float) (keep + h);
            double up = dot(m.predict(x), g);
            x.data()[i] = (float) (keep - h);
            double down = dot(m.predict(x), g);
            x.data()[i] = keep;
            assertThat((double) dx.data()[i]).as("dx[%d]", i).isCloseTo((up - down) / (2 * h),
                    org.assertj.core.data.Offset.offset(2e-3));
        }
    }

    private static double dot(Tensor a, Tensor b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += (double) a.data()[i] * b.data()[i];
        }
        return s;
    }

    @Test
    void predictionInChunksOfAnySizeGivesTheSameBits() {
        Sequential m = convNet(4);
        Tensor x = images(7, 5);
        Tensor whole = m.predict(x, Long.MAX_VALUE);
        assertThat(whole.shape()).containsExactly(7, 3);
        // the widest activation is 4·6·6 = 144 values a row: limits of 1, 144, 145 and 3·144 values
        for (long limit : new long[] {1, 144, 145, 3 * 144, 6 * 144}) {
            Tensor chunked = m.predict(x, limit);
            assertThat(chunked.shape()).as("limit %d", limit).containsExactly(7, 3);
            assertThat(chunked.data()).as("limit %d", limit).isEqualTo(whole.data());
        }
    }

    @Test
    void netSpecErrorsNameTheEntryAndTheShapeBeforeIt() {
        assertThatThrownBy(() -> NetSpec.parse("conv 4 3, dense 10").build(IMAGE, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'dense 10' after conv 4 3: input is [N, 4, 4, 4], dense takes [N, D]: add flatten before it");
        assertThatThrownBy(() -> NetSpec.parse("dense 4, ,relu")).hasMessage(
                "entry 2 is empty: write layers as 'dense 64, relu, ...'");
        assertThatThrownBy(() -> NetSpec.parse("dense 4, wobble 3")).hasMessageStartingWith(
                "'wobble 3': unknown layer 'wobble' (expected ");
        // an initializer given to the spec reaches its dense layers
        Sequential ones = NetSpec.parse("dense 2").build(new int[] {3}, Initializers.constant(1f), Initializers.zeros(), 1);
        assertThat(ones.parameters().get(0).value().data()).containsOnly(1f);
        assertThat(ones.parameters().get(1).value().data()).containsOnly(0f);
    }

    /**
     * Dropout's mask comes from the batch the context names: the same context gives the same
     * output, another step another one; zeroGrad makes every gradient read as zeros again.
     */
    @Test
    void batchContextDrivesDropoutAndZeroGradClearsGradients() {
        Sequential m = Sequential.builder(6).dense(8).dropout(0.5f).flatten().dense(2).build(3);
        assertThat(m.layers()).extracting(org.scratchnet.layer.Layer::name)
                .containsExactly("dense1", "dropout1", "flatten1", "dense2");
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -5, -6}, 2, 6);
        float[] a = m.forward(x, new org.scratchnet.layer.BatchContext(7, 1, null, 0)).data().clone();
        float[] b = m.forward(x, new org.scratchnet.layer.BatchContext(7, 1, null, 0)).data().clone();
        float[] c = m.forward(x, new org.scratchnet.layer.BatchContext(7, 2, null, 0)).data().clone();
        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
        m.backward(Tensor.of(new float[] {1, 1, 1, 1}, 2, 2), false);
        assertThat(m.parameters().get(2).grad().data()).isNotEqualTo(new float[16]);
        m.zeroGrad();
        for (Parameter p : m.parameters()) {
            assertThat(p.gradIsZero()).as(p.name()).isTrue();
            assertThat(p.grad().data()).as(p.name()).containsOnly(0f);
        }
    }

    @Test
    void builderRefusesEmptyOrZeroInputs() {
        assertThatThrownBy(() -> Sequential.builder(new int[0])).hasMessage("input shape must have at least one dimension");
        assertThatThrownBy(() -> Sequential.builder(0)).hasMessage("input width must be >= 1, got 0");
        assertThatThrownBy(() -> Sequential.builder(new int[] {1, 0, 3})).hasMessage(
                "input dimensions must be >= 1, got [1, 0, 3]");
        assertThat(Sequential.builder(new int[] {1, 1, 1}).shape()).containsExactly(1, 1, 1);
    }
}
