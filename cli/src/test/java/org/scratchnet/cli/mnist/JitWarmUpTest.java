package org.scratchnet.cli.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.EpochStats;
import org.scratchnet.train.TrainContext;
import org.scratchnet.train.TrainingListener;

class JitWarmUpTest {
    /** A compilation clock that returns the given totals in turn (the last one from then on). */
    static LongSupplier clock(long... totals) {
        int[] at = {0};
        return () -> totals[Math.min(at[0]++, totals.length - 1)];
    }

    @Test
    void stopsAfterTwoChunksInARowThatCompiledLessThanTheLimit() {
        List<Integer> ran = new ArrayList<>();
        // chunk 0 adds 100 ms, chunk 1 exactly 10 (not quiet), chunk 2 adds 9, chunk 3 adds 0
        JitWarmUp.Result r = JitWarmUp.untilQuiet(ran::add, clock(0, 100, 110, 119, 119), () -> false, 40, 8, 10);
        assertThat(ran).containsExactly(0, 1, 2, 3);
        assertThat(r.chunks()).isEqualTo(4);
        assertThat(r.quiet()).isTrue();
        assertThat(r.blind()).isFalse();
        assertThat(r.reason()).isEqualTo("until the JIT compiled for less than 10 ms and had nothing left for its optimizing compiler, 2 chunks in a row");
    }

