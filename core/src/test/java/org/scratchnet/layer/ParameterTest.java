package org.scratchnet.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.Tensor;

/** Lazy gradient zeroing: readers see zeros, writers learn they must overwrite. */
class ParameterTest {
    @Test
    void zeroGradIsLazyButReadersSeeZeros() {
        Parameter p = new Parameter("w", Tensor.zeros(2, 2));
        p.gradForOverwrite().fillInPlace(3f);
        assertThat(p.gradIsZero()).isFalse();
        p.zeroGrad();
        assertThat(p.gradIsZero()).isTrue();
        assertThat(p.grad().data()).containsOnly(0f);
        assertThat(p.gradIsZero()).isFalse();
    }

    @Test
    void denseBackwardOverwritesAGradientMarkedZero() {
        // x (1,2) = [1, 2], dZ (1,1) = [1]: dW = xᵀ dZ = [1, 2]ᵀ, dB = 1, whatever was there before
        Dense d = new Dense("d", 2, 1, true);
        d.weight().gradForOverwrite().fillInPlace(100f);
        d.bias().gradForOverwrite().fillInPlace(100f);
        d.weight().zeroGrad();
        d.bias().zeroGrad();
        d.forward(Tensor.matrix(new float[][] {{1, 2}}), true);
        d.backward(Tensor.matrix(new float[][] {{1}}), false);
        assertThat(d.weight().grad().data()).containsExactly(1f, 2f);
        assertThat(d.bias().grad().data()).containsExactly(1f);
        // without zeroing, a second backward accumulates
        d.backward(Tensor.matrix(new float[][] {{1}}), false);
        assertThat(d.weight().grad().data()).containsExactly(2f, 4f);
    }
}
