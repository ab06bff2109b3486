package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void matmulShapeErrorNamesOperationAndBothShapes() {
        Tensor a = Tensor.zeros(4, 3), b = Tensor.zeros(2, 16);
        assertThatThrownBy(() -> a.matmul(b)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("matmul").hasMessageContaining("[4, 3]").hasMessageContaining("[2, 16]");
    }

    @Test
    void ofRejectsWrongElementCount() {
        assertThatThrownBy(() -> Tensor.of(new float[5], 2, 3)).hasMessageContaining("[2, 3]").hasMessageContaining("5");
    }

    @Test
    void rowOperationsAndBiasBroadcast() {
        Tensor z = Tensor.matrix(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        Ops.addRowVectorInPlace(z, Tensor.of(new float[] {10, 20}, 1, 2));
        assertThat(z.data()).containsExactly(11, 22, 13, 24, 15, 26);
        Tensor s = Tensor.zeros(1, 2);
        Ops.sumRows(z, s, false);
        assertThat(s.data()).containsExactly(39, 72);
        Tensor g = z.gatherRows(new int[] {2, 0}, 0, 2);
        assertThat(g.data()).containsExactly(15, 26, 11, 22);
        assertThat(z.sliceRows(1, 2).data()).containsExactly(13, 24);
    }

    @Test
    void transposedProductsMatchExplicitTransposes() {
        // a (3,2), b (3,2): aᵀ@b is (2,2) and a@bᵀ is (3,3), checked by hand
        Tensor a = Tensor.matrix(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        Tensor b = Tensor.matrix(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        Tensor atb = Tensor.zeros(2, 2);
        Ops.matmulTransA(a, b, atb, false);
        assertThat(atb.data()).containsExactly(6, 8, 8, 10);
        Tensor abt = Tensor.zeros(3, 3);
        Ops.matmulTransB(a, b, abt);
        assertThat(abt.data()).containsExactly(1, 2, 3, 3, 4, 7, 5, 6, 11);
    }

    @Test
    void gatherRowsInPlaceCopiesTheIndexedRowsInOrder() {
        // src (3,2) rows [0,1] [2,3] [4,5]; index [2, 0, 1], rows 1..3 of it -> [0,1] [2,3]
        Tensor src = Tensor.matrix(new float[][] {{0, 1}, {2, 3}, {4, 5}});
        Tensor out = Tensor.zeros(2, 2);
        assertThat(out.gatherRowsInPlace(src, new int[] {2, 0, 1}, 1, 3).data()).containsExactly(0, 1, 2, 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> out.gatherRowsInPlace(src, new int[] {2, 0, 1}, 0, 3))
                .isInstanceOf(ShapeException.class).hasMessageContaining("3 rows of [3, 2] do not fit [2, 2]");
    }

    @Test
    void rowCopiesHonourAnOffsetIntoTheIndex() {
        Tensor src = Tensor.matrix(new float[][] {{0, 1}, {2, 3}, {4, 5}});
        assertThat(src.gatherRows(new int[] {0, 2, 1}, 1, 3).data()).containsExactly(4, 5, 2, 3);
        assertThat(src.gatherRows(new int[] {0, 2, 1}, 1, 3).shape()).containsExactly(2, 2);
        assertThat(src.sliceRows(1, 3).data()).containsExactly(2, 3, 4, 5);
        assertThat(src.sliceRows(3, 3).shape()).containsExactly(0, 2);
        assertThat(src.sliceRows(0, 0).size()).isZero();
        for (int[] bad : new int[][] {{-1, 2}, {0, 4}, {2, 1}}) {
            assertThatThrownBy(() -> src.sliceRows(bad[0], bad[1])).isInstanceOf(ShapeException.class)
                    .hasMessageContaining("rows [" + bad[0] + ", " + bad[1] + ") outside [3, 2]");
        }
    }

    @Test
    void elementWiseHelpers() {
        Tensor a = Tensor.matrix(new float[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.matrix(new float[][] {{10, 20}, {30, 40}});
        assertThat(a.add(b).data()).containsExactly(11, 22, 33, 44);
        assertThat(a.sub(b).data()).containsExactly(-9, -18, -27, -36);
        assertThat(a.data()).containsExactly(1, 2, 3, 4); // add and sub leave their operands alone
        assertThat(a.copy().addScaledInPlace(b, 0.5f).data()).containsExactly(6, 12, 18, 24);
        assertThat(a.copy().scaleInPlace(3f).data()).containsExactly(3, 6, 9, 12);
        Tensor c = Tensor.zeros(2, 2);
        assertThat(c.copyFromInPlace(b)).isSameAs(c);
        assertThat(c.data()).containsExactly(10, 20, 30, 40);
        assertThat(c.get(3)).isEqualTo(40f);
        assertThat(c.get(1, 0)).isEqualTo(30f);
        assertThatThrownBy(() -> c.copyFromInPlace(Tensor.zeros(1, 4))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("copyFrom: shapes differ, [2, 2] vs [1, 4]");
        assertThatThrownBy(() -> a.addScaledInPlace(Tensor.zeros(4, 1), 1f)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("addScaled");
        assertThat(a.sameShape(Tensor.zeros(2, 2))).isTrue();
        assertThat(a.sameShape(Tensor.zeros(1, 4))).isFalse();
        assertThat(a.allFinite()).isTrue();
        c.set(0, 1, Float.NaN);
        assertThat(c.allFinite()).isFalse();
        c.set(0, 1, Float.NEGATIVE_INFINITY);
        assertThat(c.allFinite()).isFalse();
        assertThat(Tensor.zeros(1, 2).toString()).startsWith("Tensor[1, 2] ");
    }

    @Test
    void shapeLimits() {
        assertThat(Tensor.zeros(0, 3).shape()).containsExactly(0, 3);
        assertThatThrownBy(() -> Tensor.zeros(-1, 3)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("negative dimension in shape [-1, 3]");
        Tensor one = Tensor.zeros(1);
        // the largest size one array holds passes the size check (and then fails the count check)
        assertThatThrownBy(() -> one.reshape(Integer.MAX_VALUE - 8)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("cannot view [1] as [" + (Integer.MAX_VALUE - 8) + "]");
        assertThatThrownBy(() -> one.reshape(Integer.MAX_VALUE - 7)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("too large for one array");
    }

    @Test
    void activationsThroughOpsWriteTheirOutput() {
        Tensor z = Tensor.matrix(new float[][] {{0, 0}, {0, (float) Math.log(3)}});
        Tensor a = Tensor.zeros(2, 2);
        Ops.sigmoid(z, a);
        assertThat(a.data()[0]).isEqualTo(0.5f);
        assertThat(a.data()[3]).isCloseTo(0.75f, org.assertj.core.data.Offset.offset(1e-6f));
        Ops.softmaxRows(z, a);
        assertThat(a.data()).containsExactly(new float[] {0.5f, 0.5f, 0.25f, 0.75f}, org.assertj.core.data.Offset.offset(1e-6f));
        Ops.tanh(z, a);
        assertThat(a.data()[0]).isZero();
        assertThat(a.data()[3]).isCloseTo(0.8f, org.assertj.core.data.Offset.offset(1e-6f));
    }
}
