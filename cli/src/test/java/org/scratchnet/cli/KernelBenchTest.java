package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** bench kernels: its timing loop, its rows (with the JIT's compile time while timing) and the table over processes. */
class KernelBenchTest {
    private static final String ROW = "%s\\s+1\\s+(\\d+\\.\\d) GF\\s+(\\d+\\.\\d) GF\\s+(\\d+\\.\\d) GF\\s+JIT \\d+ ms";

    @Test
    void runUntilCountsRepetitionsUntilTheClockPassesTheEnd() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        long[] done = KernelBench.runUntil(runs::incrementAndGet, () -> clock.addAndGet(10), 25);
        assertThat(runs.get()).isEqualTo(3);
        assertThat(done).containsExactly(3, 30);
        // an end already passed still runs the product once, so a rate is never 0/0
        done = KernelBench.runUntil(runs::incrementAndGet, () -> clock.addAndGet(10), 0);
        assertThat(done).containsExactly(1, 40);
        assertThat(runs.get()).isEqualTo(4);
        // a clock landing exactly on the end stops there
        done = KernelBench.runUntil(runs::incrementAndGet, () -> clock.addAndGet(10), 60);
        assertThat(done).containsExactly(2, 60);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(KernelRuns.median(new double[] {1, 2, 7})).isEqualTo(2);
        assertThat(KernelRuns.median(new double[] {1, 2, 4, 7})).isEqualTo(3);
        assertThat(KernelRuns.median(new double[] {5})).isEqualTo(5);
    }

    @Test
    void printsOneRowPerThreadCountWithTheJitTimeWhileTiming() {
        CliRun.Result r = CliRun.run("bench", "kernels", "-m", "8", "-k", "16", "-n", "16", "--seconds", "0.02",
                "--kernels", "scalar", "--threads", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("float32 products 8x16x16 (0.0 MFLOP each)");
        Matcher row = Pattern.compile(String.format(ROW, "scalar")).matcher(r.out());
        assertThat(row.find()).isTrue();
        // GFLOP/s of a 4,096-flop product on one thread: a rate, not its inverse or a product of its parts
        for (int c = 1; c <= 3; c++) {
            assertThat(Double.parseDouble(row.group(c))).isBetween(0.01, 1e4);
        }
    }

    @Test
    void separateProcessesGiveEveryRunAndTheSpreadOfEachFigure() {
        CliRun.Result r = CliRun.run("bench", "kernels", "-m", "8", "-k", "16", "-n", "16", "--seconds", "0.02",
                "--kernels", "scalar", "--threads", "1", "--runs", "2");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).filteredOn(l -> l.matches("run [12]: " + String.format(ROW, "scalar"))).hasSize(2);
        assertThat(r.out()).contains("2 processes, GFLOP/s min / median / max:");
        String spread = "(\\d+\\.\\d)/(\\d+\\.\\d)/(\\d+\\.\\d)";
        Matcher each = Pattern.compile("run [12]: " + String.format(ROW, "scalar")).matcher(r.out());
        List<double[]> runs = new ArrayList<>();
        while (each.find()) {
            runs.add(new double[] {Double.parseDouble(each.group(1)), Double.parseDouble(each.group(2)),
                Double.parseDouble(each.group(3))});
        }
        Matcher table = Pattern.compile(
                "\\nscalar\\s+1\\s+" + spread + "\\s+" + spread + "\\s+" + spread).matcher(r.out());
        assertThat(table.find()).isTrue();
        for (int c = 0; c < 3; c++) {
            double lo = Math.min(runs.get(0)[c], runs.get(1)[c]), hi = Math.max(runs.get(0)[c], runs.get(1)[c]);
            assertThat(Double.parseDouble(table.group(3 * c + 1))).isEqualTo(lo);
            assertThat(Double.parseDouble(table.group(3 * c + 2))).isCloseTo((lo + hi) / 2, offset(0.051));
            assertThat(Double.parseDouble(table.group(3 * c + 3))).isEqualTo(hi);
        }
    }
}
