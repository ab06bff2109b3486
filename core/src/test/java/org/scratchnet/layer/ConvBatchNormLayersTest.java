package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Initializers;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Conv2D and BatchNorm as layers: construction errors, configs and tensors, initialization,
 * training against inference (batch against running statistics, momentum), gradient accumulation
 * and the backward contract. Batch norm input x (N=2, C=2, 1, 2): channel 0 holds 1, 3, 5, 7
 * (mean 4, var 5), channel 1 10, 10, 10, 14 (mean 11, var 3).
 */
class ConvBatchNormLayersTest {
    private static Tensor bnX() {
        return Tensor.of(new float[] {1, 3, 10, 10, 5, 7, 10, 14}, 2, 2, 1, 2);
    }

    private static final int[] BN_IN = {2, 1, 2};

    @Test
    void batchNormConstructionConfigAndTensors() {
        assertThatThrownBy(() -> new BatchNorm("b", null, 1e-5, 0.1)).isInstanceOf(ShapeException.class)
                .hasMessage("BatchNorm(b): input is unknown, expected features (N,D) or images (N,C,H,W)");
        assertThatThrownBy(() -> new BatchNorm("b", new int[] {2, 3}, 1e-5, 0.1)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("expected features (N,D) or images (N,C,H,W)");
        assertThatThrownBy(() -> new BatchNorm("b", new int[] {0}, 1e-5, 0.1)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("has no features");
        assertThatThrownBy(() -> new BatchNorm("b", new int[] {3}, 0, 0.1))
                .hasMessage("BatchNorm(b): eps must be > 0 and momentum in [0, 1], got eps 0.0, momentum 0.1");
        assertThatThrownBy(() -> new BatchNorm("b", new int[] {3}, 1e-5, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchNorm("b", new int[] {3}, 1e-5, 1.1)).isInstanceOf(IllegalArgumentException.class);
        new BatchNorm("b", new int[] {3}, 1e-5, 0); // both ends of momentum are fine
        new BatchNorm("b", new int[] {3}, 1e-5, 1);
        BatchNorm d = (BatchNorm) BatchNorm.TYPE.create("bn1", Map.of(), BN_IN);
        assertThat(d.config()).containsEntry("eps", 1e-5).containsEntry("momentum", 0.1);
        assertThat(d.name()).isEqualTo("bn1");
        assertThat(d.type()).isEqualTo("batchnorm");
        BatchNorm c = (BatchNorm) BatchNorm.TYPE.create("bn1", Map.of("eps", 1e-3, "momentum", 1.0), BN_IN);
        assertThat(((Number) c.config().get("eps")).doubleValue()).isCloseTo(1e-3, offset(1e-9));
        assertThat(((Number) c.config().get("momentum")).doubleValue()).isEqualTo(1.0);
        Map<String, int[]> t = BatchNorm.TYPE.tensors(Map.of(), BN_IN);
        assertThat(t.keySet()).containsExactly("weight", "bias", "running_mean", "running_var");
        assertThat(t.get("running_var")).containsExactly(2);
        assertThat(BatchNorm.TYPE.tokens()).containsExactly("batchnorm", "bn");
        assertThat(BatchNorm.TYPE.example()).isEqualTo("batchnorm");
        assertThat(BatchNorm.TYPE.describe(Map.of())).isEqualTo("batchnorm");
        assertThat(BatchNorm.TYPE.formula(Map.of(), "a1", 2)).isEqualTo("batchnorm(a1) = γ2·(a1 − mean)/√(var + ε) + β2");
        assertThat(d.outputShape(BN_IN)).containsExactly(2, 1, 2);
        assertThatThrownBy(() -> d.outputShape(new int[] {3, 1, 2})).isInstanceOf(ShapeException.class);
        assertThat(d.parameters()).extracting(Parameter::name).containsExactly("bn1.weight", "bn1.bias");
        assertThat(d.buffers()).extracting(Parameter::name).containsExactly("bn1.running_mean", "bn1.running_var");
        // initialize: γ 1, β 0, running mean 0, running var 1, whatever they held
        for (Parameter p : d.parameters()) {
            p.value().fillInPlace(5f);
        }
        for (Parameter p : d.buffers()) {
            p.value().fillInPlace(5f);
        }
        d.initialize(new Rng(1));
        assertThat(d.parameters().get(0).value().data()).containsOnly(1f);
        assertThat(d.parameters().get(1).value().data()).containsOnly(0f);
        assertThat(d.buffers().get(0).value().data()).containsOnly(0f);
        assertThat(d.buffers().get(1).value().data()).containsOnly(1f);
    }

    @Test
    void batchNormTrainsOnBatchStatisticsAndPredictsWithRunningOnes() {
        BatchNorm bn = new BatchNorm("bn", BN_IN, 1e-5, 0.1);
        // fresh running statistics (0, 1): inference is x / √(1 + ε)
        Tensor e = bn.forward(bnX(), false);
        assertThat((double) e.data()[7]).isCloseTo(14 / Math.sqrt(1 + 1e-5), offset(1e-5));
        Tensor t = bn.forward(bnX(), true);
        assertThat((double) t.data()[0]).isCloseTo(-3 / Math.sqrt(5 + 1e-5), offset(1e-5));
        assertThat(bn.forward(bnX(), true)).isSameAs(t);
        assertThat(bn.forward(bnX(), false)).isNotSameAs(e);
        // two training steps with momentum 0.1 moved the running mean 0 → 0.4 → 0.76 (channel 0)
        float[] rm = bn.buffers().get(0).value().data(), rv = bn.buffers().get(1).value().data();
        assertThat((double) rm[0]).isCloseTo(0.76, offset(1e-5));
        assertThat((double) rm[1]).isCloseTo(0.1 * 11 + 0.9 * 1.1, offset(1e-5));
        double v1 = 0.9 + 0.1 * 5 * 4 / 3.0;
        assertThat((double) rv[0]).isCloseTo(0.9 * v1 + 0.1 * 5 * 4 / 3.0, offset(1e-5));
        Tensor after = bn.forward(bnX(), false);
        assertThat((double) after.data()[0]).isCloseTo((1 - rm[0]) / Math.sqrt(rv[0] + 1e-5), offset(1e-5));
        // momentum 1 takes the batch's statistics; 0 keeps the running ones
        BatchNorm one = new BatchNorm("one", BN_IN, 1e-5, 1), zero = new BatchNorm("zero", BN_IN, 1e-5, 0);
        one.forward(bnX(), true);
        zero.forward(bnX(), true);
        assertThat(one.buffers().get(0).value().data()).containsExactly(4f, 11f);
        assertThat((double) one.buffers().get(1).value().data()[0]).isCloseTo(20 / 3.0, offset(1e-5));
        assertThat(zero.buffers().get(0).value().data()).containsExactly(0f, 0f);
        assertThat(zero.buffers().get(1).value().data()).containsExactly(1f, 1f);
        // one value per channel cannot be normalized in training, but can in inference
        BatchNorm rows = new BatchNorm("r", new int[] {3}, 1e-5, 0.1);
        assertThatThrownBy(() -> rows.forward(Tensor.zeros(1, 3), true)).isInstanceOf(ShapeException.class)
                .hasMessage("BatchNorm(r): training needs more than one value per channel, input [1, 3] (use a batch of 2 or more)");
        assertThat(rows.forward(Tensor.zeros(1, 3), false).shape()).containsExactly(1, 3);
        assertThat(rows.forward(Tensor.of(new float[] {1, 2, 3, 3, 2, 1}, 2, 3), true).data()[0]).isCloseTo(-1f, offset(1e-4f));
    }

    @Test
    void batchNormBackwardAccumulatesAndChecksItsInput() {
        BatchNorm bn = new BatchNorm("bn", BN_IN, 1e-5, 0.1);
        assertThatThrownBy(() -> bn.backward(Tensor.zeros(2, 2, 1, 2), true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("BatchNorm(bn): backward called before a training forward");
        bn.forward(bnX(), true);
        Tensor dy = Tensor.of(new float[] {1, 0, 0, 0, 0, 0, 0, 2}, 2, 2, 1, 2);
        Tensor dx = bn.backward(dy, true);
        assertThat(dx.shape()).containsExactly(2, 2, 1, 2);
        assertThat(bn.parameters().get(1).grad().data()).containsExactly(1f, 2f); // dβ = Σ dY
        assertThat((double) bn.parameters().get(0).grad().data()[0]).isCloseTo(-3 / Math.sqrt(5 + 1e-5), offset(1e-5));
        assertThat(bn.backward(dy, false)).isNull(); // still adds to dγ, dβ
        assertThat(bn.parameters().get(1).grad().data()).containsExactly(2f, 4f);
        assertThatThrownBy(() -> bn.backward(Tensor.zeros(1, 2, 1, 2), true)).isInstanceOf(ShapeException.class)
                .hasMessage("BatchNorm(bn): gradient [1, 2, 1, 2] does not match the last forward's input [2, 2, 1, 2]");
    }

    @Test
    void convConstructionTensorsAndInitialization() {
        assertThatThrownBy(() -> new Conv2D("c", new int[] {1, 4, 4}, 0, new int[] {3, 3}, new int[] {1, 1}, new int[4], true))
                .isInstanceOf(ShapeException.class).hasMessage("Conv2D(c): filters must be >= 1, got 0");
        assertThatThrownBy(() -> new Conv2D("c", new int[] {1, 2, 2}, 1, new int[] {3, 3}, new int[] {1, 1}, new int[4], true))
                .isInstanceOf(ShapeException.class).hasMessageStartingWith("Conv2D(c): ");
        Map<String, Object> cfg = Conv2D.TYPE.parse("conv", List.of("3", "3", "nobias"));
        assertThat(Conv2D.TYPE.tensors(cfg, new int[] {2, 5, 5}).keySet()).containsExactly("weight");
        Map<String, int[]> t = Conv2D.TYPE.tensors(Conv2D.TYPE.parse("conv", List.of("3", "3")), new int[] {2, 5, 5});
        assertThat(t.keySet()).containsExactly("weight", "bias");
        assertThat(t.get("weight")).containsExactly(3, 2, 3, 3);
        assertThat(t.get("bias")).containsExactly(3);
        assertThat(Conv2D.TYPE.tokens()).containsExactly("conv", "conv2d");
        assertThat(Conv2D.TYPE.example()).isEqualTo("conv 8 3");
        assertThatThrownBy(() -> Conv2D.TYPE.parse("conv", List.of("8", "3", "stride"))).isInstanceOf(IllegalArgumentException.class);
        Conv2D c = (Conv2D) Conv2D.TYPE.create("c1", Conv2D.TYPE.parse("conv", List.of("3", "3", "stride", "2", "pad", "1")),
                new int[] {2, 5, 5});
        assertThat(c.name()).isEqualTo("c1");
        assertThat(c.type()).isEqualTo("conv2d");
        assertThat(c.filters()).isEqualTo(3);
        assertThat(c.outputShape(new int[] {2, 5, 5})).containsExactly(3, 3, 3);
        assertThat(c.config()).containsEntry("stride", List.of(2, 2)).containsEntry("padding", List.of(1, 1, 1, 1))
                .containsEntry("bias", true).containsEntry("filters", 3);
        assertThatThrownBy(() -> c.outputShape(new int[] {1, 5, 5})).isInstanceOf(ShapeException.class);
        // PyTorch's default: uniform within ±1/√fan_in, fan_in = C·kH·kW = 18, for weights and bias
        c.initialize(new Rng(3));
        double bound = 1 / Math.sqrt(18);
        for (float v : c.weight().value().data()) {
            assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
        }
        assertThat(c.bias().value().data()).doesNotContain(0f);
        for (float v : c.bias().value().data()) {
            assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
        }
        c.withInit(Initializers.constant(0.5f), null).initialize(new Rng(3));
        assertThat(c.weight().value().data()).containsOnly(0.5f);
        assertThat(c.bias().value().data()).doesNotContain(0.5f); // a null bias initializer keeps the default
        c.withInit(Initializers.constant(0.5f), Initializers.constant(2f)).initialize(new Rng(3));
        assertThat(c.bias().value().data()).containsOnly(2f);
        assertThat(c.geometry().sh).isEqualTo(2);
        assertThat(c.geometry().padTop).isEqualTo(1);
        // Xavier's bound √(6 / (fan_in + fan_out)), fan_out = O·kH·kW = 27: some weight comes near it
        c.withInit(Initializers.xavierUniform(), null).initialize(new Rng(5));
        double xavier = Math.sqrt(6.0 / (18 + 27)), largest = 0;
        for (float v : c.weight().value().data()) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest).isLessThanOrEqualTo(xavier).isGreaterThan(0.8 * xavier);
        new Conv2D("one", new int[] {1, 3, 3}, 1, new int[] {3, 3}, new int[] {1, 1}, new int[4], true); // one filter is fine
        Conv2D noBias = new Conv2D("n", new int[] {1, 3, 3}, 2, new int[] {3, 3}, new int[] {1, 1}, new int[4], false);
        assertThat(noBias.bias()).isNull();
        assertThat(noBias.parameters()).hasSize(1);
        noBias.initialize(new Rng(1));
    }

    @Test
    void convTrainingInferenceAndGradientAccumulation() {
        Conv2D c = new Conv2D("c", new int[] {1, 3, 3}, 2, new int[] {2, 2}, new int[] {1, 1}, new int[4], true);
        c.withInit(Initializers.constant(1f), Initializers.constant(0.5f)).initialize(new Rng(1));
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        assertThatThrownBy(() -> c.backward(Tensor.zeros(1, 2, 2, 2), true)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Conv2D(c): backward called before a training forward");
        Tensor e = c.forward(x, false);
        // each 2x2 window's sum plus 0.5: 12.5, 16.5, 24.5, 28.5 for both filters
        assertThat(e.data()).containsExactly(12.5f, 16.5f, 24.5f, 28.5f, 12.5f, 16.5f, 24.5f, 28.5f);
        Tensor t = c.forward(x, true);
        assertThat(t.data()).containsExactly(e.data());
        assertThat(c.forward(x, true)).isSameAs(t);
        assertThat(c.forward(x, false)).isNotSameAs(e);
        Tensor dy = Tensor.of(new float[] {1, 0, 0, 0, 0, 0, 0, 1}, 1, 2, 2, 2);
        c.weight().zeroGrad();
        c.bias().zeroGrad();
        Tensor dx = c.backward(dy, true);
        assertThat(dx.data()).containsExactly(1, 1, 0, 1, 2, 1, 0, 1, 1);
        assertThat(c.bias().grad().data()).containsExactly(1f, 1f);
        assertThat(c.weight().grad().data()).containsExactly(1, 2, 4, 5, 5, 6, 8, 9);
        assertThat(c.backward(dy, false)).isNull();
        assertThat(c.bias().grad().data()).containsExactly(2f, 2f); // added to
        assertThat(c.weight().grad().data()).containsExactly(2, 4, 8, 10, 10, 12, 16, 18);
        // only the bias marked zero: both still end up as the sum
        c.bias().zeroGrad();
        c.backward(dy, false);
        assertThat(c.bias().grad().data()).containsExactly(1f, 1f);
        assertThat(c.weight().grad().data()).containsExactly(3, 6, 12, 15, 15, 18, 24, 27);
        c.weight().zeroGrad();
        c.bias().zeroGrad();
        c.backward(dy, false);
        assertThat(c.weight().grad().data()).containsExactly(1, 2, 4, 5, 5, 6, 8, 9);
        assertThatThrownBy(() -> c.backward(Tensor.zeros(2, 2, 2, 2), true)).isInstanceOf(ShapeException.class)
                .hasMessage("Conv2D(c): gradient [2, 2, 2, 2] is not for the batch of 1 of the last forward");
        assertThatThrownBy(() -> c.backward(Tensor.zeros(1, 3, 2, 2), true)).isInstanceOf(ShapeException.class);
    }
}
