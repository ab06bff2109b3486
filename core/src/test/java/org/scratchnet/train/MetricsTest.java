package org.scratchnet.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.Tensor;

class MetricsTest {
    private static Tensor column(float... v) {
        return Tensor.of(v, v.length, 1);
    }

    @Test
    void oneColumnProbabilitiesAreCutAtOneHalfAndTargetsAboveOneHalf() {
        // predictions on both sides of 0.5 and exactly at it (not above, so class 0)
        Tensor p = column(0.51f, 0.5f, 0.49f, 0.9f, 0.1f);
        Tensor y = column(1f, 0f, 0f, 0f, 1f);
        assertThat(Metrics.correct(p, y, false)).isEqualTo(3);
        assertThat(Metrics.accuracy(p, y, false)).isEqualTo(0.6);
    }

    @Test
    void oneColumnTargetsExactlyOneHalfCountAsClassZero() {
        Tensor p = column(0.2f, 0.7f);
        Tensor y = column(0.5f, 0.5f);
        assertThat(Metrics.correct(p, y, false)).isEqualTo(1);
    }

    @Test
    void oneColumnLogitsAreCutAtZero() {
        Tensor p = column(0.1f, 0f, -0.1f, 0.3f);
        Tensor y = column(1f, 0f, 0f, 1f);
        // as logits: 0.1 -> 1, 0 -> 0, -0.1 -> 0, 0.3 -> 1
        assertThat(Metrics.correct(p, y, true)).isEqualTo(4);
        // the same numbers read as probabilities are all below 0.5
        assertThat(Metrics.correct(p, y, false)).isEqualTo(2);
    }

    @Test
    void severalColumnsCompareTheArgmaxOfEachRow() {
        Tensor p = Tensor.of(new float[] {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f, 0.3f, 0.3f, 0.4f}, 3, 3);
        Tensor y = Tensor.of(new float[] {0, 1, 0, 0, 1, 0, 0, 0, 1}, 3, 3);
        assertThat(Metrics.correct(p, y, true)).isEqualTo(2);
        assertThat(Metrics.accuracy(p, y, true)).isEqualTo(2.0 / 3);
    }

    @Test
    void accuracyOfNoRowsIsNaN() {
        assertThat(Metrics.accuracy(Tensor.zeros(0, 3), Tensor.zeros(0, 3), false)).isNaN();
    }

    @Test
    void argmaxTakesTheFirstOfTiesAndReadsFromTheOffset() {
        float[] v = {9f, 1f, 3f, 3f, 2f};
        assertThat(Metrics.argmax(v, 1, 4)).isEqualTo(1);
        assertThat(Metrics.argmax(v, 0, 5)).isZero();
        assertThat(Metrics.argmax(new float[] {1f, 5f, 5f}, 0, 3)).isEqualTo(1);
        assertThat(Metrics.argmax(new float[] {-3f, -1f, -2f}, 0, 3)).isEqualTo(1);
        assertThat(Metrics.argmax(new float[] {4f}, 0, 1)).isZero();
    }

    @Test
    void classificationTargetsAreZerosAndOnesOnly() {
        assertThat(Metrics.isClassificationTarget(column(0f, 1f, 1f))).isTrue();
        assertThat(Metrics.isClassificationTarget(column(0f, 0.5f))).isFalse();
        assertThat(Metrics.isClassificationTarget(column(1f, 2f))).isFalse();
        assertThat(Metrics.isClassificationTarget(column(-1f))).isFalse();
    }
}
