package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte-level range parser against the reference splitter {@link CsvParser#split} (String
 * based, one field at a time): on random tables with every kind of field (short and long numbers,
 * signs, exponents, spaces, quotes, line breaks inside quotes, UTF-8, empty cells, CRLF, blank
 * lines) every cell, line number and dictionary must agree; then cut into ranges at random line
 * breaks, and on its errors.
 */
class ChunkParserTest {
    private static final String[] FIELDS = {"0", "-0", "+0", "-0.0", "1", "+7", "-12", "1.", ".5", "-.25", "0.1",
        "16777215", "16777216", "16777217", "-16777217", "123456789012345678", "1234567890123456789",
        "000000000000000000001.5", "1.0000000001", "1.00000000001", "0.00000000012", "1e5", "1E-3", "2.5e+2",
        "1e39", "-1e39", "1e-50", "3.4028236e38", "NaN", "inf", "", "  ", " 1.5 ", "\t2\t", "abc", "x\"y", "café",
        "\"quoted\"", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "  \"spaced\"  ", "\"1.5\"", "\" 1.5\"",
        "\"\"", "1.5.5", "--1", "1e", "e5", ".", "-", "12ab", "0x10", "\u000b\"vt\"", "\f\"ff\"", "\u001c\"fs\"",
        "\u001f\"us\"", "\u001bq\"esc\"", "!\"bang\"", "\"sp\"   ", "\"cr\"\r", "\"both\" \r ", "\u001b", "!"};

    private static String randomNumber(Random r) {
        switch (r.nextInt(4)) {
            case 0:
                return String.format(Locale.ROOT, "%.5f", r.nextGaussian() * Math.pow(10, r.nextInt(6)));
            case 1:
                return Integer.toString(r.nextInt(2_000_000) - 1_000_000);
            case 2:
                return String.format(Locale.ROOT, "%.8e", r.nextGaussian());
            default:
                return Float.toString(Float.intBitsToFloat(r.nextInt() & 0x7F7FFFFF));
        }
    }

