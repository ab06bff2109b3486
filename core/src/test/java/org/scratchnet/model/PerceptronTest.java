package org.scratchnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;

class PerceptronTest {
    private static int correct(Perceptron p, Dataset d) {
        int ok = 0;
        for (int i = 0; i < d.size(); i++) {
            float[] row = {d.x().get(i, 0), d.x().get(i, 1)};
            if (p.predict(row) == Math.round(d.y().get(i))) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void learnsAndAndOrAndStopsAtZeroErrors() {
        for (Dataset d : new Dataset[] {Datasets.and(), Datasets.or()}) {
            Perceptron p = new Perceptron(2, 0.1f);
            List<Integer> errors = new ArrayList<>();
            int epochs = p.train(d.x(), d.y(), 10, (e, err) -> errors.add(err));
            assertThat(errors.get(errors.size() - 1)).isZero();
            assertThat(epochs).isEqualTo(errors.size()).isLessThan(10);
            assertThat(correct(p, d)).isEqualTo(4);
        }
    }

    @Test
    void cannotLearnXor() {
        Perceptron p = new Perceptron(2, 0.1f);
        List<Integer> errors = new ArrayList<>();
        assertThat(p.train(Datasets.xor().x(), Datasets.xor().y(), 100, (e, err) -> errors.add(err))).isEqualTo(100);
        assertThat(errors).hasSize(100).doesNotContain(0);
        assertThat(correct(p, Datasets.xor())).isLessThan(4);
    }

    /**
     * Rosenblatt's rule on AND from zero weights, lr 0.1, rows in truth-table order, traced by
     * hand: step(0) = 1, so (0,0) fires first and the bias falls; the errors per epoch are 2, 3, 3, 0.
     */
    @Test
    void andFollowsTheRuleStepByStep() {
        Perceptron p = new Perceptron(2, 0.1f);
        assertThat(p.predict(new float[] {0, 0})).as("step(0) = 1").isEqualTo(1);
        List<Integer> errors = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        Dataset and = Datasets.and();
        assertThat(p.train(and.x(), and.y(), 10, (e, err) -> {
            epochs.add(e);
            errors.add(err);
        })).isEqualTo(4);
        assertThat(epochs).containsExactly(1, 2, 3, 4);
        assertThat(errors).containsExactly(2, 3, 3, 0);
        assertThat(p.weights()).containsExactly(0.2f, 0.1f);
        // the bias's updates in order: epoch 1 -, +; epoch 2 -, -, +; epoch 3 -, -, +
        assertThat(p.bias()).isEqualTo(-0.1f + 0.1f - 0.1f - 0.1f + 0.1f - 0.1f - 0.1f + 0.1f).isEqualTo(-0.20000002f);
        p.weights()[0] = 99f; // a copy
        assertThat(p.weights()[0]).isEqualTo(0.2f);
        // without a listener, and with too few epochs to converge: the epoch count is the limit
        Perceptron q = new Perceptron(2, 0.1f);
        assertThat(q.train(and.x(), and.y(), 2, null)).isEqualTo(2);
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Perceptron p = new Perceptron(2, 0.1f);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.predict(new float[3]))
                .hasMessage("Perceptron: input has 3 features, expects 2");
        Dataset and = Datasets.and();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.train(and.y(), and.y(), 1, null))
                .hasMessage("Perceptron.train: x [4, 1] and y [4, 1] (expected [N, 2] and [N, 1])");
    }
}
