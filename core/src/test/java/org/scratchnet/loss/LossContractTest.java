package org.scratchnet.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/** What every loss promises: its name, its shape checks, which ones take logits; Huber's δ. */
class LossContractTest {
    @Test
    void everyLossIsFoundAgainUnderTheNameItGives() {
        for (String name : Losses.NAMES) {
            Loss loss = Losses.byName(name);
            assertThat(loss.name()).as(name).isEqualTo(name);
        }
    }

    @Test
    void onlyTheLossesThatApplySigmoidOrSoftmaxThemselvesTakeLogits() {
        List<String> logits = new ArrayList<>();
        for (String name : Losses.NAMES) {
            if (Losses.byName(name).takesLogits()) {
                logits.add(name);
            }
        }
        assertThat(logits).containsExactlyInAnyOrder("bce_logits", "softmax_ce");
    }

    @Test
    void everyLossRefusesATargetOrGradientOfAnotherShape() {
        Tensor pred = Tensor.of(new float[] {0.2f, 0.3f, 0.5f, 0.1f, 0.6f, 0.3f}, 2, 3);
        for (String name : Losses.NAMES) {
            Loss loss = Losses.byName(name);
            assertThatThrownBy(() -> loss.compute(pred, Tensor.zeros(2, 2), null)).as(name)
                    .isInstanceOf(ShapeException.class)
                    .hasMessage(name + " loss: prediction [2, 3] and target [2, 2] must have the same shape");
            assertThatThrownBy(() -> loss.compute(pred, Tensor.zeros(2, 3), Tensor.zeros(3, 2))).as(name)
                    .isInstanceOf(ShapeException.class)
                    .hasMessage(name + " loss: gradient buffer [3, 2] must match prediction [2, 3]");
        }
    }

    @Test
    void huberBeyondDeltaGrowsLinearlyWithSlopeDelta() {
        Huber h = new Huber(2f);
        Tensor p = Tensor.of(new float[] {3f, -3f, 1.5f, 0f}, 4, 1);
        Tensor y = Tensor.zeros(4, 1);
        Tensor g = Tensor.zeros(4, 1);
        // 2·(3 − 1) twice, ½·1.5², 0
        assertThat(h.compute(p, y, g)).isCloseTo((4 + 4 + 1.125) / 4, offset(1e-9));
        assertThat(g.data()).containsExactly(0.5f, -0.5f, 0.375f, 0f);
    }

    @Test
    void huberNeedsAPositiveDelta() {
        for (float bad : new float[] {0f, -1f, Float.NaN}) {
            assertThatThrownBy(() -> new Huber(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("huber: delta must be > 0");
        }
        assertThat(new Huber(Float.MIN_VALUE).value(Tensor.zeros(1, 1), Tensor.zeros(1, 1))).isZero();
    }

    @Test
    void softmaxCrossEntropyGradientIsExactForTargetsThatDoNotSumToOne() {
        // two rows, targets summing to 2 and to 0.5: the gradient is p·Σy − y, checked by central differences
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        float[] z = {0.3f, -1.2f, 0.8f, 1.5f, 0.1f, -0.4f};
        Tensor y = Tensor.of(new float[] {1f, 1f, 0f, 0f, 0.25f, 0.25f}, 2, 3);
        Tensor g = Tensor.zeros(2, 3);
        ce.compute(Tensor.of(z.clone(), 2, 3), y, g);
        double h = 1e-3;
        for (int i = 0; i < z.length; i++) {
            float[] up = z.clone(), down = z.clone();
            up[i] += (float) h;
            down[i] -= (float) h;
            double numeric = (ce.value(Tensor.of(up, 2, 3), y) - ce.value(Tensor.of(down, 2, 3), y)) / (2 * h);
            assertThat((double) g.data()[i]).as("dL/dz[%d]", i).isCloseTo(numeric, offset(2e-4));
        }
    }
}
