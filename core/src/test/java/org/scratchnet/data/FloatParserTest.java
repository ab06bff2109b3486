package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-level float parser gives exactly Float.parseFloat's bits, and rejects what isNumber rejects. */
class FloatParserTest {
    private static float parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return FloatParser.parse(b, 0, b.length);
    }

    private static void same(String s) {
        assertThat(Float.floatToRawIntBits(parse(s))).as(s).isEqualTo(Float.floatToRawIntBits(Float.parseFloat(s)));
    }

    @Test
    void edgeCasesRoundTripAsFloatParseFloat() {
        for (String s : List.of("1e-46", "3.4028236e38", "3.4028235e38", "3.4028234663852886e38", "1.4e-45", "7e-46",
                "7.0064923e-46", "1.17549435e-38", "1.1754942e-38", "0", "-0", "+0", "-0.0e5", "0.000", "16777216",
                "16777217", "16777219", "0.1", "-0.1", "1.5", ".5", "5.", "-.5e1", "+7", "1e10", "1e-10", "1E+3",
                "123456789012345678", "1234567890123456789012345", "0.30000001192092896", "340282356779733661637539395458142568448",
                "1e39", "-1e39", "1e-50", "1e999999999999", "1e-999999999999", "00000000000000000000001.5",
                "0.000000000000000000000000000000000000000000001401298464324817", "2.7182818284590452353602874713527",
                "8.589973e9", "4.2949673e9", "1.0000001", "1.00000005960464477539062499", "1.000000059604644775390625")) {
            same(s);
        }
    }

    @Test
    void randomNumbersOfEveryShapeRoundTrip() {
        Random r = new Random(20261201);
        List<String> all = new ArrayList<>();
        for (int k = 0; k < 50_000; k++) {
            StringBuilder s = new StringBuilder();
            if (r.nextInt(3) == 0) {
                s.append(r.nextBoolean() ? '-' : '+');
            }
            int digits = 1 + r.nextInt(r.nextBoolean() ? 8 : 30);
            for (int i = 0; i < digits; i++) {
                s.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                s.append('.');
                for (int i = r.nextInt(14); i > 0; i--) {
                    s.append((char) ('0' + r.nextInt(10)));
                }
            }
            if (r.nextInt(3) == 0) {
                s.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : r.nextBoolean() ? "+" : "");
                s.append(r.nextInt(r.nextBoolean() ? 60 : 20));
            }
            all.add(s.toString());
            float f = Float.intBitsToFloat(r.nextInt()); // every float's shortest text, subnormals included
            if (Float.isFinite(f)) {
                all.add(Float.toString(f));
            }
            all.add(String.format(Locale.ROOT, "%.5f", r.nextGaussian() * Math.pow(10, r.nextInt(8))));
            all.add(String.format(Locale.ROOT, "%.9e", r.nextGaussian()));
        }
        for (String s : all) {
            same(s);
        }
    }

    @Test
    void textThatIsNotAPlainNumberIsNaN() {
        for (String s : List.of("", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1f", "0x10", "NaN", "inf", " 1",
                "1 ", "1,5", "١")) {
            assertThat(CsvParser.isNumber(s)).as(s).isFalse();
            assertThat(parse(s)).as(s).isNaN();
        }
    }

    /** Reference: d's exact value is midway between two adjacent floats, or outside the range float rounds normally. */
    private static boolean halfwayReference(double d) {
        int exp = Math.getExponent(d);
        if (exp > 127 || exp < -149) {
            return true;
        }
        float f = (float) d;
        if (f == d) {
            return false;
        }
        float other = f < d ? Math.nextUp(f) : Math.nextDown(f);
        return ((double) f + (double) other) / 2 == d; // exact: a float sum has room to spare in a double
    }

    @Test
    void halfwayAgreesWithTheMidpointsOfAdjacentFloatsAtEveryExponent() {
        Random r = new Random(3);
        int halfways = 0;
        for (int k = 0; k < 200_000; k++) {
            // every float exponent, subnormals included, and the edges of the range
            float f = Float.intBitsToFloat(r.nextInt(0x7F800000));
            double mid = ((double) f + (double) Math.nextUp(f)) / 2;
            for (double d : new double[] {f, mid, Math.nextUp(mid), Math.nextDown(mid), Math.scalb(mid, r.nextInt(3) - 1)}) {
                if (d > 0 && Double.isFinite(d)) {
                    boolean want = halfwayReference(d);
                    halfways += want ? 1 : 0;
                    assertThat(FloatParser.halfway(d)).as("%s (%s)", d, Double.toHexString(d)).isEqualTo(want);
                }
            }
        }
        assertThat(halfways).isGreaterThan(100_000);
        for (int e = -160; e <= 130; e++) { // each binade's first value, its midpoint case and its last value
            for (double d : new double[] {Math.scalb(1.0, e), Math.scalb(1.5, e), Math.scalb(1.0 + Math.pow(2, -24), e),
                Math.scalb(1.0 + Math.pow(2, -23) + Math.pow(2, -24), e), Math.scalb(2 - Math.pow(2, -52), e)}) {
                assertThat(FloatParser.halfway(d)).as("%s (%s)", d, Double.toHexString(d)).isEqualTo(halfwayReference(d));
            }
        }
    }

    @Test
    void fastPathBoundariesOfMantissaAndExponentStayExact() {
        for (String s : List.of("9007199254740991", "9007199254740992", "9007199254740993", "9007199254740995e3",
                "1e22", "1e23", "1e-22", "1e-23", "123456789e22", "123456789e-22", "16777217e22", "33554433e-22",
                "999999999999999999", "99999999999999999.9", "1.00000000000000000001", "0.000000000000000000",
                "-0e-999999999999", "1e+0000000000000000000000039", "1e-0000000000000000000000046",
                "100000000000000000000000000000000000000e-1", "1000000000e9999999999")) {
            same(s);
        }
    }

    private static long fast(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return FloatParser.fast(b, 0, b.length);
    }

    @Test
    void theFastPathAnswersExactlyWhatItsContractPromises() {
        // at most 18 significant digits, m < 2^53, a power of ten within ±22, not halfway: answered
        for (String s : List.of("1", "-1.5", "+2.25", "9007199254740991", "-9007199254740991", "0.1234567890123456",
                "1e22", "1e-22", "-1E+22", "12345e-22", "1.5e21", "15e-22", "000000000000000000000000001",
                "0.00000000000000000000000000", "-0", "0e999", "1e5", "7E-3", "2.5e+2", "123456789e-5",
                "9999999999999.99", "1.0000000000000e5")) {
            assertThat(fast(s)).as(s).isEqualTo(Float.floatToRawIntBits(Float.parseFloat(s)) & 0xFFFFFFFFL);
        }
        // anything else that is a number goes to Float.parseFloat
        for (String s : List.of("9007199254740992", "9007199254740993", "1e23", "1e-23", "-1e23", "15e-23", "1.5e-22",
                "1234567890123456789", "1.0000000000000000001", "1e39", "1e-50", "16777217", "33554434",
                "1e1000000000", "1e-99999999999")) {
            assertThat(fast(s)).as(s).isEqualTo(FloatParser.DECLINED);
            same(s);
        }
        for (String s : List.of("", "-", "+", ".", "e5", "1e", "1e-", "1.2.3", "1 ", " 1", "1f", "--1", "1e5.")) {
            assertThat(fast(s)).as(s).isEqualTo(FloatParser.NOT_NUMBER);
        }
    }

    @Test
    void halfwayDoublesAreDetected() {
        // 1 + 2^-24 is exactly between the floats 1 and 1 + 2^-23
        assertThat(FloatParser.halfway(1 + Math.pow(2, -24))).isTrue();
        assertThat(FloatParser.halfway(1 + Math.pow(2, -24) + Math.pow(2, -52))).isFalse();
        assertThat(FloatParser.halfway(1.0)).isFalse();
        assertThat(FloatParser.halfway(1e39)).isTrue();
        assertThat(FloatParser.halfway(-(1 + Math.pow(2, -24)))).isTrue(); // the sign plays no part
        assertThat(FloatParser.halfway(-15.0)).isFalse();
    }
}
