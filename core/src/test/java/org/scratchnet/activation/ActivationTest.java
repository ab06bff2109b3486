package org.scratchnet.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.scratchnet.tensor.Tensor;

class ActivationTest {
    private static Tensor apply(Activation f, float... z) {
        Tensor in = Tensor.of(z.clone(), 1, z.length), out = Tensor.zeros(1, z.length);
        f.forward(in, out);
        return out;
    }

    @Test
    void valuesByHand() {
        assertThat(apply(new Relu(), -2, 0, 3).data()).containsExactly(0, 0, 3);
        assertThat(apply(new LeakyRelu(), -2, 3).data()).containsExactly(-0.02f, 3);
        assertThat(apply(new Step(), -0.1f, 0, 2).data()).containsExactly(0, 1, 1);
        assertThat(apply(new Identity(), -2, 5).data()).containsExactly(-2, 5);
        Tensor s = apply(new Sigmoid(), 0, 2, -2);
        assertThat(s.get(0)).isEqualTo(0.5f);
        assertThat(s.get(1)).isCloseTo((float) (1 / (1 + Math.exp(-2))), offset(1e-6f));
        assertThat(s.get(1) + s.get(2)).isCloseTo(1f, offset(1e-6f));
        assertThat(apply(new Tanh(), 0.5f).get(0)).isCloseTo((float) Math.tanh(0.5), offset(1e-6f));
    }

    @Test
    void sigmoidAndSoftmaxStayFiniteForHugeInputs() {
        Tensor s = apply(new Sigmoid(), 1e4f, -1e4f, 100f, -100f, 88.8f, -88.8f, 1e4f, -1e4f,
                1e4f, -1e4f, 1e4f, -1e4f, 1e4f, -1e4f, 1e4f, -1e4f, 1e4f);
        assertThat(s.allFinite()).isTrue();
        assertThat(s.get(0)).isEqualTo(1f);
        assertThat(s.get(1)).isEqualTo(0f);
        Tensor p = apply(new Softmax(), 1e4f, 0f, -1e4f);
        assertThat(p.data()).containsExactly(1f, 0f, 0f);
    }

    @Test
    void softmaxRowsSumToOneAndMatchHandValues() {
        Tensor z = Tensor.matrix(new float[][] {{1, 2, 3}, {0, 0, 0}});
        Tensor a = Tensor.zeros(2, 3);
        new Softmax().forward(z, a);
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertThat(a.get(0, 2)).isCloseTo((float) (Math.exp(3) / e), offset(1e-6f));
        assertThat(a.get(1, 1)).isCloseTo(1f / 3, offset(1e-6f));
    }

    @Test
    void derivativesFromOutputs() {
        Tensor z = Tensor.of(new float[] {0f}, 1, 1);
        Tensor a = Tensor.zeros(1, 1);
        Tensor ones = Tensor.of(new float[] {1f}, 1, 1);
        Tensor dz = Tensor.zeros(1, 1);
        new Sigmoid().forward(z, a);
        new Sigmoid().backward(z, a, ones, dz);
        assertThat(dz.get(0)).isEqualTo(0.25f); // s(1-s) at 0
        new Tanh().forward(z, a);
        new Tanh().backward(z, a, ones, dz);
        assertThat(dz.get(0)).isEqualTo(1f); // 1 - tanh²(0)
        new Relu().backward(z, a, ones, dz);
        assertThat(dz.get(0)).isEqualTo(0f); // PyTorch: relu'(0) = 0
    }
}
