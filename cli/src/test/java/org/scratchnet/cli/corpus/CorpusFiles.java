package org.scratchnet.cli.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.scratchnet.data.Standardizer;
import org.scratchnet.data.Task;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.SavedModel;
import org.scratchnet.model.Sequential;

/** Generators for the corpus' input files: good ones and the damage done to them. */
final class CorpusFiles {
    /** Two features, classes a/b, 8 rows. */
    static final String GOOD_CSV = "x1,x2,label\n0.5,1.0,a\n-0.3,0.2,b\n1.5,-1.0,a\n0.1,0.9,b\n"
            + "0.7,0.4,a\n-1.2,0.3,b\n0.9,-0.6,a\n-0.4,-0.8,b\n";
    /** Two features, classes a/b/c, 9 rows. */
    static final String THREE_CLASSES = "x1,x2,label\n0.5,1.0,a\n-0.3,0.2,b\n1.5,-1.0,c\n0.1,0.9,a\n"
            + "0.7,0.4,b\n-1.2,0.3,c\n0.9,-0.6,a\n-0.4,-0.8,b\n0.2,0.2,c\n";

    private CorpusFiles() {
    }

    static void text(Path file, String content) throws Exception {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** 2 → 4 relu → 1 sigmoid, bce, classes a/b, features x1/x2, identity normalization. Data section 68 bytes. */
    static byte[] model2() throws Exception {
        Sequential net = Sequential.builder(2).dense(4).activation("relu").dense(1).activation("sigmoid").build(1);
        return bytes(new SavedModel(net, "bce", new Standardizer(new float[] {0, 0}, new float[] {1, 1}),
                List.of("a", "b"), List.of("x1", "x2"), Task.CLASSIFICATION));
    }

    /** 3 → 4 relu → 3 logits, softmax_ce, classes a/b/c. */
    static byte[] model3() throws Exception {
        Sequential net = Sequential.builder(3).dense(4).activation("relu").dense(3).build(2);
        return bytes(new SavedModel(net, "softmax_ce", null, List.of("a", "b", "c"), List.of("x1", "x2", "x3"),
                Task.CLASSIFICATION));
    }

    private static byte[] bytes(SavedModel m) throws Exception {
        Path tmp = Files.createTempFile("corpus", ".safetensors");
        try {
            ModelFile.save(tmp, m);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@code model} with its JSON header text edited (the length field follows; the data is unchanged). */
    static byte[] editHeader(byte[] model, UnaryOperator<String> edit) {
        int n = (int) ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(model, 8, n, StandardCharsets.UTF_8);
        String edited = edit.apply(header);
        if (edited.equals(header)) {
            throw new IllegalArgumentException("the edit changed nothing in " + header);
        }
        byte[] h = edited.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + model.length - 8 - n).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).put(model, 8 + n, model.length - 8 - n).array();
    }

    static byte[] withLength(byte[] model, long length) {
        byte[] b = model.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length);
        return b;
    }

    // ---- IDX ----

    /** An unsigned-byte IDX file: big-endian magic and dimensions, then the values. */
    static byte[] idx(int magic, int[] dims, int values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + values).putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        for (int i = 0; i < values; i++) {
            b.put((byte) (i % 7));
        }
        return b.array();
    }

    static byte[] images(int n, int rows, int cols) {
        return idx(0x803, new int[] {n, rows, cols}, n * rows * cols);
    }

    static byte[] labels(int... values) {
        byte[] b = idx(0x801, new int[] {values.length}, 0);
        byte[] out = Arrays.copyOf(b, b.length + values.length);
        for (int i = 0; i < values.length; i++) {
            out[b.length + i] = (byte) values[i];
        }
        return out;
    }

    static byte[] gzip(byte[] raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** The four MNIST files: 3 training and 2 test images of 28 x 28, labels 0-9. */
    static void mnist(Path dir) throws Exception {
        Files.write(dir.resolve("train-images-idx3-ubyte"), images(3, 28, 28));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(7, 0, 9));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(2, 28, 28));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels(3, 4));
    }
}
