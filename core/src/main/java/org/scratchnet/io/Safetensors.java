package org.scratchnet.io;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.Tensor;

/**
 * The safetensors container, float32 only: 8-byte little-endian header length n, n bytes of
 * JSON header (space-padded so data starts at a multiple of 8), then the raw little-endian
 * tensor bytes. Header entries: {@code "name": {"dtype": "F32", "shape": [...],
 * "data_offsets": [begin, end]}} with offsets relative to the data section, plus
 * {@code "__metadata__"}: a string → string map.
 */
final class Safetensors {
    /** Largest header accepted (the reference implementation's limit), so a corrupt length cannot exhaust memory. */
    static final long MAX_HEADER = 100L * 1024 * 1024;
    static final String METADATA = "__metadata__";

    private Safetensors() {
    }

    /** The decoded file: tensors in header order and the metadata map. */
    record Content(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    static byte[] encode(Map<String, Tensor> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(METADATA, new LinkedHashMap<>(metadata));
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            List<Object> shape = new ArrayList<>();
            for (int dim : e.getValue().shape()) {
                shape.add(dim);
            }
            entry.put("shape", shape);
            long end = offset + 4L * e.getValue().size();
            entry.put("data_offsets", List.of(offset, end));
            header.put(e.getKey(), entry);
            offset = end;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int n = (json.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + n + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(n).put(json);
        for (int i = json.length; i < n; i++) {
            buf.put((byte) ' ');
        }
        for (Tensor t : tensors.values()) {
            for (float v : t.data()) {
                buf.putFloat(v); // raw bits: NaN payloads and -0.0 survive
            }
        }
        return buf.array();
    }

    /** Decodes and checks {@code bytes}; every problem is a one-line error starting with {@code file}. */
    static Content decode(String file, byte[] bytes) {
        if (bytes.length < 8) {
            throw fail(file, "truncated: " + bytes.length + " bytes, expected at least 8 for the header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8L) {
            throw fail(file, "header length " + Long.toUnsignedString(n) + " is impossible: expected 2.."
                    + Math.min(MAX_HEADER, bytes.length - 8L) + " (file has " + bytes.length + " bytes)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 8, (int) n)).toString();
        } catch (CharacterCodingException e) {
            throw fail(file, "header is not valid UTF-8 text");
        }
        if (text.charAt(0) != '{') {
            throw fail(file, "header must start with '{', found " + ModelFormatException.quote(text.charAt(0)));
        }
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.JsonException e) {
            throw fail(file, "malformed JSON header " + e.getMessage());
        }
        Map<?, ?> header = (Map<?, ?>) parsed; // starts with '{' and parsed, so it is an object
        int dataStart = 8 + (int) n;
        long dataLength = bytes.length - (long) dataStart;
        Map<String, String> metadata = metadata(file, header.get(METADATA));
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : header.entrySet()) {
            if (!METADATA.equals(e.getKey())) {
                entries.add(entry(file, (String) e.getKey(), e.getValue(), dataLength));
            }
        }
        checkCoverage(file, entries, dataLength);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            float[] values = new float[e.size()];
            buf.position(dataStart + (int) e.begin());
            buf.asFloatBuffer().get(values);
            tensors.put(e.name(), Tensor.of(values, e.shape()));
        }
        return new Content(tensors, metadata);
    }

    private record Entry(String name, int[] shape, long begin, long end) {
        int size() {
            return (int) ((end - begin) / 4);
        }
    }

    private static Map<String, String> metadata(String file, Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw fail(file, "__metadata__ must be an object of strings, found " + ModelFormatException.quote(raw));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw fail(file, "__metadata__ value for " + ModelFormatException.quote(e.getKey())
                        + " must be a string, found " + ModelFormatException.quote(e.getValue()));
            }
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    private static Entry entry(String file, String name, Object raw, long dataLength) {
        String where = "tensor " + ModelFormatException.quote(name) + ": ";
        if (!(raw instanceof Map<?, ?> map) || !map.keySet().equals(java.util.Set.of("dtype", "shape", "data_offsets"))) {
            throw fail(file, where + "expected an object with dtype, shape and data_offsets, found "
                    + ModelFormatException.quote(Json.write(raw)));
        }
        if (!"F32".equals(map.get("dtype"))) {
            throw fail(file, where + "dtype " + ModelFormatException.quote(map.get("dtype"))
                    + " is not supported (expected F32)");
        }
        List<BigDecimal> dims = numbers(file, where + "shape", map.get("shape"), -1);
        int[] shape = new int[dims.size()];
        long count = 1;
        boolean tooBig = false;
        boolean empty = false;
        for (int i = 0; i < shape.length; i++) {
            BigDecimal d = dims.get(i);
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 || d.stripTrailingZeros().scale() > 0) {
                throw fail(file, where + "shape " + dims + " must hold non-negative integers");
            }
            shape[i] = d.intValue();
            // stop multiplying once the size exceeds the file: a forged shape must not overflow
            if (shape[i] == 0) {
                empty = true;
            } else if (count > dataLength / 4 / shape[i]) {
                tooBig = true;
            } else {
                count *= shape[i];
            }
        }
        if (tooBig && !empty) {
            throw fail(file, where + "shape " + dims + " needs more than the " + dataLength
                    + " bytes of the data section");
        }
        count = empty ? 0 : count;
        List<BigDecimal> off = numbers(file, where + "data_offsets", map.get("data_offsets"), 2);
        BigDecimal begin = off.get(0), end = off.get(1);
        if (begin.signum() < 0 || begin.compareTo(end) > 0 || end.compareTo(BigDecimal.valueOf(dataLength)) > 0
                || begin.stripTrailingZeros().scale() > 0 || end.stripTrailingZeros().scale() > 0) {
            throw fail(file, where + "data_offsets " + off + " outside the data section [0, " + dataLength + "]");
        }
        long b = begin.longValue(), e = end.longValue();
        if (e - b != 4 * count) {
            throw fail(file, where + "data_offsets " + off + " span " + (e - b) + " bytes, shape " + dims
                    + " needs " + 4 * count);
        }
        return new Entry(name, shape, b, e);
    }

    private static List<BigDecimal> numbers(String file, String what, Object raw, int length) {
        if (raw instanceof List<?> list && (length < 0 || list.size() == length)
                && list.stream().allMatch(v -> v instanceof BigDecimal)) {
            List<BigDecimal> out = new ArrayList<>();
            list.forEach(v -> out.add((BigDecimal) v));
            return out;
        }
        throw fail(file, what + ": expected " + (length < 0 ? "an array" : "an array of " + length)
                + " of numbers, found " + ModelFormatException.quote(Json.write(raw)));
    }

    /** Tensors must tile the data section exactly: no gap, no overlap, nothing left over. */
    private static void checkCoverage(String file, List<Entry> entries, long dataLength) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.begin() < at) {
                throw fail(file, "tensor " + ModelFormatException.quote(e.name()) + " data_offsets [" + e.begin() + ", "
                        + e.end() + "] overlap tensor " + ModelFormatException.quote(previous.name()) + " ["
                        + previous.begin() + ", " + previous.end() + "]");
            }
            if (e.begin() > at) {
                throw fail(file, "tensor " + ModelFormatException.quote(e.name()) + " starts at byte " + e.begin()
                        + " of the data section, expected " + at + " (no gaps allowed)");
            }
            at = e.end();
            previous = e;
        }
        if (at != dataLength) {
            throw fail(file, "data section has " + dataLength + " bytes, tensors cover " + at);
        }
    }

    static ModelFormatException fail(String file, String message) {
        return new ModelFormatException(file + ": " + message);
    }
}
