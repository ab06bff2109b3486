package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every element-wise operation refuses operands of different shapes before writing anything. */
class OpsShapeTest {
    private static final Tensor A = Tensor.of(new float[] {1, -2, 3, -4, 5, -6}, 2, 3);

    private static void refused(String message, Tensor out, Executable call) {
        float[] before = out.data().clone();
        assertThatThrownBy(call::execute).isInstanceOf(ShapeException.class).hasMessage(message);
        assertThat(out.data()).as("written before the error").containsExactly(before);
    }

    @Test
    void activationsRefuseAnOutputOfAnotherShape() {
        Tensor wrong = Tensor.of(new float[] {7, 7, 7, 7, 7, 7}, 3, 2);
        refused("relu: shapes differ, [2, 3] vs [3, 2]", wrong, () -> Ops.relu(A, wrong));
        refused("sigmoid: shapes differ, [2, 3] vs [3, 2]", wrong, () -> Ops.sigmoid(A, wrong));
        refused("tanh: shapes differ, [2, 3] vs [3, 2]", wrong, () -> Ops.tanh(A, wrong));
        refused("softmax: shapes differ, [2, 3] vs [3, 2]", wrong, () -> Ops.softmaxRows(A, wrong));
    }

    @Test
    void reluBackwardChecksTheIncomingAndTheOutgoingGradient() {
        Tensor right = Tensor.zeros(2, 3);
        Tensor wrong = Tensor.of(new float[] {7, 7, 7, 7, 7, 7}, 6);
        refused("relu backward: shapes differ, [2, 3] vs [6]", right, () -> Ops.reluBackward(A, wrong, right));
        refused("relu backward: shapes differ, [2, 3] vs [6]", wrong, () -> Ops.reluBackward(A, A, wrong));
        Ops.reluBackward(A, A, right);
        assertThat(right.data()).containsExactly(1, 0, 3, 0, 5, 0);
    }

    @Test
    void multiplyChecksBothOperandsAndTheOutput() {
        Tensor out = Tensor.zeros(2, 3);
        Tensor wrong = Tensor.of(new float[] {7, 7, 7, 7, 7, 7}, 1, 6);
        refused("multiply: shapes differ, [2, 3] vs [1, 6]", out, () -> Ops.multiply(A, wrong, out));
        refused("multiply: shapes differ, [2, 3] vs [1, 6]", wrong, () -> Ops.multiply(A, A, wrong));
        Ops.multiply(A, A, out);
        assertThat(out.data()).containsExactly(1, 4, 9, 16, 25, 36);
    }
}
