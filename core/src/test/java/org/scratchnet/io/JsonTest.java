package org.scratchnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesEveryValueKindInOrder() {
        Object v = Json.parse(" {\"b\": [1, -2.5e3, true, false, null], \"a\": \"x\\\"\\u00e9\\n\", \"c\": {}} ");
        assertThat(v).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThat(m.keySet()).containsExactly("b", "a", "c");
        assertThat((List<Object>) m.get("b")).containsExactly(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null);
        assertThat(m.get("a")).isEqualTo("x\"é\n");
        assertThat((Map<?, ?>) m.get("c")).isEmpty();
        assertThat(Json.write(v)).isEqualTo("{\"b\":[1,-2.5E+3,true,false,null],\"a\":\"x\\\"é\\u000a\",\"c\":{}}");
    }

    @Test
    void writesAndReadsBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "tab\there \"q\" \\ \u0001");
        m.put("n", List.of(1, 2L, 0.1f, -0.0f, 1e-30f));
        m.put("z", null);
        String json = Json.write(m);
        assertThat(json).isEqualTo("{\"s\":\"tab\\u0009here \\\"q\\\" \\\\ \\u0001\",\"n\":[1,2,0.1,-0.0,1.0E-30],\"z\":null}");
        Map<?, ?> back = (Map<?, ?>) Json.parse(json);
        assertThat(back.get("s")).isEqualTo(m.get("s"));
        List<?> n = (List<?>) back.get("n");
        assertThat(((BigDecimal) n.get(2)).floatValue()).isEqualTo(0.1f);
        assertThatThrownBy(() -> Json.write(List.of(Float.NaN))).hasMessage("JSON cannot hold NaN");
    }

    @Test
    void floatsRoundTripBitExactThroughText() {
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 20000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isFinite(f)) {
                BigDecimal back = (BigDecimal) ((List<?>) Json.parse(Json.write(List.of(f)))).get(0);
                assertThat(Float.floatToRawIntBits(back.floatValue())).as("%s", f).isEqualTo(Float.floatToRawIntBits(f));
            }
        }
    }

    @Test
    void rejectsNonStrictJsonWithOffsetExpectedAndFound() {
        assertError("{\"a\":1,}", "at offset 7: expected a string key, found '}'");
        assertError("{\"a\":1,\"a\":2}", "at offset 7: duplicate key \"a\"");
        assertError("[1 2]", "at offset 3: expected ']', found '2'");
        assertError("[01]", "at offset 2: expected ']', found '1'");
        assertError("{\"a\":1} x", "at offset 8: expected the end of the JSON text, found 'x'");
        assertError("\"abc", "at offset 4: expected a closing quote, found the end");
        assertError("[NaN]", "at offset 1: expected a value, found 'N'");
        assertError("\"a\nb\"", "at offset 2: expected an escaped control character, found '\\u000a'");
        assertError("[1.]", "at offset 3: expected a digit after the decimal point, found ']'");
        assertError("", "at offset 0: expected a value, found the end");
        char[] deep = new char[200];
        Arrays.fill(deep, '[');
        assertError(new String(deep), "at offset 65: nesting deeper than 64 levels");
    }

    private static void assertError(String json, String message) {
        assertThatThrownBy(() -> Json.parse(json)).isInstanceOf(Json.JsonException.class).hasMessage(message);
    }

    @Test
    void writesIndentedWithPlainListsOnOneLine() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("a", 1);
        m.put("rows", new long[][] {{1, 2}, {3, 4}});
        m.put("h", java.util.Map.of("loss", java.util.List.of(0.5, 0.25)));
        m.put("e", java.util.List.of());
        assertThat(Json.writeIndented(m)).isEqualTo("{\n  \"a\": 1,\n  \"rows\": [\n    [1, 2],\n    [3, 4]\n  ],\n"
                + "  \"h\": {\n    \"loss\": [0.5, 0.25]\n  },\n  \"e\": []\n}");
        assertThat(Json.parse(Json.writeIndented(m))).isEqualTo(Json.parse(Json.write(m)));
    }
}
