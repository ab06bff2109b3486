package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The worker pool covers every index exactly once, passes failures on, survives reuse, and
 * stays correct when a parallel task itself calls a parallel kernel.
 */
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

    /**
     * A chunk that makes a parallel call of its own (a convolution splitting images and running
     * a product per image) must not re-post to the workers that are busy with the outer call:
     * every inner and outer index is covered exactly once, for the caller's chunk and the
     * workers' chunks alike. The timeout turns a lost hand-off (a hang) into a failure.
     */
    @Test
    void nestedCallsCoverEveryIndexExactlyOnce() {
        int saved = Engine.threads();
        try {
            for (int threads : new int[] {2, 3}) {
                Engine.setThreads(threads);
                int outer = 64, inner = 4096;
                AtomicIntegerArray outerHits = new AtomicIntegerArray(outer);
                AtomicIntegerArray innerHits = new AtomicIntegerArray(outer * inner);
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    for (int rep = 0; rep < 20; rep++) {
                        Parallel.forRows(outer, Long.MAX_VALUE, (from, to) -> {
                            for (int o = from; o < to; o++) {
                                outerHits.incrementAndGet(o);
                                int base = o * inner;
                                Parallel.forRange(inner, Long.MAX_VALUE, (f, t) -> {
                                    for (int i = f; i < t; i++) {
                                        innerHits.incrementAndGet(base + i);
                                    }
                                });
                            }
                        });
                    }
                });
                for (int o = 0; o < outer; o++) {
                    assertThat(outerHits.get(o)).as("outer row %d, %d threads", o, threads).isEqualTo(20);
                }
                for (int i = 0; i < outer * inner; i++) {
                    assertThat(innerHits.get(i)).as("inner index %d, %d threads", i, threads).isEqualTo(20);
                }
            }
        } finally {
            Engine.setThreads(saved);
        }
    }
}
