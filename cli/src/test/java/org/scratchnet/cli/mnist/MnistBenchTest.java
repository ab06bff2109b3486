package org.scratchnet.cli.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.scratchnet.train.EpochStats;

class MnistBenchTest {
    @Test
    void eachEpochLineHasItsSecondsRateLossCpuAndJitTime() {
        StringWriter text = new StringWriter();
        MnistBench.EpochLines lines = new MnistBench.EpochLines(new PrintWriter(text), 49.1);
        lines.onEpochEnd(null, new EpochStats(1, 938, 0.2249, 0.93, Double.NaN, Double.NaN, 0.4));
        lines.onEpochEnd(null, new EpochStats(2, 1876, 0.0931, 0.97, Double.NaN, Double.NaN, 0.5));
        assertThat(lines.seconds).containsExactly(0.4, 0.5);
        String[] out = text.toString().split("\n");
        assertThat(out).hasSize(2);
        // 49.1 GFLOP in 0.4 s; CPU seconds and JIT milliseconds since the line before (or the start)
        assertThat(out[0]).matches("epoch 1: 0\\.400 s, 122\\.8 GFLOP/s, train loss 0\\.2249 \\(process CPU \\d+\\.\\d\\d s, JIT \\d+ ms\\)");
        assertThat(out[1]).matches("epoch 2: 0\\.500 s, 98\\.2 GFLOP/s, train loss 0\\.0931 \\(process CPU \\d+\\.\\d\\d s, JIT \\d+ ms\\)");
    }
}