    /** A random table of {@code columns} columns; {@code quotes} false keeps quotes out (cuttable at any line). */
    private static String table(Random r, int rows, int columns, char sep, boolean quotes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                String f;
                do {
                    f = r.nextInt(3) == 0 ? FIELDS[r.nextInt(FIELDS.length)] : randomNumber(r);
                } while (!quotes && f.indexOf('"') >= 0 || f.indexOf(sep) >= 0 && !f.startsWith("\""));
                s.append(j > 0 ? String.valueOf(sep) : "").append(f);
            }
            s.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
            if (r.nextInt(40) == 0) {
                s.append(r.nextBoolean() ? "\n" : "   \n"); // blank lines: skipped, but counted
            }
        }
        if (r.nextBoolean() && s.length() > 0) {
            s.setLength(s.length() - 1); // no line break after the last record
            if (s.length() > 0 && s.charAt(s.length() - 1) == '\r') {
                s.setLength(s.length() - 1);
            }
        }
        return s.toString();
    }

    private static byte[] modes(Random r, int columns) {
        byte[] m = new byte[columns];
        for (int j = 0; j < columns; j++) {
            m[j] = (byte) r.nextInt(4);
        }
        return m;
    }

    /** Checks every cell of {@code c} against the reference split of {@code text}. */
    private static void agree(String text, char sep, byte[] modes, boolean header, ChunkParser.Chunk c) {
        List<CsvTable.Row> rows = CsvParser.split("t.csv", text, sep);
        List<CsvTable.Row> data = header && !rows.isEmpty() ? rows.subList(1, rows.size()) : rows;
        assertThat(c.error).as(text).isNull();
        assertThat(c.rows).isEqualTo(data.size());
        assertThat(c.lineCount).isEqualTo((int) text.chars().filter(ch -> ch == '\n').count());
        String[][] dicts = new String[modes.length][];
        String[][] labels = new String[modes.length][];
        for (int j = 0; j < modes.length; j++) {
            dicts[j] = c.dicts[j] == null ? null : c.dicts[j].strings("t.csv");
            labels[j] = c.labelDicts[j] == null ? null : c.labelDicts[j].strings("t.csv");
        }
        for (int i = 0; i < data.size(); i++) {
            CsvTable.Row row = data.get(i);
            assertThat(c.lines[i]).isEqualTo(row.line());
            for (int j = 0; j < modes.length; j++) {
                String f = row.fields().get(j);
                String where = "line " + row.line() + " column " + j + " '" + f + "'";
                if (modes[j] == ChunkParser.SKIP) {
                    assertThat(c.cells[j]).isNull();
                    continue;
                }
                int v = c.cells[j][i];
                boolean number = modes[j] != ChunkParser.TEXT && CsvParser.isNumber(f) && Float.isFinite(Float.parseFloat(f));
                if (number) {
                    assertThat(v).as(where).isEqualTo(Float.floatToRawIntBits(Float.parseFloat(f)));
                } else {
                    assertThat(ChunkParser.isText(v)).as(where).isTrue();
                    assertThat(dicts[j][v - ChunkParser.TEXT_BASE]).as(where).isEqualTo(f);
                }
                if (modes[j] == ChunkParser.LABEL) {
                    assertThat(labels[j][c.labelCodes[j][i]]).as(where).isEqualTo(f);
                }
            }
        }
    }

    private static ChunkParser.Chunk parse(String text, char sep, byte[] modes, boolean header, int expectRows) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new ChunkParser(b, modes.length, (byte) sep, modes).parse(0, b.length, header, Integer.MAX_VALUE, expectRows);
    }

    @Test
    void randomTablesReadAsTheReferenceSplitterReadsThem() {
        Random r = new Random(20261202);
        for (int k = 0; k < 300; k++) {
            int columns = 1 + r.nextInt(5);
            char sep = r.nextInt(4) == 0 ? ';' : ',';
            String text = table(r, r.nextInt(60), columns, sep, true);
            byte[] modes = modes(r, columns);
            boolean header = r.nextBoolean();
            agree(text, sep, modes, header, parse(text, sep, modes, header, r.nextInt(3) == 0 ? 0 : 100));
        }
    }

    @Test
    void arraysOfAFinishedChunkAreReusedAndGiveTheSameCells() {
        Random r = new Random(11);
        byte[] modes = {ChunkParser.HYBRID, ChunkParser.TEXT, ChunkParser.LABEL};
        String first = table(r, 400, 3, ',', false);
        String second = table(r, 300, 3, ',', false);
        byte[] b = first.getBytes(StandardCharsets.UTF_8);
        ChunkParser.Chunk a = new ChunkParser(b, 3, (byte) ',', modes).parse(0, b.length, false, Integer.MAX_VALUE, 500);
        byte[] b2 = second.getBytes(StandardCharsets.UTF_8);
        ChunkParser.Chunk again = new ChunkParser(b2, 3, (byte) ',', modes).parse(0, b2.length, false, Integer.MAX_VALUE, 50, a);
        assertThat(again.cells[0]).isSameAs(a.cells[0]); // large enough: reused
        assertThat(again.labelCodes[2]).isSameAs(a.labelCodes[2]);
        agree(second, ',', modes, false, again);
        ChunkParser.Chunk exact = new ChunkParser(b2, 3, (byte) ',', modes).parse(0, b2.length, false, Integer.MAX_VALUE,
                again.lines.length, again);
        assertThat(exact.lines).isSameAs(a.lines); // exactly large enough: reused too
        agree(second, ',', modes, false, exact);
        ChunkParser.Chunk small = new ChunkParser(b, 3, (byte) ',', modes).parse(0, b.length, false, Integer.MAX_VALUE, 5000, again);
        assertThat(small.cells[0]).isNotSameAs(a.cells[0]).hasSizeGreaterThanOrEqualTo(5000); // too small: new arrays
        agree(first, ',', modes, false, small);
    }

    @Test
    void rangesCutAtAnyLineBreakJoinToTheWholeTable() {
        Random r = new Random(5);
        for (int k = 0; k < 40; k++) {
            int columns = 1 + r.nextInt(4);
            String text = "h" + ",h".repeat(columns - 1) + "\n" + table(r, 50 + r.nextInt(200), columns, ',', false);
            byte[] modes = modes(r, columns);
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            CsvSource src = CsvSource.of("t.csv", text, true);
            List<ChunkParser.Chunk> chunks = new ArrayList<>();
            int from = 0;
            while (from < b.length) {
                int to = Math.min(b.length, from + 1 + r.nextInt(400));
                while (to < b.length && b[to - 1] != '\n') {
                    to++;
                }
                chunks.add(new ChunkParser(b, columns, (byte) ',', modes).parse(from, to, from == 0, Integer.MAX_VALUE, 8));
                from = to;
            }
            CsvTable whole = CsvTable.join(src, modes, List.of(parse(text, ',', modes, true, 8)), Integer.MAX_VALUE);
            CsvTable joined = CsvTable.join(src, modes, chunks, Integer.MAX_VALUE);
            assertThat(joined.rows()).isEqualTo(whole.rows());
            for (int i = 0; i < whole.rows(); i++) {
                assertThat(joined.line(i)).isEqualTo(whole.line(i));
                for (int j = 0; j < columns; j++) {
                    if (modes[j] != ChunkParser.SKIP) {
                        String want = whole.isText(j, i) ? "text " + whole.text(j, i) : "number " + whole.number(j, i);
                        String got = joined.isText(j, i) ? "text " + joined.text(j, i) : "number " + joined.number(j, i);
                        assertThat(got).as("row %d column %d", i, j).isEqualTo(want);
                    }
                }
            }
        }
    }

    /** fastNumber on "[" + field + end + "]": the end position it returns (relative to the field), -1 when it declines. */
    private static int fast(String field, String end, int[] out) {
        byte[] b = ("[" + field + end + "]").getBytes(StandardCharsets.UTF_8);
        int r = ChunkParser.fastNumber(b, 1, b.length - 1, (byte) ',', out, 1);
        return r < 0 ? r : r - 1;
    }

    @Test
    void theFastPathTakesExactlyTheShortPlainFormsAndGivesParseFloatsBits() {
        String[] taken = {"0", "-0", "+0", "7", "-7", "1.", ".5", "-.5", "1.5", "16777215", "-16777215", "1677721.5",
            "0.0000000001", "0.0000000009", "1.677721", "000000000000000000000012.5", "0.1", "3.14159", "-2.71828", "1234567",
            "0.9999999", "1.0000000", "99999.99"};
        for (String f : taken) {
            for (String end : new String[] {",", "\n", "\r\n", ""}) {
                int[] out = {7, 7, 7};
                assertThat(fast(f, end, out)).as("'%s' + %s", f, end.replace("\n", "LF").replace("\r", "CR"))
                        .isEqualTo(f.length() + (end.equals("\r\n") ? 1 : 0));
                assertThat(out[1]).as(f).isEqualTo(Float.floatToRawIntBits(Float.parseFloat(f)));
                assertThat(out[0]).isEqualTo(7);
                assertThat(out[2]).isEqualTo(7);
            }
        }
        String[] declined = {"", "-", "+", ".", "-.", "16777216", "-16777216", "1677721.6", "0.00000000001",
            "1.00000000000", "1e5", "1E5", "1.5e3", " 1", "1 ", "1.5.", "1..5", "--1", "+-1", "a", "1a", "0x1",
            "\"1\"", "1\r", "1\t"};
        for (String f : declined) {
            int[] out = {7, 7, 7};
            assertThat(fast(f, ",", out)).as("'%s'", f).isEqualTo(-1);
            assertThat(out[1]).as(f).isEqualTo(7);
        }
        assertThat(fast("1.5", "\r", new int[3])).isEqualTo(-1); // a lone CR is not a line end
    }

    private static ChunkParser.Chunk one(String text, int columns) {
        byte[] modes = new byte[columns];
        Arrays.fill(modes, ChunkParser.HYBRID);
        return parse(text, ',', modes, false, 4);
    }

    @Test
    void fieldsEndingExactlyAtTheEndOfTheBytesAreRead() {
        // the range ends with no line break, right after the field: nothing may be read past it
        String[][] cases = {{"1,", ""}, {"1,x\"y", "x\"y"}, {"1,1.5\r", "1.5"}, {"1,-", "-"}, {"1,+", "+"}, {"1,7", "7"},
            {"1,\"q\"\r", "q"}, {"1,\"q\" ", "q"}};
        for (String[] k : cases) {
            ChunkParser.Chunk c = one(k[0], 2);
            assertThat(c.error).as(k[0]).isNull();
            assertThat(c.rows).as(k[0]).isEqualTo(1);
            int v = c.cells[1][0];
            String got = ChunkParser.isText(v) ? c.dicts[1].strings("t.csv")[v - ChunkParser.TEXT_BASE]
                    : Float.toString(Float.intBitsToFloat(v));
            boolean number = CsvParser.isNumber(k[1]);
            assertThat(got).as(k[0]).isEqualTo(number ? Float.toString(Float.parseFloat(k[1])) : k[1]);
        }
    }

    @Test
    void aCharacterCutByTheEndOfTheBytesIsNamedAsFarAsItGoes() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] b = {'"', 'a', '"', euro[0], euro[1]}; // the range ends inside the character
        ChunkParser.Chunk c = new ChunkParser(b, 1, (byte) ',', new byte[] {1}).parse(0, b.length, false, 10, 4);
        assertThat(c.error).isEqualTo("expected a separator after the closing quote, found '"
                + new String(euro, 0, 2, StandardCharsets.UTF_8) + "'");
        for (int[] lead : new int[][] {{0xC0, 0x80}, {0xE0, 0xA0, 0x80}, {0xF0, 0x90, 0x80, 0x80}}) {
            byte[] t = new byte[4 + lead.length];
            t[0] = '"';
            t[1] = 'a';
            t[2] = '"';
            for (int k = 0; k < lead.length; k++) {
                t[3 + k] = (byte) lead[k];
            }
            t[t.length - 1] = '\n';
            ChunkParser.Chunk e = new ChunkParser(t, 1, (byte) ',', new byte[] {1}).parse(0, t.length, false, 10, 4);
            assertThat(e.error).isEqualTo("expected a separator after the closing quote, found '"
                    + new String(t, 3, lead.length, StandardCharsets.UTF_8) + "'");
        }
    }

    @Test
    void aRecordOfTheWrongWidthStopsTheRangeAtItsLine() {
        ChunkParser.Chunk c = one("1,2\n\n3,4\n5\n6,7\n", 2);
        assertThat(c.error).isEqualTo("expected 2 fields, found 1");
        assertThat(c.errorLine).isEqualTo(4);
        assertThat(c.errorColumn).isEqualTo(-1);
        assertThat(c.errorRow).isEqualTo(2);
        assertThat(c.rows).isEqualTo(2);
        ChunkParser.Chunk wide = one("1,2\n3,4,5\n", 2);
        assertThat(wide.error).isEqualTo("expected 2 fields, found 3");
        assertThat(wide.errorLine).isEqualTo(2);
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItOpened() {
        ChunkParser.Chunk c = one("1,2\n3,\"open\nstill open\n", 2);
        assertThat(c.error).isEqualTo("expected a closing quote, found the end of the file");
        assertThat(c.errorLine).isEqualTo(2);
        assertThat(c.errorColumn).isEqualTo(1);
        assertThat(c.errorRow).isEqualTo(1);
        assertThat(c.sawQuote).isTrue();
    }

    @Test
    void textAfterAClosingQuoteIsNamedWholeEvenWhenItIsOneUtf8Character() {
        String[][] cases = {{"x", "'x'"}, {"é", "'é'"}, {"€", "'€'"}, {"😀", "'😀'"}};
        for (String[] k : cases) {
            ChunkParser.Chunk c = one("1,2\n\"a\nb\"" + k[0] + ",2\n", 2);
            assertThat(c.error).isEqualTo("expected a separator after the closing quote, found " + k[1]);
            assertThat(c.errorLine).isEqualTo(3); // the quoted field spans lines 2 and 3
            assertThat(c.errorColumn).isZero();
        }
        byte[] b = {'"', 'a', '"', (byte) 0xFF, ',', '1', '\n'};
        ChunkParser.Chunk c = new ChunkParser(b, 2, (byte) ',', new byte[] {1, 1}).parse(0, b.length, false, 10, 4);
        assertThat(c.error).startsWith("expected a separator after the closing quote, found '");
    }

    @Test
    void aRowLimitStopsEarlyAndAHeaderIsNotARow() {
        byte[] modes = {ChunkParser.HYBRID, ChunkParser.HYBRID};
        byte[] b = "a,b\n1,2\n3,4\n5,6\nbad\n".getBytes(StandardCharsets.UTF_8);
        ChunkParser.Chunk c = new ChunkParser(b, 2, (byte) ',', modes).parse(0, b.length, true, 2, 4);
        assertThat(c.error).isNull();
        assertThat(c.rows).isEqualTo(2);
        assertThat(c.lines[0]).isEqualTo(2);
        assertThat(Float.intBitsToFloat(c.cells[1][1])).isEqualTo(4f);
    }

    @Test
    void aLabelColumnWithTooManyDistinctValuesKeepsItsNumbersOnly() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i <= ChunkParser.LABEL_LIMIT; i++) {
            s.append("1,").append(i).append('\n');
        }
        byte[] modes = {ChunkParser.HYBRID, ChunkParser.LABEL};
        ChunkParser.Chunk over = parse(s.toString(), ',', modes, false, 10);
        assertThat(over.labelDicts[1]).isNull();
        assertThat(over.labelCodes[1]).isNull();
        assertThat(Float.intBitsToFloat(over.cells[1][ChunkParser.LABEL_LIMIT])).isEqualTo(ChunkParser.LABEL_LIMIT);
        String atLimit = s.substring(0, s.lastIndexOf("1,"));
        ChunkParser.Chunk kept = parse(atLimit, ',', modes, false, 10);
        assertThat(kept.labelDicts[1].size()).isEqualTo(ChunkParser.LABEL_LIMIT);
        assertThat(kept.labelCodes[1][ChunkParser.LABEL_LIMIT - 1]).isEqualTo(ChunkParser.LABEL_LIMIT - 1);
    }
}
