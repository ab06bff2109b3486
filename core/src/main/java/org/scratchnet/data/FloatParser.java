package org.scratchnet.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses a plain decimal number ({@code [+-] digits [. digits] [eE [+-] digits]}, at least one
 * digit before or after the point, the syntax of {@link CsvParser#isNumber}) straight from bytes,
 * giving exactly the float that {@link Float#parseFloat} gives for the same text.
 *
 * <p>Why it is exact: with at most 18 significant digits the digits fit a long m, and the value
 * is m · 10^e. When m &lt; 2^53 and |e| ≤ 22 both factors are exact doubles, so one double
 * multiply or divide rounds once, correctly (Clinger's fast path); rounding that double to float
 * gives the correctly rounded float unless the double lies exactly halfway between two floats (a
 * second rounding could then go the wrong way), which is checked. Everything else (more digits,
 * larger exponents, halfway cases) goes to {@link Float#parseFloat}, which is rare in data files.
 * The commonest short form (m &lt; 2^24, at most 10 decimals, no exponent) is parsed in float
 * while it is scanned, by {@link ChunkParser}.
 */
final class FloatParser {
    /** Returned for text that is not a plain decimal number. */
    static final float NOT_A_NUMBER = Float.NaN;

    private static final double[] DOUBLE_POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < DOUBLE_POW10.length; i++) {
            DOUBLE_POW10[i] = p;
            p *= 10;
        }
    }

    private FloatParser() {
    }

    /**
     * The float written in {@code b[from, to)} (no surrounding spaces), as {@code Float.parseFloat}
     * reads it: infinite when out of range, signed zero for zeros; NaN when the bytes are not a
     * plain decimal number.
     */
    static float parse(byte[] b, int from, int to) {
        long r = fast(b, from, to);
        if (r == DECLINED) {
            return Float.parseFloat(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        }
        return r == NOT_NUMBER ? NOT_A_NUMBER : Float.intBitsToFloat((int) r);
    }

    /** {@link #fast}: the text is not a plain decimal number. */
    static final long NOT_NUMBER = -1;
    /** {@link #fast}: a plain decimal number the fast path leaves to {@link Float#parseFloat}. */
    static final long DECLINED = -2;

    /**
     * The fast path alone: the float's bits (as a non-negative long) for a plain decimal number of
     * at most 18 significant digits making m &lt; 2^53 with a power of ten within ±22 whose double
     * is not halfway between two floats (zeros of any length too); {@link #DECLINED} for any other
     * plain decimal number; {@link #NOT_NUMBER} for text that is not one.
     */
    static long fast(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int significant = 0; // digits in m, leading zeros excluded
        int scale = 0;       // decimal places taken into m
        int digits = 0;
        boolean exact = true; // false when more digits than m holds
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            if (significant < 18) {
                m = m * 10 + (b[i] - '0');
                if (m != 0) {
                    significant++;
                }
            } else {
                exact = false;
            }
            i++;
            digits++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (significant < 18) {
                    m = m * 10 + (b[i] - '0');
                    scale++;
                    if (m != 0) {
                        significant++;
                    }
                } else {
                    exact = false;
                }
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return NOT_NUMBER;
        }
        long exp = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                expNegative = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (exp < 1_000_000_000L) { // saturates: beyond this every value is 0 or infinite anyway
                    exp = exp * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == expStart) {
                return NOT_NUMBER;
            }
            exp = expNegative ? -exp : exp;
        }
        if (i != to) {
            return NOT_NUMBER;
        }
        if (m == 0 && exact) {
            return bits(negative ? -0f : 0f);
        }
        long e = exp - scale;
        if (exact && m < (1L << 53) && e >= -22 && e <= 22) {
            double d = e >= 0 ? (double) m * DOUBLE_POW10[(int) e] : (double) m / DOUBLE_POW10[(int) -e];
            if (!halfway(d)) {
                float f = (float) d;
                return bits(negative ? -f : f);
            }
        }
        return DECLINED;
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f) & 0xFFFFFFFFL;
    }

    /**
     * True when the double d (of either sign) lies exactly halfway between two adjacent floats (or is a
     * value float rounding treats specially: beyond the float range or below its subnormals),
     * where rounding d to float may differ from rounding the exact decimal.
     */
    static boolean halfway(double d) {
        long bits = Double.doubleToRawLongBits(d);
        int exponent = (int) ((bits >>> 52) & 0x7FF) - 1023; // the sign does not matter
        if (exponent > 127 || exponent < -150) {
            return true;
        }
        // bits of the double's 53-bit significand below the float's last place: 29 for normal
        // floats, more for subnormal floats (exponent below -126)
        int dropped = exponent >= -126 ? 29 : 29 + (-126 - exponent);
        if (dropped > 52) {
            return true;
        }
        long significand = (bits & ((1L << 52) - 1)) | (1L << 52);
        long low = significand & ((1L << dropped) - 1);
        return low == 1L << (dropped - 1);
    }
}
