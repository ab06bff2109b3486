package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tensor printing: one pair of brackets per axis, every axis cut to its first entries, "..." and the last. */
class FormatTest {
    private static Tensor counting(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data()[i] = i;
        }
        return t;
    }

    @Test
    void eachAxisGetsItsOwnBrackets() {
        assertThat(Format.values(counting(3), 6)).isEqualTo("[0.0000, 1.0000, 2.0000]");
        assertThat(Format.values(counting(2, 2), 6)).isEqualTo("[[0.0000, 1.0000], [2.0000, 3.0000]]");
        assertThat(Format.values(counting(2, 1, 3), 6))
                .isEqualTo("[[[0.0000, 1.0000, 2.0000]], [[3.0000, 4.0000, 5.0000]]]");
        assertThat(Format.values(counting(1, 2, 1, 2), 6))
                .isEqualTo("[[[[0.0000, 1.0000]], [[2.0000, 3.0000]]]]");
        assertThat(counting(2, 2).toString()).isEqualTo("Tensor[2, 2] [[0.0000, 1.0000], [2.0000, 3.0000]]");
    }

    @Test
    void longAxesShowTheirFirstEntriesAndTheLast() {
        assertThat(Format.values(counting(4), 3)).isEqualTo("[0.0000, 1.0000, 2.0000, 3.0000]");
        assertThat(Format.values(counting(5), 3)).isEqualTo("[0.0000, 1.0000, 2.0000, ..., 4.0000]");
        assertThat(Format.values(counting(5, 1), 2))
                .isEqualTo("[[0.0000], [1.0000], ..., [4.0000]]");
        // the cut applies on every axis, and the last block is the tensor's last block
        assertThat(Format.values(counting(4, 4, 4), 1)).isEqualTo(
                "[[[0.0000, ..., 3.0000], ..., [12.0000, ..., 15.0000]], ..., "
                        + "[[48.0000, ..., 51.0000], ..., [60.0000, ..., 63.0000]]]");
    }

    @Test
    void edgeShapes() {
        assertThat(Format.values(Tensor.of(new float[] {-2.5f}), 6)).isEqualTo("-2.5000");
        assertThat(Format.values(Tensor.zeros(0), 6)).isEqualTo("[]");
        assertThat(Format.values(Tensor.zeros(2, 0), 6)).isEqualTo("[[], []]");
        assertThat(Format.values(Tensor.zeros(0, 3), 6)).isEqualTo("[]");
        assertThat(Format.values(Tensor.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY}, 2), 6))
                .isEqualTo("[NaN, -Infinity]");
        assertThatThrownBy(() -> Format.values(counting(2), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPerAxis must be >= 1, got 0");
    }

    @Test
    void figuresSwitchToScientificNotationOutsideAThousandthToTenMillion() {
        assertThat(Format.figure(0.5020)).isEqualTo("0.5020");
        assertThat(Format.figure(0.001)).isEqualTo("0.0010");
        assertThat(Format.figure(0.00099999)).isEqualTo("9.9999e-04");
        assertThat(Format.figure(-5e-5)).isEqualTo("-5.0000e-05");
        assertThat(Format.figure(9_999_999.0)).isEqualTo("9999999.0000");
        assertThat(Format.figure(1e7)).isEqualTo("1.0000e+07");
        assertThat(Format.figure(-2.9289e47)).isEqualTo("-2.9289e+47");
        assertThat(Format.figure(0.0)).isEqualTo("0.0000");
        assertThat(Format.figure(-0.0)).isEqualTo("-0.0000");
        assertThat(Format.figure(Double.NaN)).isEqualTo("NaN");
        assertThat(Format.figure(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Format.figure(Float.MIN_VALUE)).isEqualTo("1.4013e-45");
    }
}
