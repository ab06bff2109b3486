package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-range text dictionary against a HashMap: codes in order of first appearance, limits, UTF-8. */
class ByteDictionaryTest {
    private static int code(ByteDictionary d, String s) {
        byte[] b = ("<<" + s + ">>").getBytes(StandardCharsets.UTF_8); // looked up at an offset, as in a file
        return d.code(b, 2, b.length - 2);
    }

    @Test
    void codesFollowFirstAppearanceAndMatchAHashMapOverManyValues() {
        Random r = new Random(7);
        ByteDictionary d = new ByteDictionary(Integer.MAX_VALUE);
        Map<String, Integer> expected = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            // short and long values, many repeats, some sharing prefixes
            String s = r.nextInt(4) == 0 ? "v" + r.nextInt(50) : "value-" + r.nextInt(3000) + "x".repeat(r.nextInt(40));
            Integer want = expected.get(s);
            if (want == null) {
                want = order.size();
                expected.put(s, want);
                order.add(s);
            }
            assertThat(code(d, s)).as(s).isEqualTo(want);
        }
        assertThat(d.size()).isEqualTo(order.size());
        assertThat(d.strings("t.csv")).containsExactlyElementsOf(order);
    }

    @Test
    void valuesLongerThanTheWholePoolAreKeptWhole() {
        ByteDictionary d = new ByteDictionary(Integer.MAX_VALUE);
        String[] values = {"a", "x".repeat(5000), "b", "y".repeat(20_000), "x".repeat(4999)};
        for (int k = 0; k < values.length; k++) {
            assertThat(code(d, values[k])).isEqualTo(k);
        }
        for (int k = 0; k < values.length; k++) {
            assertThat(code(d, values[k])).isEqualTo(k);
        }
        assertThat(d.strings("t.csv")).containsExactly(values);
    }

    @Test
    void valuesWithTheSameHashStayApart() {
        ByteDictionary d = new ByteDictionary(Integer.MAX_VALUE);
        // "Aa" and "BB" have the same 31-based hash; so do all their concatenations
        String[] same = {"AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB", ""};
        for (int k = 0; k < same.length; k++) {
            assertThat(code(d, same[k])).isEqualTo(k);
        }
        for (int k = same.length - 1; k >= 0; k--) {
            assertThat(code(d, same[k])).isEqualTo(k);
        }
        assertThat(d.strings("t.csv")).containsExactly(same);
    }

    @Test
    void aFullDictionaryStillFindsItsValuesButAddsNoMore() {
        ByteDictionary d = new ByteDictionary(3);
        assertThat(code(d, "a")).isZero();
        assertThat(code(d, "b")).isEqualTo(1);
        assertThat(code(d, "c")).isEqualTo(2);
        assertThat(code(d, "d")).isEqualTo(-1);
        assertThat(code(d, "b")).isEqualTo(1);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.strings("t.csv")).containsExactly("a", "b", "c");
    }

    @Test
    void stringsAreDecodedAsUtf8AndInvalidBytesNameTheSource() {
        ByteDictionary d = new ByteDictionary(Integer.MAX_VALUE);
        assertThat(code(d, "café")).isZero();
        assertThat(code(d, "東京")).isEqualTo(1);
        assertThat(d.strings("t.csv")).containsExactly("café", "東京");
        byte[] bad = {'o', 'k', (byte) 0xC3, (byte) 0x28};
        d.code(bad, 2, 4);
        assertThatThrownBy(() -> d.strings("t.csv")).isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv: expected UTF-8 text, found invalid byte sequences");
    }
}
