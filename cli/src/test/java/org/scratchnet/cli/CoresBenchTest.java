package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;

/** bench cores: one line with a plausible round trip, whose rounds are sorted and all measured. */
class CoresBenchTest {
    @Test
    void printsTheMedianRoundTripBetweenTwoThreads() {
        assumeThat(Runtime.getRuntime().availableProcessors()).isGreaterThan(1);
        CliRun.Result r = CliRun.run("bench", "cores", "--seconds", "0.05");
        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("core-to-core round trip: \\d+ ns \\(min \\d+, max \\d+ over 9 rounds\\)\\R");
        double median = r.number("trip: (\\d+) ns");
        // a cache line cannot travel there and back in under a nanosecond, and a spinning partner
        // answers well within a millisecond unless its core was taken away for the whole run
        assertThat(median).isBetween(1.0, 1e6);
        assertThat(r.number("min (\\d+)")).isLessThanOrEqualTo(median);
        assertThat(r.number("max (\\d+)")).isGreaterThanOrEqualTo(median);
    }

    @Test
    void roundsAreSortedAndPositive() {
        assumeThat(Runtime.getRuntime().availableProcessors()).isGreaterThan(1);
        double[] r = CoresBench.roundTrips(0.03, 5);
        assertThat(r).hasSize(5);
        for (int i = 0; i < r.length; i++) {
            assertThat(r[i]).isPositive().isFinite();
            if (i > 0) {
                assertThat(r[i]).isGreaterThanOrEqualTo(r[i - 1]);
            }
        }
        assertThat(CoresBench.medianNanos(0.02)).isPositive();
    }
}
