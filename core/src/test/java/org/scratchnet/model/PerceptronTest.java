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
        p.train(Datasets.xor().x(), Datasets.xor().y(), 100, (e, err) -> errors.add(err));
        assertThat(errors).hasSize(100).doesNotContain(0);
        assertThat(correct(p, Datasets.xor())).isLessThan(4);
    }
}
