package org.scratchnet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Mnist;
import org.scratchnet.data.MnistIdx;

/**
 * Thousands of damaged IDX files, raw and gzip, read the way the MNIST loader reads them (images
 * and labels together): each loads into a consistent dataset or fails with one clean line.
 */
class MnistIdxFuzzTest {
    /** Images (3, 4, 4) with pixel values 0, 17, 34, ... and labels (3) = 7, 0, 9. */
    static final byte[] IMAGES = idx(0x803, new int[] {3, 4, 4}, 17);
    static final byte[] LABELS = labels(7, 0, 9);

    static byte[] idx(int magic, int[] dims, int step) {
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + size).putInt(magic); // big-endian, as IDX is
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < size; i++) {
            b.put((byte) (i * step));
        }
        return b.array();
    }

    static byte[] labels(int... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length).putInt(0x801).putInt(values.length);
        for (int v : values) {
            b.put((byte) v);
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** The training pair loaded from the variant's directory, with {@code companion} written next to the variant. */
    private static MutationFuzzer.Reader trainPair(String companionName, byte[] companion) {
        return f -> {
            Files.write(f.resolveSibling(companionName), companion);
            return Mnist.train(f.getParent(), 0, true);
        };
    }

    /** x (N, 784-like rows·cols) finite, y (N, 10) one-hot. */
    private static void checkDataset(Object loaded, Path workDir) {
        Dataset d = (Dataset) loaded;
        assertThat(d.size()).isPositive();
        assertThat(d.targets()).isEqualTo(10);
        CsvFuzzTest.assertFinite(d.x());
        for (int i = 0; i < d.size(); i++) {
            float sum = 0;
            for (int k = 0; k < 10; k++) {
                sum += d.y().get(i, k);
            }
            assertThat(sum).isEqualTo(1f);
        }
    }

    @Test
    void damagedIdxFilesLoadOrFailCleanly(@TempDir Path dir) throws Exception {
        long seed = MutationFuzzer.property("scratchnet.fuzz.seed", 20261130);
        int variants = (int) MutationFuzzer.property("scratchnet.fuzz.variants", 3000) / 2;
        MutationFuzzer.Report images = new MutationFuzzer(dir, "train-images-idx3-ubyte", DataFormatException.class)
                .run(seed, variants, List.of(IMAGES, gzip(IMAGES)),
                        new MutationFuzzer.Check("images", f -> MnistIdx.read(f, MnistIdx.IMAGES_MAGIC), (o, w) -> {
                            MnistIdx idx = (MnistIdx) o;
                            int[] dims = idx.dims();
                            assertThat(dims).hasSize(3);
                            assertThat(idx.data()).hasSize(dims[0] * dims[1] * dims[2]);
                        }),
                        new MutationFuzzer.Check("mnist pair", trainPair("train-labels-idx1-ubyte", LABELS),
                                MnistIdxFuzzTest::checkDataset));
        MutationFuzzer.Report labels = new MutationFuzzer(dir, "train-labels-idx1-ubyte", DataFormatException.class)
                .run(seed + 1, variants, List.of(LABELS, gzip(LABELS)),
                        new MutationFuzzer.Check("mnist pair", trainPair("train-images-idx3-ubyte", IMAGES),
                                MnistIdxFuzzTest::checkDataset));
        System.out.println("MnistIdxFuzzTest images: " + images);
        System.out.println("MnistIdxFuzzTest labels: " + labels);
        // gzip damage must reach the gzip error paths, not just the header checks
        assertThat(images.errorKinds()).anyMatch(k -> k.contains("gzip"));
        assertThat(images.loaded()).isGreaterThan(variants / 20);
        assertThat(labels.loaded()).isGreaterThan(variants / 100); // an 11-byte file rarely survives damage
        assertThat(images.rejected() + labels.rejected()).isGreaterThan(variants);
        assertThat(images.errorKinds().size() + labels.errorKinds().size()).isGreaterThan(15);
    }
}
