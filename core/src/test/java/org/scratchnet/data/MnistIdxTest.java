package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX reading on small files written by the test: valid raw and gzip, and every kind of corruption. */
class MnistIdxTest {
    @TempDir
    Path dir;

    /** An IDX file: magic, big-endian dims, then the given payload bytes. */
    static byte[] idx(int magic, int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(payload);
        return b.array();
    }

    /** n images of r x c pixels where pixel value = (image*7 + index) mod 256. */
    static byte[] images(int n, int r, int c) {
        byte[] px = new byte[n * r * c];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) ((i / (r * c)) * 7 + i % (r * c));
        }
        return idx(MnistIdx.IMAGES_MAGIC, new int[] {n, r, c}, px);
    }

    static byte[] labels(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return idx(MnistIdx.LABELS_MAGIC, new int[] {values.length}, b);
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(raw);
        }
        return bos.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void readsRawAndGzipToTheSameValues() throws IOException {
        byte[] img = images(3, 2, 4);
        MnistIdx raw = MnistIdx.read(write("a-idx3-ubyte", img), MnistIdx.IMAGES_MAGIC);
        MnistIdx gz = MnistIdx.read(write("b-idx3-ubyte.gz", gzip(img)), MnistIdx.IMAGES_MAGIC);
        assertThat(raw.dims()).containsExactly(3, 2, 4);
        assertThat(raw.count()).isEqualTo(3);
        assertThat(gz.dims()).containsExactly(3, 2, 4);
        assertThat(gz.data()).isEqualTo(raw.data());
        // image 2, pixel 5: 2*7 + 5 = 19
        assertThat(raw.data()[2 * 8 + 5]).isEqualTo((byte) 19);
    }

    @Test
    void wrongMagicNamesFileOffsetAndBothValues() throws IOException {
        Path p = write("train-images-idx3-ubyte", labels(1, 2));
        assertThatThrownBy(() -> MnistIdx.read(p, MnistIdx.IMAGES_MAGIC))
                .isInstanceOf(IdxFormatException.class).isInstanceOf(DataFormatException.class)
                .hasMessage(p + ": byte 0 (magic): expected 0x00000803 (images), found 0x00000801 (labels)");
    }

    @Test
    void zeroDimensionIsRejected() throws IOException {
        Path p = write("z", idx(MnistIdx.IMAGES_MAGIC, new int[] {2, 0, 3}, new byte[0]));
        assertThatThrownBy(() -> MnistIdx.read(p, MnistIdx.IMAGES_MAGIC))
                .hasMessage(p + ": byte 8 (dimension 2): expected a positive size, found 0");
    }

    @Test
    void truncatedAndOverlongRawFilesAreRejectedBeforeAllocating() throws IOException {
        byte[] img = images(3, 2, 4);
        Path shortFile = write("short", java.util.Arrays.copyOf(img, img.length - 5));
        assertThatThrownBy(() -> MnistIdx.read(shortFile, MnistIdx.IMAGES_MAGIC))
                .hasMessage(shortFile + ": byte 35 (file length): expected 40 bytes (header 16 + [3, 2, 4] values), found 35 bytes");
        Path longFile = write("long", java.util.Arrays.copyOf(img, img.length + 1));
        assertThatThrownBy(() -> MnistIdx.read(longFile, MnistIdx.IMAGES_MAGIC))
                .hasMessageContaining("(file length): expected 40 bytes").hasMessageEndingWith("found 41 bytes");
        Path header = write("header", java.util.Arrays.copyOf(img, 6));
        assertThatThrownBy(() -> MnistIdx.read(header, MnistIdx.IMAGES_MAGIC))
                .hasMessage(header + ": byte 4 (item count): expected 4 bytes, found end of file");
    }

    @Test
    void hugeDeclaredSizesNeverAllocate() throws IOException {
        // 65536^3 overflows int and long products taken naively; must fail at the header
        Path over = write("over", idx(MnistIdx.IMAGES_MAGIC, new int[] {65536, 65536, 65536}, new byte[4]));
        assertThatThrownBy(() -> MnistIdx.read(over, MnistIdx.IMAGES_MAGIC))
                .hasMessageStartingWith(over + ": byte 8 (dimension 2): expected at most");
        // a tiny gzip file declaring 1.9 GB: the growing buffer finds the end long before that
        Path gz = write("big.gz", gzip(idx(MnistIdx.IMAGES_MAGIC, new int[] {2_000, 1_000, 950}, new byte[100])));
        assertThatThrownBy(() -> MnistIdx.read(gz, MnistIdx.IMAGES_MAGIC))
                .hasMessage(gz + ": byte 116 (data): expected 1900000000 values (as the header declares), found end of data after 100");
    }

    @Test
    void gzipWithExtraBytesOrCorruptStreamIsRejected() throws IOException {
        byte[] lab = labels(1, 2, 3);
        byte[] extra = java.util.Arrays.copyOf(lab, lab.length + 2);
        Path p = write("extra.gz", gzip(extra));
        assertThatThrownBy(() -> MnistIdx.read(p, MnistIdx.LABELS_MAGIC))
                .hasMessage(p + ": byte 11 (end of data): expected end of file after [3] values, found extra bytes");
        byte[] gz = gzip(lab);
        gz[gz.length / 2] ^= 0x55;
        Path bad = write("bad.gz", java.util.Arrays.copyOf(gz, gz.length - 4));
        assertThatThrownBy(() -> MnistIdx.read(bad, MnistIdx.LABELS_MAGIC))
                .isInstanceOf(IdxFormatException.class).hasMessageStartingWith(bad + ": ");
    }

    @Test
    void missingFileIsADataFormatException() {
        Path p = dir.resolve("nope");
        assertThatThrownBy(() -> MnistIdx.read(p, MnistIdx.LABELS_MAGIC)).isInstanceOf(DataFormatException.class)
                .hasMessage(p + ": file not found");
    }
}
