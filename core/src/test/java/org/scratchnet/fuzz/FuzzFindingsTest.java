package org.scratchnet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scratchnet.data.CsvLoader;
import org.scratchnet.data.CsvOptions;
import org.scratchnet.data.DataFormatException;
import org.scratchnet.io.ModelFile;
import org.scratchnet.io.ModelFormatException;

/** One regression test per loader bug the fuzzers found, with the (minimized) input that found it. */
class FuzzFindingsTest {
    /** CsvFuzzTest variant 1996: BigDecimal threw NumberFormatException("Exponent overflow") on a label. */
    @Test
    void labelWithAnExponentBeyondBigDecimalIsACleanError() {
        for (CsvOptions o : new CsvOptions[] {new CsvOptions(), new CsvOptions().classNames(java.util.List.of("0", "1"))}) {
            assertThatThrownBy(() -> CsvLoader.parse("d.csv", "1,2,1e9999999999\n3,4,0\n5,6,1\n", o))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage("d.csv:1:3: expected a label in column 'column3', found '1e9999999999' "
                            + "(a number with an exponent out of range)");
        }
        assertThatThrownBy(() -> CsvLoader.parse("d.csv", "x,y\n0.1,1.5\n0.3,1.1e-9999999999\n", new CsvOptions()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("d.csv:3:2: expected a label in column 'y', found '1.1e-9999999999' "
                        + "(a number with an exponent out of range)");
        // an exponent BigDecimal can hold is still a fine class name
        assertThat(CsvLoader.parse("d.csv", "1,2,1e999\n3,4,0\n", new CsvOptions()).classNames())
                .containsExactly("0", "1E+999");
    }

    /** A valid model file (2→1 regression) with its JSON header rewritten and the length field updated. */
    static byte[] modelWithHeader(Path dir, UnaryOperator<String> edit) throws Exception {
        return modelWithHeader(ModelFileFuzzTest.seeds(dir).get(2), edit);
    }

    /** {@code good} with its JSON header rewritten and the length field updated. */
    static byte[] modelWithHeader(byte[] good, UnaryOperator<String> edit) {
        int n = (int) ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] h = edit.apply(new String(good, 8, n, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOfRange(good, 8 + n, good.length);
        return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).put(data).array();
    }

    static void assertModelError(Path dir, byte[] bytes, String message) throws Exception {
        Path f = dir.resolve("m.safetensors");
        Files.write(f, bytes);
        assertThatThrownBy(() -> ModelFile.load(f)).isInstanceOf(ModelFormatException.class).hasMessage(f + ": " + message);
    }

    /** ModelFileFuzzTest variant 611: Json.number let BigDecimal's NumberFormatException escape. */
    @Test
    void jsonNumberWithAnExponentBeyondIntIsACleanError(@TempDir Path dir) throws Exception {
        byte[] b = modelWithHeader(dir, h -> h.replace("\"shape\":[2,1]", "\"shape\":[1e-9999999999,1]"));
        int at = new String(b, 8, b.length - 8, StandardCharsets.ISO_8859_1).indexOf("1e-9999999999");
        assertModelError(dir, b, "malformed JSON header at offset " + at
                + ": expected a number with an exponent in the int range, found 1e-9999999999");
    }

    /** ModelFileFuzzTest (seed 8) variant 8340: leaky_relu alpha -1e39 loaded as -Infinity and the model could not be saved again. */
    @Test
    void leakyReluAlphaMustBeAFiniteFloat(@TempDir Path dir) throws Exception {
        byte[] good = ModelFileFuzzTest.seeds(dir).get(0);
        String[][] cases = {{"-1e39", "-1E+39"}, {"1e999999999", "1E+999999999"}, {"\\\"x\\\"", "'x'"}};
        for (String[] c : cases) {
            byte[] b = modelWithHeader(good, h -> h.replace("\\\"alpha\\\":0.2", "\\\"alpha\\\":" + c[0]));
            assertModelError(dir, b, "architecture layer 4 (leaky_relu1): alpha: expected a finite float32 number, found " + c[1]);
        }
    }

    /** MnistIdxFuzzTest: a .gz cut inside its 10-byte header said "gzip stream ends early (null)". */
    @Test
    void truncatedGzipHeaderSaysTruncated(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("train-labels-idx1-ubyte.gz");
        Files.write(f, Arrays.copyOf(MnistIdxFuzzTest.gzip(MnistIdxFuzzTest.LABELS), 5));
        assertThatThrownBy(() -> org.scratchnet.data.MnistIdx.read(f, org.scratchnet.data.MnistIdx.LABELS_MAGIC))
                .isInstanceOf(org.scratchnet.data.IdxFormatException.class)
                .hasMessage(f + ": gzip stream ends early (the .gz file is truncated)");
    }
}
