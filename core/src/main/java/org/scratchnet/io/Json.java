package org.scratchnet.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON (RFC 8259) for model-file headers, since core has no dependencies.
 *
 * <p>Reading is strict: one value, no trailing data, no duplicate keys, no comments, at most
 * {@value #MAX_DEPTH} levels of nesting. Objects become {@code LinkedHashMap<String, Object>}
 * (order kept), arrays {@code List<Object>}, numbers {@link BigDecimal} (exact, so float32
 * values written with {@link Float#toString} read back bit-exact), plus String, Boolean and null.
 * Writing accepts the same types and also Integer, Long, Float and Double (finite only) and
 * arrays. Public so that the apps share this one JSON implementation (metrics files).
 */
public final class Json {
    static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** A syntax error; the message says the offset, what was expected and what was found. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message);
        }
    }

    /** Parses one JSON value (see the class comment for the Java types); a syntax error is a {@link JsonException}. */
    public static Object parse(String text) {
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("the end of the JSON text");
        }
        return v;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonException("at offset " + pos + ": nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(pos);
        if (c == '{') {
            return object(depth);
        } else if (c == '[') {
            return array(depth);
        } else if (c == '"') {
            return string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        } else if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        } else if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        } else if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        throw error("a value");
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a string key");
            }
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                throw new JsonException("at offset " + keyAt + ": duplicate key \"" + key + "\"");
            }
            map.put(key, v);
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("a closing quote");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("an escaped control character");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = pos < text.length() ? text.charAt(pos++) : '?';
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length() || !text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("four hex digits after \\u");
                    }
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw error("an escape character");
                }
            }
        }
    }

    private BigDecimal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error("a digit after the decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("a digit in the exponent");
            }
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            // valid JSON, but BigDecimal's exponent is an int (e.g. 1e9999999999)
            throw new JsonException("at offset " + start + ": expected a number with an exponent in the int range, found "
                    + (pos - start > 40 ? text.substring(start, start + 37) + "..." : text.substring(start, pos)));
        }
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private JsonException error(String expected) {
        String found = pos >= text.length() ? "the end" : "'" + escapeChar(text.charAt(pos)) + "'";
        return new JsonException("at offset " + pos + ": expected " + expected + ", found " + found);
    }

    private static void newline(StringBuilder sb, int level) {
        if (level >= 0) {
            sb.append('\n').append("  ".repeat(level));
        }
    }

    private static String escapeChar(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** Compact JSON for a tree of Map, List, arrays, String, Number, Boolean and null. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, -1);
        return sb.toString();
    }

    /** As {@link #write} with one key or element per line, indented by two spaces per level. */
    public static String writeIndented(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    /** Writes v; {@code level} < 0 means compact, else the current indentation level. */
    private static void write(Object v, StringBuilder sb, int level) {
        if (v != null && v.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                items.add(java.lang.reflect.Array.get(v, i));
            }
            v = items;
        }
        if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof BigDecimal) {
            sb.append(v);
        } else if (v instanceof Float || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON cannot hold " + v);
            }
            sb.append(v); // Float/Double.toString: shortest text that reads back to the same bits
        } else if (v instanceof String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20) {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                if (level >= 0) {
                    newline(sb, level + 1);
                }
                write(String.valueOf(e.getKey()), sb, -1);
                sb.append(level < 0 ? ":" : ": ");
                write(e.getValue(), sb, level < 0 ? -1 : level + 1);
            }
            if (!m.isEmpty()) {
                newline(sb, level);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            // lists of plain values stay on one line, so long number arrays read as rows
            boolean nested = l.stream().anyMatch(x -> x instanceof Map || x instanceof List || (x != null && x.getClass().isArray()));
            int inner = level < 0 || !nested ? -1 : level + 1;
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : level >= 0 && !nested ? ", " : ",");
                if (inner >= 0) {
                    newline(sb, inner);
                }
                write(l.get(i), sb, inner);
            }
            if (inner >= 0 && !l.isEmpty()) {
                newline(sb, level);
            }
            sb.append(']');
        } else {
            throw new IllegalArgumentException("JSON cannot hold a " + v.getClass().getSimpleName());
        }
    }
}
