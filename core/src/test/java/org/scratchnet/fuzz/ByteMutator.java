package org.scratchnet.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.scratchnet.init.Rng;

/**
 * Seeded byte-level damage for fuzzing readers. Each {@link #mutate} applies 1..3 of: flip a bit,
 * overwrite a byte with a value readers care about, truncate, insert random bytes, duplicate a
 * chunk, delete a chunk, replace a run of digits with a huge or odd number, and overwrite 4 or 8
 * bytes with an extreme integer (little- or big-endian), the way a forged length or count looks.
 * The same seed gives the same sequence of variants.
 */
final class ByteMutator {
    /** Bytes that steer text and binary parsers: separators, quotes, line ends, signs, 0x00/0xFF, UTF-8 lead bytes. */
    private static final byte[] INTERESTING_BYTES = {0, (byte) 0xFF, 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xEF,
        '\n', '\r', ',', ';', '\t', '"', '-', '+', '.', 'e', '[', '{', '}', ']', ':', ' ', '0', '9'};
    /** Numbers that break naive parsers: overflow int/long/float, extreme exponents, NaN/Inf spellings. */
    static final String[] HUGE_NUMBERS = {"99999999999999999999", "2147483648", "-2147483649", "4294967296",
        "18446744073709551616", "1e39", "-1e39", "1e999999999", "1e9999999999", "1e-9999999999", "1e2147483648",
        "123456789e999999999", "0.00000000000000000000000000000000000000000000001", "1" + "0".repeat(400), "-0",
        "NaN", "Infinity", "-inf", "1e", "1e+", "0x7fffffff", "1.5e-45", "3.4028236e38"};
    /** Integers a forged header field might hold. */
    private static final long[] EXTREME_INTS = {0, 1, -1, 0x7fffffffL, 0x80000000L, 0xffffffffL, 1L << 31, 1L << 32,
        1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, 0x08030000L, 2051, 2049};

    private final Rng rng;
    private String lastDescription = "";

    ByteMutator(long seed) {
        this.rng = new Rng(seed);
    }

    /** What the last {@link #mutate} call did, e.g. "flip@12.3 truncate@40"; used to report failures. */
    String lastDescription() {
        return lastDescription;
    }

    /** A damaged copy of {@code input} (never modified). */
    byte[] mutate(byte[] input) {
        byte[] b = input.clone();
        int count = 1 + rng.nextInt(3);
        StringBuilder what = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String[] step = new String[1];
            b = mutateOnce(b, step);
            what.append(i == 0 ? "" : " ").append(step[0]);
        }
        lastDescription = what.toString();
        return b;
    }

    private byte[] mutateOnce(byte[] b, String[] what) {
        int op = rng.nextInt(b.length == 0 ? 1 : 8);
        if (b.length == 0) {
            op = 3; // only insertion can damage an empty file further
        }
        switch (op) {
            case 0 -> {
                int at = rng.nextInt(b.length);
                int bit = rng.nextInt(8);
                b[at] ^= (byte) (1 << bit);
                what[0] = "flip@" + at + "." + bit;
                return b;
            }
            case 1 -> {
                int at = rng.nextInt(b.length);
                b[at] = INTERESTING_BYTES[rng.nextInt(INTERESTING_BYTES.length)];
                what[0] = "set@" + at + "=" + (b[at] & 0xFF);
                return b;
            }
            case 2 -> {
                int at = rng.nextInt(b.length);
                what[0] = "truncate@" + at;
                return Arrays.copyOf(b, at);
            }
            case 3 -> {
                int at = rng.nextInt(b.length + 1);
                byte[] ins = new byte[1 + rng.nextInt(8)];
                for (int i = 0; i < ins.length; i++) {
                    ins[i] = rng.nextInt(2) == 0 ? INTERESTING_BYTES[rng.nextInt(INTERESTING_BYTES.length)]
                            : (byte) rng.nextInt(256);
                }
                what[0] = "insert@" + at + "+" + ins.length;
                return splice(b, at, at, ins);
            }
            case 4 -> {
                int from = rng.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + rng.nextInt(64));
                int at = rng.nextInt(b.length + 1);
                what[0] = "dup[" + from + "," + to + ")@" + at;
                return splice(b, at, at, Arrays.copyOfRange(b, from, to));
            }
            case 5 -> {
                int from = rng.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + rng.nextInt(16));
                what[0] = "delete[" + from + "," + to + ")";
                return splice(b, from, to, new byte[0]);
            }
            case 6 -> {
                return spliceNumber(b, what);
            }
            default -> {
                return overwriteInt(b, what);
            }
        }
    }

    /** Replaces a run of ASCII digits (or, if none, a random spot) with one of {@link #HUGE_NUMBERS}. */
    private byte[] spliceNumber(byte[] b, String[] what) {
        String number = HUGE_NUMBERS[rng.nextInt(HUGE_NUMBERS.length)];
        int start = rng.nextInt(b.length);
        int at = start;
        while (at < b.length && !isDigit(b[at])) {
            at++;
        }
        if (at == b.length) {
            at = start; // no digit after start: insert instead of replace
        }
        int end = at;
        while (end < b.length && (isDigit(b[end]) || b[end] == '.')) {
            end++;
        }
        what[0] = "number[" + at + "," + end + ")=" + number;
        return splice(b, at, end, number.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes an extreme integer as 4 or 8 bytes, little- or big-endian, at a random (often aligned) offset. */
    private byte[] overwriteInt(byte[] b, String[] what) {
        int width = rng.nextInt(2) == 0 ? 4 : 8;
        if (b.length < width) {
            return spliceNumber(b, what);
        }
        int at = rng.nextInt(b.length - width + 1);
        if (rng.nextInt(2) == 0) {
            at -= at % 4; // headers hold aligned fields
        }
        long v = EXTREME_INTS[rng.nextInt(EXTREME_INTS.length)];
        boolean little = rng.nextInt(2) == 0;
        for (int i = 0; i < width; i++) {
            int shift = 8 * (little ? i : width - 1 - i);
            b[at + i] = (byte) (v >>> shift);
        }
        what[0] = "int" + (width * 8) + (little ? "le" : "be") + "@" + at + "=" + v;
        return b;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + replacement.length);
        out.write(b, 0, from);
        out.writeBytes(replacement);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }
}
