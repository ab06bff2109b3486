package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Byte-backed datasets against the same values held as floats: 4 rows of 2x3 bytes, table b -> b/10. */
class ByteRowsTest {
    private static final float[] TABLE = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            TABLE[b] = b / 10f;
        }
    }

    /** Row r holds bytes 10r + j (j = 0..5), the last row 250..255 to cover the unsigned range. */
    private static byte[] bytes() {
        byte[] v = new byte[24];
        for (int r = 0; r < 4; r++) {
            for (int j = 0; j < 6; j++) {
                v[r * 6 + j] = (byte) (r == 3 ? 250 + j : 10 * r + j);
            }
        }
        return v;
    }

    private static Dataset compact() {
        Tensor y = Tensor.of(new float[] {1, 0, 0, 1, 1, 0, 0, 1}, 4, 2);
        return Dataset.compact(new ByteRows(bytes(), 4, new int[] {1, 2, 3}, TABLE), y, List.of("a", "b"));
    }

    private static Dataset floats() {
        byte[] b = bytes();
        float[] x = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            x[i] = TABLE[b[i] & 0xFF];
        }
        return new Dataset(Tensor.of(x, 4, 1, 2, 3), compact().y(), List.of("a", "b"));
    }

    @Test
    void shapesAndValuesMatchTheFloatDataset() {
        Dataset c = compact(), f = floats();
        assertThat(c.isCompact()).isTrue();
        assertThat(f.isCompact()).isFalse();
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.features()).isEqualTo(6);
        assertThat(c.sampleShape()).containsExactly(1, 2, 3);
        assertThat(c.xShapeString()).isEqualTo("[4, 1, 2, 3]");
        assertThat(c.x().shape()).containsExactly(4, 1, 2, 3);
        assertThat(c.x().data()).containsExactly(f.x().data());
        assertThat(c.x().get(3, 5)).isEqualTo(25.5f); // byte 255 read unsigned
        assertThat(c.sliceX(1, 3).data()).containsExactly(f.sliceX(1, 3).data());
        assertThat(c.sliceX(1, 3).shape()).containsExactly(2, 1, 2, 3);
    }

    @Test
    void gatherSliceSelectAndReshapeAgreeWithFloats() {
        Dataset c = compact(), f = floats();
        int[] order = {3, 0, 2, 1};
        Tensor a = c.gatherX(Tensor.zeros(2, 1, 2, 3), order, 1, 3), b = f.gatherX(Tensor.zeros(2, 1, 2, 3), order, 1, 3);
        assertThat(a.data()).containsExactly(b.data());
        assertThat(a.get(0, 0)).isEqualTo(0f); // row 0 comes second in order
        assertThat(c.gatherX(Tensor.zeros(2, 6), null, 2, 4).data()).containsExactly(f.sliceX(2, 4).data());
        assertThat(f.gatherX(Tensor.zeros(2, 6), null, 2, 4).data()).containsExactly(f.sliceX(2, 4).data());
        assertThat(c.slice(1, 3).x().data()).containsExactly(f.slice(1, 3).x().data());
        assertThat(c.slice(1, 3).y().data()).containsExactly(f.slice(1, 3).y().data());
        assertThat(c.select(new int[] {2, 2, 0}).x().data()).containsExactly(f.select(new int[] {2, 2, 0}).x().data());
        assertThat(c.select(new int[] {2, 0}).isCompact()).isTrue();
        Dataset flat = c.withSampleShape(6);
        assertThat(flat.isCompact()).isTrue();
        assertThat(flat.xShape()).containsExactly(4, 6);
        assertThat(f.withSampleShape(6).xShape()).containsExactly(4, 6);
        assertThat(flat.x().data()).containsExactly(f.x().data());
        Dataset[] parts = c.split(0.25, 7), fparts = f.split(0.25, 7);
        assertThat(parts[1].x().data()).containsExactly(fparts[1].x().data());
    }

    @Test
    void badShapesAndTablesAreRejected() {
        assertThatThrownBy(() -> new ByteRows(new byte[5], 1, new int[] {2, 3}, TABLE)).isInstanceOf(ShapeException.class)
                .hasMessage("byte rows: 5 values are not 1 rows of [2, 3]");
        assertThatThrownBy(() -> new ByteRows(new byte[0], 0, new int[] {0}, TABLE))
                .hasMessage("byte rows: sample shape [0] has a dimension < 1");
        assertThatThrownBy(() -> new ByteRows(new byte[6], 1, new int[] {6}, new float[255]))
                .hasMessage("byte rows: the value table needs 256 entries, got 255");
        float[] nan = TABLE.clone();
        nan[7] = Float.NaN;
        assertThatThrownBy(() -> new ByteRows(new byte[6], 1, new int[] {6}, nan))
                .hasMessage("byte rows: table value of byte 7 is NaN");
        assertThatThrownBy(() -> compact().withSampleShape(5)).isInstanceOf(ShapeException.class);
        assertThatThrownBy(() -> compact().slice(2, 5)).isInstanceOf(ShapeException.class);
        assertThatThrownBy(() -> compact().gatherX(Tensor.zeros(3, 6), null, 0, 2)).isInstanceOf(ShapeException.class)
                .hasMessage("gatherX: 2 rows of 6 values do not fit [3, 6]");
        assertThatThrownBy(() -> Dataset.compact(new ByteRows(bytes(), 4, new int[] {6}, TABLE), Tensor.zeros(3, 2), List.of()))
                .isInstanceOf(ShapeException.class).hasMessage("Dataset: 4 byte rows, y [3, 2] must be [4, K]");
    }

    @Test
    void slicesTakeEveryRangeInsideTheRowsAndNothingOutside() {
        ByteRows b = new ByteRows(bytes(), 4, new int[] {6}, TABLE);
        assertThat(b.slice(0, 4).toTensor(0, 4).data()).containsExactly(b.toTensor(0, 4).data());
        assertThat(b.slice(1, 3).toTensor(0, 2).data()).containsExactly(b.toTensor(1, 3).data());
        assertThat(b.slice(4, 4).rows()).isZero();
        assertThat(b.slice(2, 2).rows()).isZero();
        assertThatThrownBy(() -> b.slice(-1, 2)).hasMessage("byte rows: slice [-1, 2) of 4 rows");
        assertThatThrownBy(() -> b.slice(0, 5)).hasMessage("byte rows: slice [0, 5) of 4 rows");
        assertThatThrownBy(() -> b.slice(3, 2)).hasMessage("byte rows: slice [3, 2) of 4 rows");
        assertThat(new ByteRows(new byte[0], 0, new int[] {6}, TABLE).rows()).isZero();
        assertThat(new ByteRows(new byte[6], 1, new int[] {1, 6}, TABLE).rowSize()).isEqualTo(6);
        assertThatThrownBy(() -> new ByteRows(new byte[0], -1, new int[] {6}, TABLE))
                .hasMessage("byte rows: 0 values are not -1 rows of [6]");
    }

    /** The read-ahead before decoding reads one byte per 64 of each requested row and part. */
    @Test
    void readAheadTouchesOneBytePerCacheLineOfTheRequestedRows() {
        int rows = 9, size = 200;
        byte[] v = new byte[rows * size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (i * 7 + 3);
        }
        ByteRows b = new ByteRows(v, rows, new int[] {size}, TABLE);
        int[] order = {4, 0, 8, 2, 6, 1, 3, 7, 5};
        for (int[] c : new int[][] {{0, 9, 0, 200}, {2, 5, 70, 200}, {3, 3, 0, 200}, {1, 2, 0, 64}, {0, 9, 64, 65}}) {
            int want = 0;
            for (int r = c[0]; r < c[1]; r++) {
                for (int j = c[2]; j < c[3]; j += 64) {
                    want += v[order[r] * size + j];
                }
            }
            assertThat(b.touch(order, c[0], c[1], c[2], c[3])).as(java.util.Arrays.toString(c)).isEqualTo(want);
        }
        assertThat(b.touch(null, 1, 3, 0, 200)).isEqualTo(v[200] + v[264] + v[328] + v[392] + v[400] + v[464] + v[528] + v[592]);
    }
}
