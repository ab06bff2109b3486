package org.scratchnet.layer;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads layer configuration values, which arrive as Java numbers from code and as
 * {@link BigDecimal} from a model file's JSON. Errors are one line naming the key.
 */
public final class Configs {
    private Configs() {
    }

    /** An integer in [min, max] under {@code key}. */
    public static int integer(Map<String, ?> config, String key, int min, int max) {
        Object v = config.get(key);
        if (v instanceof Number n) {
            BigDecimal b = new BigDecimal(n.toString());
            if (b.stripTrailingZeros().scale() <= 0 && b.compareTo(BigDecimal.valueOf(min)) >= 0
                    && b.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return b.intValueExact();
            }
        }
        throw new IllegalArgumentException("\"" + key + "\": expected an integer in " + min + ".." + max + ", found "
                + describe(v));
    }

    /** A finite float in [min, max) (or [min, max] when {@code maxInclusive}) under {@code key}. */
    public static float number(Map<String, ?> config, String key, float min, float max, boolean maxInclusive) {
        Object v = config.get(key);
        if (v instanceof Number n) {
            float f = n.floatValue();
            if (Float.isFinite(f) && f >= min && (maxInclusive ? f <= max : f < max)) {
                return f;
            }
        }
        throw new IllegalArgumentException("\"" + key + "\": expected a number in [" + min + ", " + max
                + (maxInclusive ? "]" : ")") + ", found " + describe(v));
    }

    /** A boolean under {@code key}, or {@code absent} when the key is missing. */
    public static boolean bool(Map<String, ?> config, String key, boolean absent) {
        Object v = config.get(key);
        if (v == null) {
            return absent;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("\"" + key + "\": expected true or false, found " + describe(v));
    }

    /** A string under {@code key}. */
    public static String string(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("\"" + key + "\": expected a string, found " + describe(v));
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        String s = v instanceof String ? "'" + v + "'" : String.valueOf(v);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** "[N, 3, 28, 28]"-style text of a batch of samples shaped {@code sample}. */
    public static String batchShape(int[] sample) {
        StringBuilder sb = new StringBuilder("[N");
        for (int d : sample) {
            sb.append(", ").append(d);
        }
        return sb.append(']').toString();
    }

    /** Number of values in one sample of shape {@code sample}. */
    public static long size(int[] sample) {
        long n = 1;
        for (int d : sample) {
            n *= d;
        }
        return n;
    }
}
