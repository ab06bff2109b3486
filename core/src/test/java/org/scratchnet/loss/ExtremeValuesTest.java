package org.scratchnet.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.scratchnet.activation.Sigmoid;
import org.scratchnet.activation.Softmax;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Tensor;

/**
 * Values and gradients stay finite (and right) for logits of ±1e4, where naive exp() overflows
 * and float32 probabilities round to exactly 0 or 1.
 */
class ExtremeValuesTest {
    private static Tensor col(float... v) {
        return Tensor.of(v.clone(), v.length, 1);
    }

    /** Element-wise within 1e-6 (so -0 equals 0 and float rounding of thirds is allowed). */
    private static void assertClose(float[] actual, float... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], offset(1e-6f));
        }
    }

    private static Tensor ones(Tensor like) {
        Tensor t = Tensor.zeros(like.shape());
        java.util.Arrays.fill(t.data(), 1f);
        return t;
    }

    @Test
    void sigmoidValuesAndGradientsAtHugeLogits() {
        Tensor z = col(1e4f, -1e4f, 100f, -100f, 0f);
        Tensor a = Tensor.zeros(5, 1);
        new Sigmoid().forward(z, a);
        assertThat(a.data()).containsExactly(1f, 0f, 1f, (float) (1 / (1 + Math.exp(100))), 0.5f);
        Tensor dZ = Tensor.zeros(5, 1);
        new Sigmoid().backward(z, a, ones(a), dZ); // dZ = a(1 - a)
        assertThat(dZ.allFinite()).isTrue();
        assertThat(dZ.data()[0]).isZero();
        assertThat(dZ.data()[1]).isZero();
        assertThat(dZ.data()[4]).isEqualTo(0.25f);
    }

    @Test
    void softmaxValuesAndGradientsAtHugeLogits() {
        Tensor z = Tensor.matrix(new float[][] {{1e4f, 0, -1e4f}, {-1e4f, -1e4f, -1e4f}, {1e4f, 1e4f, 0}, {1e4f, -1e4f, 1e4f}});
        Tensor a = Tensor.zeros(4, 3);
        new Softmax().forward(z, a);
        assertThat(a.toArray2d()).isEqualTo(new float[][] {{1, 0, 0}, {1 / 3f, 1 / 3f, 1 / 3f}, {0.5f, 0.5f, 0}, {0.5f, 0, 0.5f}});
        // dZ = a ⊙ (dA - Σ dA·a); with dA = e_0 on row 0, where a = e_0, dZ is 0 exactly
        Tensor dA = Tensor.zeros(4, 3);
        dA.data()[0] = 1f;
        dA.data()[3] = 1f;
        Tensor dZ = Tensor.zeros(4, 3);
        new Softmax().backward(z, a, dA, dZ);
        assertThat(dZ.allFinite()).isTrue();
        assertClose(dZ.toArray2d()[0], 0f, 0f, 0f);
        assertClose(dZ.toArray2d()[1], 2 / 9f, -1 / 9f, -1 / 9f);
    }

    @Test
    void bceOnSaturatedSigmoidIsClampedAndItsChainedGradientFinite() {
        Tensor z = col(1e4f, -1e4f, 1e4f, -1e4f);
        Tensor y = col(0, 1, 1, 0);
        Tensor p = Tensor.zeros(4, 1);
        new Sigmoid().forward(z, p); // exactly 1, 0, 1, 0 in float32
        Tensor g = Tensor.zeros(4, 1);
        double v = new BinaryCrossEntropy().compute(p, y, g);
        assertThat(v).isCloseTo((100 + 100 + 0 + 0) / 4.0, offset(1e-9)); // each log clamped at -100
        assertThat(g.allFinite()).isTrue();
        Tensor dZ = Tensor.zeros(4, 1);
        new Sigmoid().backward(z, p, g, dZ);
        // the gradient vanishes through a saturated sigmoid: why bce_logits exists
        assertClose(dZ.data(), 0f, 0f, 0f, 0f);
    }

    @Test
    void bceWithLogitsExactAtHugeLogits() {
        Tensor z = col(1e4f, -1e4f, 1e4f, -1e4f);
        Tensor y = col(0, 1, 1, 0);
        Tensor g = Tensor.zeros(4, 1);
        double v = new BceWithLogits().compute(z, y, g);
        assertThat(v).isCloseTo((1e4 + 1e4) / 4, offset(1e-6)); // log(1 + e^1e4) = 1e4 for the wrong ones
        assertThat(g.data()).containsExactly(0.25f, -0.25f, 0f, 0f); // (σ(z) - y) / n
    }

    @Test
    void softmaxCrossEntropyAndCceAtHugeLogits() {
        Tensor z = Tensor.matrix(new float[][] {{-1e4f, -1e4f, -1e4f}, {1e4f, -1e4f, 0}});
        Tensor y = Tensor.matrix(new float[][] {{1, 0, 0}, {0, 1, 0}});
        Tensor g = Tensor.zeros(2, 3);
        double v = new SoftmaxCrossEntropy().compute(z, y, g);
        assertThat(v).isCloseTo((Math.log(3) + 2e4) / 2, offset(1e-3));
        assertClose(g.toArray2d()[0], (1 / 3f - 1) / 2, 1 / 6f, 1 / 6f);
        assertClose(g.toArray2d()[1], 0.5f, -0.5f, 0f);
        // the same through softmax + cce on probabilities: clamped, finite gradient
        Tensor p = Tensor.zeros(2, 3);
        new Softmax().forward(z, p);
        Tensor gp = Tensor.zeros(2, 3);
        assertThat(new CategoricalCrossEntropy().compute(p, y, gp)).isCloseTo((Math.log(3) + 100) / 2, offset(1e-5));
        assertThat(gp.allFinite()).isTrue();
        Tensor dZ = Tensor.zeros(2, 3);
        new Softmax().backward(z, p, gp, dZ);
        assertThat(dZ.allFinite()).isTrue();
    }

    @Test
    void float32BceIsNeverNaN() {
        // every awkward float32 probability, plus 20 000 random bit patterns in [0, 1]
        float[] edge = {0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-38f, 1e-12f, 1e-8f, 6e-8f, 0.5f, Math.nextDown(1f),
            1f - 1e-7f, 1f};
        Rng rng = new Rng(5);
        float[] p = new float[edge.length + 20_000];
        System.arraycopy(edge, 0, p, 0, edge.length);
        for (int i = edge.length; i < p.length; i++) {
            p[i] = Float.intBitsToFloat(rng.nextInt(0x3f800001)); // bit patterns 0 .. 1.0f
        }
        for (float target : new float[] {0f, 1f, 0.5f, 0.1f}) {
            Tensor y = Tensor.zeros(p.length, 1);
            java.util.Arrays.fill(y.data(), target);
            Tensor g = Tensor.zeros(p.length, 1);
            BinaryCrossEntropy bce = new BinaryCrossEntropy();
            double v = bce.compute(Tensor.of(p.clone(), p.length, 1), y, g);
            assertThat(v).as("mean BCE, y = %s", target).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(g.allFinite()).as("BCE gradient, y = %s", target).isTrue();
            for (float pi : p) { // and each element alone
                double one = bce.value(col(pi), col(target));
                assertThat(Double.isFinite(one) && one >= 0).as("BCE(p = %s, y = %s) = %s", pi, target, one).isTrue();
            }
        }
    }
}
