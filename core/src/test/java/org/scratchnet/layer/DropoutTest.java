package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scratchnet.loss.Mse;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.GradientCheck;

class DropoutTest {
    private static Tensor ones(int n, int d) {
        return Tensor.zeros(n, d).fillInPlace(1f);
    }

    @Test
    void trainingKeepsAboutOneMinusPAndScalesByItsInverse() {
        Dropout drop = new Dropout("dropout1", 0.25f);
        drop.beginBatch(BatchContext.ordered(7, 1));
        Tensor a = drop.forward(ones(200, 50), true); // x (200, 50) of ones
        int kept = 0;
        for (float v : a.data()) {
            assertThat(v).isIn(0f, 1f / 0.75f);
            kept += v != 0 ? 1 : 0;
        }
        // 10,000 draws with p = 0.25: 7,500 expected, sd ≈ 43
        assertThat(kept).isBetween(7300, 7700);
    }

    @Test
    void predictPassesTheInputThrough() {
        Dropout drop = new Dropout("dropout1", 0.9f);
        Tensor x = Tensor.matrix(new float[][] {{1, -2, 3}});
        assertThat(drop.forward(x, false).data()).containsExactly(1, -2, 3);
    }

    @Test
    void maskDependsOnSeedStepAndRowPositionNotOnTheBatchSplit() {
        Dropout whole = new Dropout("d", 0.5f), part = new Dropout("d", 0.5f);
        int[] rows = {4, 9, 2, 7};
        whole.beginBatch(new BatchContext(3, 5, rows, 0));
        Tensor all = whole.forward(ones(4, 8), true).copy();
        // the same dataset rows 2 and 7, now as a batch of their own (another thread or machine)
        part.beginBatch(new BatchContext(3, 5, rows, 2));
        Tensor half = part.forward(ones(2, 8), true).copy();
        for (int j = 0; j < 8; j++) {
            assertThat(half.get(0, j)).isEqualTo(all.get(2, j));
            assertThat(half.get(1, j)).isEqualTo(all.get(3, j));
        }
        part.beginBatch(new BatchContext(3, 6, rows, 2)); // next step: a new mask
        Tensor next = part.forward(ones(2, 8), true);
        assertThat(next.data()).isNotEqualTo(half.data());
        part.beginBatch(new BatchContext(4, 5, rows, 2)); // other seed: a new mask
        assertThat(part.forward(ones(2, 8), true).data()).isNotEqualTo(all.sliceRows(2, 4).data());
    }

    @Test
    void backwardAppliesTheSameMask() {
        Dropout drop = new Dropout("d", 0.5f);
        drop.beginBatch(BatchContext.ordered(1, 1));
        Tensor a = drop.forward(ones(3, 4), true).copy();
        Tensor dX = drop.backward(Tensor.zeros(3, 4).fillInPlace(2f), true);
        for (int i = 0; i < a.size(); i++) {
            assertThat(dX.get(i)).isEqualTo(2 * a.get(i));
        }
        assertThat(drop.backward(Tensor.zeros(3, 4), false)).isNull();
        assertThatThrownBy(() -> drop.backward(Tensor.zeros(3, 5), true)).hasMessageContaining("[3, 5]");
    }

    @Test
    void gradientCheckWithAFixedMaskPasses() {
        Sequential net = Sequential.builder(4).dense(6).activation("tanh").dropout(0.5f).dense(2).build(3);
        Tensor x = Tensor.matrix(new double[][] {{0.5, -1, 0.25, 2}, {1, 0.3, -0.7, 0.1}, {-0.4, 0.9, 1.2, -1}});
        Tensor y = Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}});
        GradientCheck.Report r = new GradientCheck().check(net, new Mse(), x, y);
        r.assertPassed();
        assertThat(r.checked()).isGreaterThan(40);
    }

    @Test
    void rejectsRatesOutsideZeroToOne() {
        assertThatThrownBy(() -> new Dropout("d", 1f)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new Dropout("d", -0.1f)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new Dropout("d", Float.NaN)).hasMessageContaining("[0, 1)");
    }

    @Test
    void rateZeroIsIdentityInTraining() {
        Dropout drop = new Dropout("d", 0f);
        drop.beginBatch(BatchContext.ordered(1, 1));
        assertThat(drop.forward(ones(2, 3), true).data()).containsOnly(1f);
    }
}
