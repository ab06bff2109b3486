package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each damaged file gives one clean line naming the file, what was expected and what was found. */
class CorruptModelFileTest {
    /** The sample model of ModelFileTest: data section 112 bytes (dense1.weight 48, bias 16, dense2.weight 48). */
    private static final byte[] GOOD = ModelFile.encode(ModelFileTest.sample());

    private static String header(byte[] file) {
        long n = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(file, 8, (int) n, StandardCharsets.UTF_8);
    }

    /** The good file with its header text rewritten (length field updated) and the same data. */
    private static byte[] withHeader(UnaryOperator<String> edit) {
        String old = header(GOOD);
        byte[] h = edit.apply(old).getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOfRange(GOOD, 8 + old.getBytes(StandardCharsets.UTF_8).length, GOOD.length);
        return ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(h.length).put(h).put(data).array();
    }

    private static void assertFails(byte[] bytes, String message) {
        assertThatThrownBy(() -> ModelFile.decode("m.safetensors", bytes)).isInstanceOf(ModelFormatException.class)
                .hasMessage("m.safetensors: " + message).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void goodFileDecodes() {
        assertThat(ModelFile.decode("m", GOOD).model().parameterCount()).isEqualTo(28);
    }

    @Test
    void truncatedFiles() {
        assertFails(Arrays.copyOf(GOOD, 5), "truncated: 5 bytes, expected at least 8 for the header length");
        int n = header(GOOD).length();
        assertFails(Arrays.copyOf(GOOD, GOOD.length - 4), "tensor 'dense2.weight': data_offsets [64, 112] outside "
                + "the data section [0, 108]");
        assertFails(Arrays.copyOf(GOOD, 20), "header length " + n + " is impossible: expected 2..12 (file has 20 bytes)");
    }

    @Test
    void absurdHeaderLengthIsRejectedBeforeAllocating() {
        byte[] b = GOOD.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        assertFails(b, "header length 18446744073709551615 is impossible: expected 2.." + (GOOD.length - 8)
                + " (file has " + GOOD.length + " bytes)");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        assertFails(b, "header length 1099511627776 is impossible: expected 2.." + (GOOD.length - 8)
                + " (file has " + GOOD.length + " bytes)");
    }

    @Test
    void malformedJson() {
        assertFails(withHeader(h -> h.replaceFirst("\\{\"__metadata__\":", "{\"__metadata__\" ")),
                "malformed JSON header at offset 16: expected ':', found '{'");
        assertFails(withHeader(h -> "[" + h.substring(1)), "header must start with '{', found '['");
        byte[] latin1 = GOOD.clone();
        latin1[20] = (byte) 0xE9;
        assertFails(latin1, "header is not valid UTF-8 text");
        assertFails(withHeader(h -> h.trim() + ",}"), "malformed JSON header at offset " + (header(GOOD).trim().length())
                + ": expected the end of the JSON text, found ','");
    }

    @Test
    void unknownOrMissingFormatVersion() {
        assertFails(withHeader(h -> h.replace("\"format_version\":\"1\"", "\"format_version\":\"3\"")),
                "format_version '3' is not supported (this build reads 1 and 2)");
        assertFails(withHeader(h -> h.replace("\"format_version\":\"1\",", "")),
                "no format_version in __metadata__: expected a scratchnet model (format_version 1 or 2)");
        assertFails(withHeader(h -> h.replace("\"format_version\":\"1\"", "\"format_version\":1")),
                "__metadata__ value for 'format_version' must be a string, found '1'");
    }

    @Test
    void badDtype() {
        assertFails(withHeader(h -> h.replaceFirst("\"F32\"", "\"F64\"")),
                "tensor 'dense1.weight': dtype 'F64' is not supported (expected F32)");
    }

    @Test
    void badOffsets() {
        assertFails(withHeader(h -> h.replace("[48,64]", "[40,56]").replace("[64,112]", "[56,104]")),
                "tensor 'dense1.bias' data_offsets [40, 56] overlap tensor 'dense1.weight' [0, 48]");
        assertFails(withHeader(h -> h.replace("[0,48]", "[4,52]").replace("[48,64]", "[52,68]")
                .replace("[64,112]", "[68,116]")), "tensor 'dense2.weight': data_offsets [68, 116] outside the data "
                + "section [0, 112]");
        assertFails(withHeader(h -> h.replace("[64,112]", "[64,100]").replace("\"shape\":[4,3]", "\"shape\":[3,3]")),
                "data section has 112 bytes, tensors cover 100");
        assertFails(withHeader(h -> h.replace("[0,48]", "[0,44]")),
                "tensor 'dense1.weight': data_offsets [0, 44] span 44 bytes, shape [3, 4] needs 48");
        assertFails(withHeader(h -> h.replace("[0,48]", "[-8,48]")),
                "tensor 'dense1.weight': data_offsets [-8, 48] outside the data section [0, 112]");
        assertFails(withHeader(h -> h.replace("\"shape\":[3,4]", "\"shape\":[65536,65536,65536,65536]")),
                "tensor 'dense1.weight': shape [65536, 65536, 65536, 65536] needs more than the 112 bytes of the "
                        + "data section");
        assertFails(withHeader(h -> h.replace("\"shape\":[3,4]", "\"shape\":[3,1.5]")),
                "tensor 'dense1.weight': shape [3, 1.5] must hold non-negative integers");
        assertFails(withHeader(h -> h.replace("[0,48]", "[0]")),
                "tensor 'dense1.weight': data_offsets: expected an array of 2 of numbers, found '[0]'");
    }

    @Test
    void shapesInconsistentWithTheArchitecture() {
        assertFails(withHeader(h -> h.replace("\"shape\":[3,4]", "\"shape\":[4,3]")),
                "tensor 'dense1.weight' has shape [4, 3], architecture expects [3, 4]");
        assertFails(withHeader(h -> h.replace("\\\"units\\\":4", "\\\"units\\\":5")),
                "tensor 'dense1.weight' has shape [3, 4], architecture expects [3, 5]");
        assertFails(withHeader(h -> h.replace("\\\"units\\\":4", "\\\"units\\\":1000000000")),
                "architecture layer 1 (dense1): \"units\": expected an integer in 1..1048576, found 1000000000");
        assertFails(withHeader(h -> h.replace("\"dense1.bias\"", "\"dense9.bias\"")),
                "tensor 'dense1.bias' is missing (architecture expects [1, 4])");
        assertFails(withHeader(h -> h.replace("\\\"activation\\\":\\\"tanh\\\"", "\\\"activation\\\":\\\"gelu\\\"")),
                "architecture layer 2 (tanh1): unknown activation 'gelu' (expected one of relu, sigmoid, tanh, leaky_relu, "
                        + "softmax, identity, step)");
        assertFails(withHeader(h -> h.replace("\"class_names\":\"[", "\"class_names\":\"[\\\"extra\\\",")),
                "4 class names for output width 3 (expected one per output, or 2 names for a single sigmoid output)");
        assertFails(withHeader(h -> h.replace("\"loss\":\"cce\"", "\"loss\":\"hinge\"")),
                "unknown loss 'hinge' (expected one of mse, sse, half_se, bce, bce_logits, cce, softmax_ce, huber)");
    }

    @Test
    void loadNamesTheFileEvenWhenMissing(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.safetensors");
        assertThatThrownBy(() -> ModelFile.load(missing)).hasMessage(missing + ": expected a model file, found none");
        Path bad = dir.resolve("bad.safetensors");
        Files.write(bad, Arrays.copyOf(GOOD, 3));
        assertThatThrownBy(() -> ModelFile.load(bad))
                .hasMessage(bad + ": truncated: 3 bytes, expected at least 8 for the header length");
    }
}
