package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** The JIT's quiet test: the warm-up loop on scripted clocks and queues, and this JVM's own readings. */
class JitTest {
    /** A compilation clock that returns the given totals in turn (the last one from then on). */
    static LongSupplier clock(long... totals) {
        int[] at = {0};
        return () -> totals[Math.min(at[0]++, totals.length - 1)];
    }

    @Test
    void stopsAfterTwoChunksInARowThatCompiledLessThanTheLimit() {
        List<Integer> ran = new ArrayList<>();
        // chunk 0 adds 100 ms, chunk 1 exactly 10 (not quiet), chunk 2 adds 9, chunk 3 adds 0
        Jit.Result r = Jit.untilQuiet(ran::add, clock(0, 100, 110, 119, 119), () -> false, 40, 8, 10);
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
        Jit.Result r = Jit.untilQuiet(ran::add, clock(0, 100, 105, 200, 205, 209, 300), () -> false, 40, 8, 10);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.quiet()).isTrue();
    }

    @Test
    void aJitThatNeverGoesQuietStopsAtTheCap() {
        long[] total = {0};
        List<Integer> ran = new ArrayList<>();
        Jit.Result r = Jit.untilQuiet(ran::add, () -> total[0] += 20, () -> false, 5, 8, 10);
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.quiet()).isFalse();
        assertThat(r.blind()).isFalse();
        assertThat(r.reason()).isEqualTo("then stopped with the JIT still compiling");
    }

    @Test
    void aJvmWithoutCompilationTimeRunsTheFixedNumber() {
        List<Integer> ran = new ArrayList<>();
        Jit.Result r = Jit.untilQuiet(ran::add, () -> -1, () -> false, 40, 3, 10);
        assertThat(ran).containsExactly(0, 1, 2);
        assertThat(r.blind()).isTrue();
        assertThat(r.quiet()).isFalse();
        assertThat(r.reason()).startsWith("a fixed number");
    }

    @Test
    void aChunkThatEndsWithACompilationUnderWayIsNotQuiet() {
        List<Integer> ran = new ArrayList<>();
        // the clock stands still from chunk 1 on, but a long compilation is under way after chunk 1
        Jit.Result r = Jit.untilQuiet(ran::add, clock(0, 100, 100, 100, 100),
                () -> ran.size() == 2, 40, 8, 10);
        assertThat(ran).containsExactly(0, 1, 2, 3);
        assertThat(r.quiet()).isTrue();
    }

    @Test
    void theCompilerQueueListingIsBusyWhenItNamesAMethod() {
        String idle = "Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n\n";
        assertThat(Jit.busy(idle)).isFalse();
        assertThat(Jit.busy("Current compiles: \nC2 CompilerThread0  1362       4       java.util.HashMap::put (13 bytes)\n"
                + "\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n")).isTrue();
        assertThat(Jit.busy("Current compiles: \n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\n"
                + "1344       4       java.lang.StringBuilder::toString (35 bytes)\n")).isTrue();
        // the quick compiler at work, on a thread or in its queue, is not counted
        assertThat(Jit.busy("Current compiles: \nC1 CompilerThread0  1690       3       java.util.Formatter$Flags::contains (22 bytes)\n"
                + "\nC1 compile queue:\n1691       3       java.util.stream.StreamOpFlag::fromCharacteristics (37 bytes)\n"
                + "\nC2 compile queue:\nEmpty\n")).isFalse();
    }

    @Test
    void thisJvmListsItsCompilerQueue() {
        // HotSpot has the command; without an answer every chunk would look idle to the queue test
        assertThat(Jit.compilerQueue()).contains("Current compiles:", "C2 compile queue:");
    }

    @Test
    void thisJvmReportsItsCompilationTime() {
        // HotSpot reports it, and a JVM that has run the test framework has compiled something
        assertThat(Jit.compileMillis()).isPositive();
    }
}
