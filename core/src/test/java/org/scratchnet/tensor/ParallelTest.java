package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The worker pool covers every index exactly once, passes failures on, and survives reuse. */
class ParallelTest {
    @Test
    void everyRowRunsExactlyOnceAcrossManyCalls() {
        int saved = Engine.threads();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                Engine.setThreads(threads);
                for (int rows : new int[] {1, 8, 63, 64, 1000, 4099}) {
                    AtomicIntegerArray hits = new AtomicIntegerArray(rows);
                    for (int rep = 0; rep < 50; rep++) {
                        Parallel.forRows(rows, Long.MAX_VALUE, (from, to) -> {
                            assertThat(from % 8).isZero();
                            for (int i = from; i < to; i++) {
                                hits.incrementAndGet(i);
                            }
                        });
                    }
                    for (int i = 0; i < rows; i++) {
                        assertThat(hits.get(i)).as("row %d of %d, %d threads", i, rows, threads).isEqualTo(50);
                    }
                }
            }
        } finally {
            Engine.setThreads(saved);
        }
    }

    @Test
    void aFailureInAnyChunkReachesTheCaller() {
        int saved = Engine.threads();
        try {
            Engine.setThreads(2);
            assertThatThrownBy(() -> Parallel.forRange(10_000, Long.MAX_VALUE, (from, to) -> {
                if (from > 0) {
                    throw new IllegalStateException("chunk " + from);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("chunk ");
            // the pool still works afterwards
            int[] sum = new int[1];
            Parallel.forRange(128, 0, (from, to) -> sum[0] += to - from);
            assertThat(sum[0]).isEqualTo(128);
        } finally {
            Engine.setThreads(saved);
        }
    }
}
