package org.scratchnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Joining ranges into one table: growth past the row estimate, the row limit, errors past it, label codes. */
class TableBuilderTest {
    private static final byte[] MODES = {ChunkParser.HYBRID, ChunkParser.SKIP, ChunkParser.LABEL};

    private static ChunkParser.Chunk range(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new ChunkParser(b, 3, (byte) ',', MODES).parse(0, b.length, false, Integer.MAX_VALUE, 4);
    }

    /** Rows from..to-1 as "i,skip,cI" lines (a text cell every 7th row). */
    private static String rows(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            s.append(i % 7 == 0 ? "t" + (i % 3) : Integer.toString(i)).append(",x,c").append(i % 5).append('\n');
        }
        return s.toString();
    }

    @Test
    void rangesBeyondTheRowEstimateGrowTheTableAndKeepEveryCellAndLine() {
        CsvSource src = CsvSource.of("t.csv", "a,b,c\n" + rows(0, 10), true);
        TableBuilder t = new TableBuilder(src, MODES, Integer.MAX_VALUE, 3, 1); // room for 16: grows several times
        for (int r = 0; r < 10; r++) {
            t.append(range(rows(r * 25, r * 25 + 25)));
        }
        CsvTable table = t.build();
        assertThat(table.rows()).isEqualTo(250);
        for (int i = 0; i < 250; i++) {
            assertThat(table.line(i)).isEqualTo(2 + i); // 1 header line, then one line a row
            if (i % 7 == 0) {
                assertThat(table.text(0, i)).isEqualTo("t" + (i % 3));
            } else {
                assertThat(table.number(0, i)).isEqualTo(i);
            }
            assertThat(table.labelDicts[2][table.labelCodes[2].get(i)]).isEqualTo("c" + (i % 5));
            assertThat(table.text(2, i)).isEqualTo("c" + (i % 5));
        }
        assertThat(table.cells[1]).isNull();
        assertThat(table.dicts[0]).containsExactly("t0", "t1", "t2");
    }

    @Test
    void theRowLimitStopsTheTableAndAnErrorPastItIsNotReported() {
        CsvSource src = CsvSource.of("t.csv", "a,b,c\n" + rows(0, 10), true);
        TableBuilder t = new TableBuilder(src, MODES, 30, 100, 1);
        t.append(range(rows(0, 20)));
        assertThat(t.wantsMore()).isTrue();
        t.append(range(rows(20, 40) + "bad\n"));
        assertThat(t.wantsMore()).isFalse();
        t.append(range("more,x,c1\n"));
        CsvTable table = t.build();
        assertThat(table.rows()).isEqualTo(30);
        assertThat(table.number(0, 29)).isEqualTo(29);

        TableBuilder u = new TableBuilder(src, MODES, 50, 100, 1);
        u.append(range(rows(0, 20)));
        assertThatThrownBy(() -> u.append(range(rows(20, 40) + "bad\n"))).isInstanceOf(DataFormatException.class)
                .hasMessage("t.csv:42: expected 3 fields, found 1"); // header + 40 rows before it
    }

    @Test
    void labelCodesStopWhenARangeHasTooManyDistinctLabels() {
        CsvSource src = CsvSource.of("t.csv", "a,b,c\n" + rows(0, 10), true);
        TableBuilder t = new TableBuilder(src, MODES, Integer.MAX_VALUE, 100, 1);
        t.append(range(rows(0, 10)));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= ChunkParser.LABEL_LIMIT; i++) {
            many.append("1,x,").append(i).append('\n');
        }
        t.append(range(many.toString()));
        CsvTable table = t.build();
        assertThat(table.labelCodes[2]).isNull();
        assertThat(table.labelDicts[2]).isNull();
        assertThat(table.text(2, 3)).isEqualTo("c3");
        assertThat(table.number(2, 10 + ChunkParser.LABEL_LIMIT)).isEqualTo(ChunkParser.LABEL_LIMIT);
    }
}
