package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.tensor.Tensor;

/** NumPy .npy files: fixtures written by np.save (src/test/resources/npy/make_npy_fixtures.py), round trips, damage. */
class NpyTest {
    private static Path fixture(String name) throws Exception {
        return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
    }

    @Test
    void readsWhatNumpyWrites() throws Exception {
        Tensor a = Npy.read(fixture("f4_2x3.npy"));
        assertThat(a.shape()).containsExactly(2, 3);
        assertThat(a.data()).containsExactly(1.5f, -2f, 3.25f, 0f, 1e-8f, -7f);
        Tensor b = Npy.read(fixture("f8_2x1x2.npy"));
        assertThat(b.shape()).containsExactly(2, 1, 2);
        assertThat(b.data()).containsExactly(0.1f, 0.2f, -0.3f, Float.POSITIVE_INFINITY);
        assertThat(Npy.read(fixture("f4_3.npy")).shape()).containsExactly(3);
    }

    @Test
    void writesWhatItReadsBitForBit() {
        float[] v = {Float.MIN_VALUE, -0f, 1e38f, Float.NaN, 0.1f, 7, 8, 9};
        for (int[] shape : new int[][] {{8}, {2, 4}, {2, 1, 2, 2}}) {
            byte[] bytes = Npy.toBytes(Tensor.of(v, shape));
            assertThat((10 + (bytes[8] & 0xFF)) % 64).as("header padded to 64 bytes as numpy expects").isZero();
            Tensor back = Npy.parse("t.npy", bytes);
            assertThat(back.shape()).containsExactly(shape);
            for (int i = 0; i < v.length; i++) {
                assertThat(Float.floatToRawIntBits(back.data()[i])).isEqualTo(Float.floatToRawIntBits(v[i]));
            }
        }
        String header = new String(Npy.toBytes(Tensor.zeros(3)), 10, 60, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }");
    }

    @Test
    void damagedFilesFailWithOneLine(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Npy.read(fixture("i8_2.npy"))).isInstanceOf(DataFormatException.class)
                .hasMessageEndingWith("i8_2.npy: dtype '<i8' is not supported: expected float32 ('<f4') or float64 ('<f8'); "
                        + "convert with a.astype(np.float32)");
        assertThatThrownBy(() -> Npy.read(fixture("f4_fortran.npy"))).hasMessageContaining("Fortran order");
        byte[] good = Files.readAllBytes(fixture("f4_2x3.npy"));
        assertThatThrownBy(() -> Npy.parse("t.npy", Arrays.copyOf(good, good.length - 1)))
                .hasMessage("t.npy: shape [2, 3] needs 24 bytes of data, the file has 23");
        assertThatThrownBy(() -> Npy.parse("t.npy", Arrays.copyOf(good, 20))).hasMessageStartingWith("t.npy: .npy header of");
        assertThatThrownBy(() -> Npy.parse("t.npy", "1,2,3\n4,5,6\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("t.npy: not a NumPy .npy file (expected the \\x93NUMPY magic)");
        byte[] v9 = good.clone();
        v9[6] = 9;
        assertThatThrownBy(() -> Npy.parse("t.npy", v9)).hasMessage("t.npy: .npy format version 9 is not supported (expected 1 to 3)");
        byte[] scalar = new String(good, StandardCharsets.ISO_8859_1).replace("(2, 3)", "()    ").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Npy.parse("t.npy", scalar)).hasMessageContaining("the array is a scalar");
        byte[] bad = new String(good, StandardCharsets.ISO_8859_1).replace("(2, 3)", "(2, x)").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Npy.parse("t.npy", bad)).hasMessage("t.npy: .npy shape (2, x) has 'x', expected sizes of at least 1");
        byte[] huge = new String(good, StandardCharsets.ISO_8859_1).replace("(2, 3)", "(99999, 99999)").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Npy.parse("t.npy", huge)).hasMessageContaining("is too large");
        assertThatThrownBy(() -> Npy.read(dir.resolve("none.npy"))).hasMessage(dir.resolve("none.npy") + ": no such file");
    }
}
