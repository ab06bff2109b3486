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
}