    @Test
    void aBusyChunkAfterAQuietOneStartsTheCountAgain() {
        List<Integer> ran = new ArrayList<>();
        // quiet, busy (the gather reaches the optimizing compiler), quiet, quiet
        JitWarmUp.Result r = JitWarmUp.untilQuiet(ran::add, clock(0, 100, 105, 200, 205, 209, 300), () -> false, 40, 8, 10);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.quiet()).isTrue();
    }

    @Test
    void aJitThatNeverGoesQuietStopsAtTheCap() {
        long[] total = {0};
        List<Integer> ran = new ArrayList<>();
        JitWarmUp.Result r = JitWarmUp.untilQuiet(ran::add, () -> total[0] += 20, () -> false, 5, 8, 10);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.quiet()).isFalse();
        assertThat(r.blind()).isFalse();
        assertThat(r.reason()).isEqualTo("then stopped with the JIT still compiling");
    }

    @Test
    void aJvmWithoutCompilationTimeRunsTheFixedNumber() {
        List<Integer> ran = new ArrayList<>();
        JitWarmUp.Result r = JitWarmUp.untilQuiet(ran::add, () -> -1, () -> false, 40, 3, 10);
        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(r.blind()).isTrue();
        assertThat(r.quiet()).isFalse();
        assertThat(r.reason()).startsWith("a fixed number");
    }

    @Test
    void aChunkThatEndsWithACompilationUnderWayIsNotQuiet() {
        List<Integer> ran = new ArrayList<>();
        // the clock stands still from chunk 1 on, but a long compilation is under way after chunk 1
        JitWarmUp.Result r = JitWarmUp.untilQuiet(ran::add, clock(0, 100, 100, 100, 100),
                () -> ran.size() == 2, 40, 8, 10);
        assertThat(ran).containsExactly(0, 1, 2, 3);
        assertThat(r.quiet()).isTrue();
    }

    @Test
    void theCompilerQueueListingIsBusyWhenItNamesAMethod() {
        String idle = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n\n";
        assertThat(JitWarmUp.busy(idle)).isFalse();
        assertThat(JitWarmUp.busy("Current compiles: \nC2 CompilerThread0  1362       4       java.util.HashMap::put (13 bytes)\n"
                + "\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n")).isTrue();
        assertThat(JitWarmUp.busy("Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\n"
                + "1344       4       java.lang.StringBuilder::toString (35 bytes)\n")).isTrue();
        // the quick compiler at work, on a thread or in its queue, is not counted
        assertThat(JitWarmUp.busy("Current compiles: \nC1 CompilerThread0  1690       3       java.util.Formatter$Flags::contains (22 bytes)\n"
                + "\nC1 compile queue:\n1691       3       java.util.stream.StreamOpFlag::fromCharacteristics (37 bytes)\n"
                + "\nC2 compile queue:\nEmpty\n")).isFalse();
    }

    @Test
    void thisJvmListsItsCompilerQueue() {
        // HotSpot has the command; without an answer every chunk would look idle to the queue test
        assertThat(JitWarmUp.compilerQueue()).contains("Current compiles:", "C2 compile queue:");
    }

    @Test
    void thisJvmReportsItsCompilationTime() {
        // HotSpot reports it, and a JVM that has run the test framework has compiled something
        assertThat(JitWarmUp.compileMillis()).isPositive();
    }

    @Test
    void aChunkIsFiftyBatchesAndAHalfOrTheWholeSmallerSet() {
        assertThat(JitWarmUp.chunkRows(60000)).isEqualTo(50 * 64 + 32);
        assertThat(JitWarmUp.chunkRows(3232)).isEqualTo(3232);
        assertThat(JitWarmUp.chunkRows(2000)).isEqualTo(2000);
        // a smaller set trains as many epochs as a chunk's 51 steps need
        assertThat(JitWarmUp.chunkEpochs(60000)).isEqualTo(1);
        assertThat(JitWarmUp.chunkSteps(60000)).isEqualTo(51);
        assertThat(JitWarmUp.chunkEpochs(3232)).isEqualTo(1);
        assertThat(JitWarmUp.chunkEpochs(3200)).isEqualTo(2); // 50 steps: one short of a chunk
        assertThat(JitWarmUp.chunkSteps(3200)).isEqualTo(100);
        assertThat(JitWarmUp.chunkEpochs(2000)).isEqualTo(2);
        assertThat(JitWarmUp.chunkSteps(2000)).isEqualTo(64);
        assertThat(JitWarmUp.chunkEpochs(100)).isEqualTo(26);
        assertThat(JitWarmUp.chunkSteps(100)).isEqualTo(52);
        assertThat(JitWarmUp.chunkSteps(1)).isEqualTo(51);
    }

    @Test
    void slicesMoveThroughTheWholeSetAndStayInside() {
        int rows = 3232, size = 60000;
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < JitWarmUp.MAX_CHUNKS; i++) {
            int from = JitWarmUp.sliceStart(i, rows, size);
            assertThat(from).isBetween(0, size - rows);
            starts.add(from);
        }
        assertThat(starts).startsWith(0, 3232, 6464).doesNotHaveDuplicates();
        assertThat(starts.stream().mapToInt(Integer::intValue).max().getAsInt()).isGreaterThan(size / 2);
        assertThat(JitWarmUp.sliceStart(7, 100, 100)).isZero();
        assertThat(JitWarmUp.sliceStart(7, 100, 60)).isZero();
        assertThat(JitWarmUp.sliceStart(1, 100, 101)).isEqualTo(100 % 2);
    }

    @Test
    void trainsTheRealNetworkOnAFewRows() {
        int n = 150; // fewer rows than a chunk: every chunk trains 17 epochs of 2 full batches and 22 rows
        float[] x = new float[n * 784], y = new float[n * 10];
        for (int i = 0; i < n; i++) {
            x[i * 784 + i % 784] = 1f;
            y[i * 10 + i % 10] = 1f;
        }
        List<Integer> epochEnds = new ArrayList<>();
        JitWarmUp.Result r = JitWarmUp.training(new Dataset(Tensor.of(x, n, 784), Tensor.of(y, n, 10)), 42,
                () -> new TrainingListener() {
                    @Override
                    public void onEpochEnd(TrainContext ctx, EpochStats s) {
                        epochEnds.add(s.epoch());
                    }
                });
        assertThat(r.chunks()).isBetween(1, JitWarmUp.MAX_CHUNKS);
        // a new listener (and model) each chunk: every chunk's epochs count from 1
        assertThat(epochEnds).hasSize(r.chunks() * 17);
        assertThat(epochEnds.subList(epochEnds.size() - 17, epochEnds.size())).first().isEqualTo(1);
        assertThat(r.blind()).isFalse();
    }
}
