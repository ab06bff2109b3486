package org.scratchnet.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scratchnet.io.Json;

/** A parsed JSON value for tests, read with core's parser: {@code get("key")}, {@code get(i)}, {@code asDouble()}. */
public record JsonTree(Object value) {
    public static JsonTree read(Path file) throws IOException {
        return new JsonTree(Json.parse(Files.readString(file)));
    }

    /** The member {@code key} of an object (a null value, or an absent key, gives a null tree). */
    public JsonTree get(String key) {
        return new JsonTree(((Map<?, ?>) value).get(key));
    }

    public JsonTree get(int index) {
        return new JsonTree(((List<?>) value).get(index));
    }

    public boolean has(String key) {
        return value instanceof Map<?, ?> m && m.containsKey(key);
    }

    public int size() {
        return value instanceof List<?> l ? l.size() : ((Map<?, ?>) value).size();
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isNumber() {
        return value instanceof BigDecimal;
    }

    public double asDouble() {
        return ((BigDecimal) value).doubleValue();
    }

    public long asLong() {
        return ((BigDecimal) value).longValueExact();
    }

    public int asInt() {
        return ((BigDecimal) value).intValueExact();
    }

    public String asText() {
        return value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value);
    }
}
