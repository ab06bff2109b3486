package org.scratchnet.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.Tensor;

class OptimizerTest {
    private static Parameter param(float w, float g) {
        Parameter p = new Parameter("p", Tensor.of(new float[] {w}, 1, 1));
        p.grad().data()[0] = g;
        return p;
    }

    @Test
    void sgdPlainMomentumAndWeightDecayByHand() {
        Parameter p = param(1f, 0.5f);
        new Sgd(0.1f).step(List.of(p));
        assertThat(p.value().get(0)).isCloseTo(0.95f, offset(1e-7f));

        Parameter q = param(1f, 1f);
        Sgd m = new Sgd(0.1f, 0.9f, 0f);
        m.step(List.of(q)); // v = 1, w = 0.9
        m.step(List.of(q)); // v = 0.9 + 1 = 1.9, w = 0.9 - 0.19 = 0.71
        assertThat(q.value().get(0)).isCloseTo(0.71f, offset(1e-6f));

        Parameter r = param(2f, 0f);
        new Sgd(0.1f, 0f, 0.5f).step(List.of(r)); // g = 0 + 0.5·2 = 1
        assertThat(r.value().get(0)).isCloseTo(1.9f, offset(1e-6f));
    }

    @Test
    void adamFirstStepIsLearningRateTimesSignAndSecondStepByHand() {
        Parameter p = param(1f, 0.3f);
        Adam adam = new Adam(0.01f);
        adam.step(List.of(p));
        // bias-corrected m̂ = g, v̂ = g², so the step is lr·g/(|g|+ε) ≈ lr
        assertThat(p.value().get(0)).isCloseTo(0.99f, offset(1e-6f));
        p.grad().data()[0] = -0.1f;
        adam.step(List.of(p));
        double m = 0.9 * (0.1 * 0.3) + 0.1 * -0.1;
        double v = 0.999 * (0.001 * 0.09) + 0.001 * 0.01;
        double mh = m / (1 - 0.81), vh = v / (1 - 0.999 * 0.999);
        assertThat(p.value().get(0)).isCloseTo((float) (0.99 - 0.01 * mh / (Math.sqrt(vh) + 1e-8)), offset(1e-6f));
        assertThat(adam.steps()).isEqualTo(2);
    }

    @Test
    void gradientClippingScalesToMaxNorm() {
        Parameter a = param(0f, 3f), b = param(0f, 4f); // global norm 5
        new Sgd(1f).clipGradNorm(1f).step(List.of(a, b));
        assertThat(a.value().get(0)).isCloseTo(-0.6f, offset(1e-5f));
        assertThat(b.value().get(0)).isCloseTo(-0.8f, offset(1e-5f));
    }

    @Test
    void rejectsNonPositiveLearningRate() {
        assertThatThrownBy(() -> new Sgd(0f)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new Adam(-1f)).hasMessageContaining("learning rate");
    }
}
