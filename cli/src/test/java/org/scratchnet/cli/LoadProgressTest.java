package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The loading progress: silent at first, then a plain line per 10% (or a bar redrawn in place on a terminal). */
class LoadProgressTest {
    /** 100 MB in 20 updates of 5 MB, 10,000 rows each, with a clock that advances 0.5 s per reading. */
    private static String run(boolean terminal) {
        StringWriter sw = new StringWriter();
        AtomicLong now = new AtomicLong();
        LoadProgress p = new LoadProgress(new PrintWriter(sw, true), terminal, () -> now.addAndGet(500_000_000L), "big.csv");
        for (int i = 1; i <= 20; i++) {
            p.update(i * 5_000_000L, 100_000_000L, i * 10_000L);
        }
        p.done();
        return sw.toString();
    }

    @Test
    void notATerminalGivesAPlainLinePerTenPercentOnceTwoSecondsHavePassed() {
        String out = run(false);
        assertThat(out).doesNotContain("\r");
        // the clock reads 0.5 s at the start, then 1.0, 1.5, ...: the 4th update (20 MB) is the first 2 s in
        assertThat(out.lines()).hasSize(9).first().asString().startsWith("loading:  20% big.csv, 40k rows, ");
        assertThat(out.lines().reduce((a, b) -> b).orElseThrow())
                .matches("loading: 100% big\\.csv, 200k rows, \\d+ MB/s, ETA 0:00");
        // 100 MB in the 10 s between the first reading and the last
        assertThat(out).contains("100% big.csv, 200k rows, 10 MB/s");
    }

    @Test
    void aTerminalGetsOneBarRedrawnInPlaceAndClearedAtTheEnd() {
        String out = run(true);
        assertThat(out).doesNotContain("\n").contains("\r[").contains("] 100% big.csv, 200k rows");
        assertThat(out).endsWith("\r");
    }
}
