package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a CSV file's first bytes decide before the body is parsed: a byte-order mark, the
 * separator, the header and the column count, also when the 64 KiB prefix ends inside a line,
 * a quoted field or a character; and the helpers that cut the prefix.
 */
class CsvSourceTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private Path write(String name, byte[]... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        Path p = dir.resolve(name);
        Files.write(p, out.toByteArray());
        return p;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aByteOrderMarkIsSkippedOnlyWhenWhole() throws Exception {
        CsvSource withBom = CsvSource.open(write("bom.csv", BOM, utf8("a;b\n1;2\n")), null);
        assertThat(withBom.start).isEqualTo(3);
        assertThat(withBom.header).containsExactly("a", "b");
        assertThat(withBom.sep).isEqualTo((byte) ';');
        assertThat(CsvSource.open(write("plain.csv", utf8("a,b\n1,2\n")), null).start).isZero();
        // two of the mark's three bytes: not a mark, and not UTF-8 either
        for (byte[] partial : new byte[][] {{(byte) 0xEF, (byte) 0xBB, 'a'}, {(byte) 0xEF, 'a', 'b'}, {'x', (byte) 0xBB, (byte) 0xBF}}) {
            Path p = write("partial.csv", partial, utf8(",b\n1,2\n"));
            assertThatThrownBy(() -> CsvSource.open(p, null)).isInstanceOf(DataFormatException.class)
                    .hasMessage(p + ": expected UTF-8 text, found invalid byte sequences");
        }
        Path onlyMark = write("mark.csv", BOM);
        assertThatThrownBy(() -> CsvSource.open(onlyMark, null)).hasMessage(
                onlyMark + ": expected a header or data rows, found an empty file");
        CsvSource tiny = CsvSource.open(write("tiny.csv", utf8("7\n")), false);
        assertThat(tiny.start).isZero();
        assertThat(tiny.columns).isEqualTo(1);
        assertThat(tiny.names()).containsExactly("column1");
        assertThat(tiny.firstDataLine).isEqualTo(1);
    }

    @Test
    void theAverageLineLengthComesFromThePrefix() {
        assertThat(CsvSource.of("t", "a,b\n1,2\n3,4\n", null).bytesPerLine).isEqualTo(4.0);
        assertThat(CsvSource.of("t", "a,bb\n10,2\n", null).bytesPerLine).isEqualTo(5.0);
        assertThat(CsvSource.of("t", "a,b\n1,2", null).bytesPerLine).isEqualTo(7.0); // one line break
        assertThat(CsvSource.of("t", "1\n2\n", false).bytesPerLine).isEqualTo(2.0);
        assertThat(CsvSource.of("t", "a,b\n", null).firstDataLine).isEqualTo(-1);
    }

    /**
     * 3,000 rows of about 25 bytes: the prefix is the first 64 KiB cut after a line break, and
     * the separator, header and columns come from its first lines; the first data line is 2.
     */
    @Test
    void aLargeFileIsDescribedFromItsPrefix() throws Exception {
        StringBuilder s = new StringBuilder("x\ty\tname\n");
        for (int i = 0; i < 3000; i++) {
            s.append(i).append('\t').append(i * 0.5).append("\tname number ").append(i).append('\n');
        }
        CsvSource src = CsvSource.open(write("big.tsv", utf8(s.toString())), null);
        assertThat(src.sep).isEqualTo((byte) '\t');
        assertThat(src.header).containsExactly("x", "y", "name");
        assertThat(src.columns).isEqualTo(3);
        assertThat(src.firstDataLine).isEqualTo(2);
        assertThat(src.bytesPerLine).isBetween(25.0, 32.0);
        assertThat(src.size).isEqualTo(s.length());
    }

    /**
     * The first 64 lines end inside a quoted field that spans lines: they do not split into
     * records, so the whole prefix is split instead, and the columns still come out right.
     */
    @Test
    void aQuotedFieldAcrossTheFirstLinesFallsBackToTheWholePrefix() throws Exception {
        StringBuilder s = new StringBuilder("id,note,value\n");
        for (int i = 0; i < 60; i++) {
            s.append(i).append(",plain,").append(i).append('\n');
        }
        s.append("60,\"a note\n");
        for (int i = 0; i < 10; i++) {
            s.append("that runs on, line ").append(i).append('\n');
        }
        s.append("\",60\n");
        for (int i = 61; i < 5000; i++) {
            s.append(i).append(",plain,").append(i).append('\n');
        }
        CsvSource src = CsvSource.open(write("quoted.csv", utf8(s.toString())), null);
        assertThat(src.header).containsExactly("id", "note", "value");
        assertThat(src.sep).isEqualTo((byte) ',');
        assertThat(src.columns).isEqualTo(3);
    }

    /**
     * A header longer than the 64 KiB prefix, with a two-byte character across the cut: all its
     * columns count, not only those in the prefix. With rows of 2,000 columns the next prefix
     * (1 MiB) holds the header and a few rows.
     */
    @Test
    void aFirstLineLongerThanThePrefixIsReadWhole() throws Exception {
        // "ppp…p" (65,534 bytes), ";", then "été": its first byte is the prefix's last
        StringBuilder h = new StringBuilder("p".repeat(65_534)).append(";\u00e9t\u00e9");
        for (int j = 2; j < 2000; j++) {
            h.append(";c").append(j);
        }
        assertThat(utf8(h.substring(0, 65_535)).length).isEqualTo(65_535);
        String row = "1" + ";2".repeat(1998); // and a label, 0 or 1
        for (String name : new String[] {"wide.csv", "header-only.csv"}) {
            String body = name.equals("wide.csv") ? row + ";0\n" + row + ";1\n" + row + ";0\n" : "";
            CsvSource src = CsvSource.open(write(name, utf8(h + "\n" + body)), null);
            assertThat(src.columns).isEqualTo(2000);
            assertThat(src.sep).isEqualTo((byte) ';');
            assertThat(src.header.get(1)).isEqualTo("\u00e9t\u00e9");
            assertThat(src.header.get(1999)).isEqualTo("c1999");
            assertThat(src.wholePrefix).isTrue();
            assertThat(src.firstDataLine).isEqualTo(body.isEmpty() ? -1 : 2);
        }
        // the table reads: every row has the header's 2,000 fields
        Path wide = dir.resolve("wide.csv");
        TableReader t = TableReader.read(wide, new TableOptions(), new LoadOptions(), n -> { });
        assertThat(t.dataset(t.fit(null), n -> { }).x().shape()).containsExactly(3, 1999);
        Path headerOnly = dir.resolve("header-only.csv");
        assertThatThrownBy(() -> TableReader.read(headerOnly, new TableOptions(), new LoadOptions(), n -> { }))
                .hasMessage(headerOnly + ": expected data rows after the header, found only the header (line 1)");
    }

    @Test
    void prefixCuttingHelpers() {
        assertThat(CsvSource.firstLines("a\nb\nc\n", 2)).isEqualTo("a\nb\n");
        assertThat(CsvSource.firstLines("a\nb\nc\n", 3)).isEqualTo("a\nb\nc\n");
        assertThat(CsvSource.firstLines("a\nb\nc", 3)).isEqualTo("a\nb\nc");
        assertThat(CsvSource.firstLines("a\nb\nc", 9)).isEqualTo("a\nb\nc");
        assertThat(CsvSource.firstLines("abc", 1)).isEqualTo("abc");
        assertThat(CsvSource.firstLines("\n\nx", 1)).isEqualTo("\n");
        byte[] b = utf8("ab\ncd\nef");
        assertThat(CsvSource.lastLineBreak(b, b.length)).isEqualTo(6);
        assertThat(CsvSource.lastLineBreak(b, 6)).isEqualTo(6);
        assertThat(CsvSource.lastLineBreak(b, 5)).isEqualTo(3);
        assertThat(CsvSource.lastLineBreak(b, 2)).isZero();
        CsvSource src = CsvSource.of("t", "a,b\n1,2\n", null);
        assertThat(src.bytes(5, 10)).containsExactly(utf8(",2\n"));
        assertThat(src.bytes(8, 10)).isEmpty();
    }

    @Test
    void filesAreReadAtAnyOffset() throws Exception {
        byte[] text = utf8("h1,h2\n" + "1,2\n".repeat(20_000));
        CsvSource src = CsvSource.open(write("r.csv", text), null);
        byte[] got = new byte[10];
        src.read(70_000, got, 0, 10);
        assertThat(got).containsExactly(java.util.Arrays.copyOfRange(text, 70_000, 70_010));
        assertThat(src.bytes(text.length - 3, 100)).containsExactly(utf8(",2\n"));
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> CsvSource.open(missing, null)).hasMessage(missing + ": expected a readable file, found none");
    }

    @Test
    void linesEndedByCarriageReturnsAloneAreRefused() throws Exception {
        Path mac = write("mac.csv", utf8("a,b,y\r1,2,0\r3,4,1\r"));
        assertThatThrownBy(() -> CsvSource.open(mac, null)).isInstanceOf(DataFormatException.class)
                .hasMessage(mac + ": expected lines ending in LF or CRLF, found CR alone; convert the line ends,"
                        + " e.g. tr '\\r' '\\n' < FILE > NEW");
        assertThat(CsvSource.open(write("dos.csv", utf8("a,b,y\r\n1,2,0\r\n")), null).header).containsExactly("a", "b", "y");
        // a carriage return inside a quoted field, in a file of LF lines
        assertThat(CsvSource.open(write("quoted.csv", utf8("a,\"b\rc\",y\n1,2,0\n")), null).columns).isEqualTo(3);
        assertThat(CsvSource.open(write("oneline.csv", utf8("1,2,3")), false).columns).isEqualTo(3);
    }

    /** A spreadsheet's "Unicode text" export is UTF-16 with a byte-order mark: named as such. */
    @Test
    void utf16IsNamedAsSuch() throws Exception {
        byte[] le = "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_16LE);
        Path little = write("le.txt", new byte[] {(byte) 0xFF, (byte) 0xFE}, le);
        assertThatThrownBy(() -> CsvSource.open(little, null)).isInstanceOf(DataFormatException.class).hasMessage(
                little + ": expected UTF-8 text, found UTF-16 (it starts with the byte-order mark FF FE); save the file as UTF-8");
        Path big = write("be.txt", "\uFEFFa\tb\n".getBytes(StandardCharsets.UTF_16BE));
        assertThatThrownBy(() -> CsvSource.open(big, null)).hasMessageContaining("found UTF-16 (it starts with the byte-order mark FE FF)");
        // one byte of such a mark is not one
        assertThatThrownBy(() -> CsvSource.open(write("ff.csv", new byte[] {(byte) 0xFF, 'a', '\n'}), null))
                .hasMessageEndingWith(": expected UTF-8 text, found invalid byte sequences");
    }
}
