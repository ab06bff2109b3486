package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    }

    @Test
    void printsOneRowPerThreadCountWithTheJitTimeWhileTiming() {
        CliRun.Result r = CliRun.run("bench", "kernels", "-m", "8", "-k", "16", "-n", "16", "--seconds", "0.02",
                "--kernels", "scalar", "--threads", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("float32 products 8x16x16 (0.0 MFLOP each)");
        assertThat(r.out().lines()).anyMatch(l -> l.matches(String.format(ROW, "scalar")));
        assertThat(r.number("scalar\\s+1\\s+(\\d+\\.\\d) GF")).isPositive();
    }

    @Test
    void separateProcessesGiveEveryRunAndTheSpreadOfEachFigure() {
        CliRun.Result r = CliRun.run("bench", "kernels", "-m", "8", "-k", "16", "-n", "16", "--seconds", "0.02",
                "--kernels", "scalar", "--threads", "1", "--runs", "2");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).filteredOn(l -> l.matches("run [12]: " + String.format(ROW, "scalar"))).hasSize(2);
        assertThat(r.out()).contains("2 processes, GFLOP/s min / median / max:");
        String spread = "(\\d+\\.\\d)/(\\d+\\.\\d)/(\\d+\\.\\d)";
        assertThat(r.out().lines()).anyMatch(l -> l.matches("scalar\\s+1\\s+" + spread + "\\s+" + spread + "\\s+" + spread));
    }
}
