package org.scratchnet.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/** Loss values and gradients against hand-computed numbers. */
class LossTest {
    private static Tensor col(float... v) {
        return Tensor.of(v, v.length, 1);
    }

    @Test
    void squaredErrorsByHand() {
        Tensor p = col(1, 3), y = col(0, 1); // errors 1 and 2
        Tensor g = Tensor.zeros(2, 1);
        assertThat(new Mse().compute(p, y, g)).isCloseTo(2.5, offset(1e-9)); // (1+4)/2
        assertThat(g.data()).containsExactly(1f, 2f); // 2*d/2
        assertThat(new Sse().compute(p, y, g)).isCloseTo(5.0, offset(1e-9));
        assertThat(g.data()).containsExactly(2f, 4f);
        assertThat(new HalfSquaredError().compute(p, y, g)).isCloseTo(1.25, offset(1e-9)); // (0.5+2)/2
        assertThat(g.data()).containsExactly(0.5f, 1f);
        assertThat(new Huber().compute(p, y, g)).isCloseTo((0.5 + 1.5) / 2, offset(1e-9)); // 0.5·1², 1·(2−0.5)
        assertThat(g.data()).containsExactly(0.5f, 0.5f);
    }

    @Test
    void binaryCrossEntropyByHandAndClamped() {
        Tensor g = Tensor.zeros(2, 1);
        double v = new BinaryCrossEntropy().compute(col(0.8f, 0.4f), col(1, 0), g);
        assertThat(v).isCloseTo(-(Math.log(0.8f) + Math.log(1 - 0.4f)) / 2, offset(1e-6));
        assertThat(g.data()[0]).isCloseTo((float) ((0.8f - 1) / (0.8f * 0.2f) / 2), offset(1e-5f));
        // exact 0 and 1 predictions: PyTorch clamps each log at -100, so the value is 100, not NaN/inf
        double worst = new BinaryCrossEntropy().compute(col(0f, 1f), col(1, 0), g);
        assertThat(worst).isCloseTo(100.0, offset(1e-9));
        assertThat(g.allFinite()).isTrue();
        // a float32 probability one ulp below 1 must not produce NaN either
        assertThat(new BinaryCrossEntropy().value(col(Math.nextDown(1f)), col(0))).isFinite();
    }

    @Test
    void logitLossesAreStableForHugeLogits() {
        Tensor z = col(1e4f, -1e4f, 0f);
        Tensor y = col(0, 1, 1);
        Tensor g = Tensor.zeros(3, 1);
        double v = new BceWithLogits().compute(z, y, g);
        assertThat(v).isCloseTo((1e4 + 1e4 + Math.log(2)) / 3, offset(1e-3));
        assertThat(g.data()).containsExactly(1f / 3, -1f / 3, -0.5f / 3);

        Tensor logits = Tensor.matrix(new float[][] {{1e4f, 0, -1e4f}, {1, 2, 3}});
        Tensor onehot = Tensor.matrix(new float[][] {{0, 1, 0}, {0, 0, 1}});
        Tensor g2 = Tensor.zeros(2, 3);
        double ce = new SoftmaxCrossEntropy().compute(logits, onehot, g2);
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertThat(ce).isCloseTo((1e4 + (lse - 3)) / 2, offset(1e-3));
        assertThat(g2.allFinite()).isTrue();
        // (softmax - y)/N for the second row
        assertThat(g2.get(1, 2)).isCloseTo((float) ((Math.exp(3 - lse) - 1) / 2), offset(1e-6f));
        assertThat(g2.get(0, 0)).isCloseTo(0.5f, offset(1e-6f));
    }

    @Test
    void categoricalCrossEntropyOnProbabilities() {
        Tensor p = Tensor.matrix(new float[][] {{0.7f, 0.2f, 0.1f}});
        Tensor y = Tensor.matrix(new float[][] {{1, 0, 0}});
        Tensor g = Tensor.zeros(1, 3);
        assertThat(new CategoricalCrossEntropy().compute(p, y, g)).isCloseTo(-Math.log(0.7f), offset(1e-6));
        assertThat(g.get(0, 0)).isCloseTo(-1 / 0.7f, offset(1e-5f));
        assertThat(new CategoricalCrossEntropy().value(Tensor.matrix(new float[][] {{0, 1}}), Tensor.matrix(new float[][] {{1, 0}})))
                .isCloseTo(100.0, offset(1e-9));
    }

    @Test
    void shapeMismatchNamesLossAndShapes() {
        assertThatThrownBy(() -> new Mse().value(Tensor.zeros(4, 1), Tensor.zeros(4, 3)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("mse").hasMessageContaining("[4, 1]")
                .hasMessageContaining("[4, 3]");
        assertThatThrownBy(() -> Losses.byName("nope")).hasMessageContaining("unknown loss 'nope'");
    }
}
