package org.scratchnet.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.scratchnet.tensor.ConvTestSupport.random;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchnet.init.Rng;

/**
 * Which calls use both threads. A kernel passes {@link Parallel} an estimate of its work, and
 * only work of at least {@link Parallel#MIN_PARALLEL_FLOPS} is split: an estimate that came out
 * too small would leave a large layer on one core (half the speed, same results, so no result
 * test notices), one too large would hand tiny calls to the other core. Each case here sits
 * just above or below the line, so a wrong factor or sign in an estimate moves it across.
 * Also: the exact chunk bounds, and a parked worker waking up for its chunk.
 */
class WorkSplitTest {
    private static final long MIN = Parallel.MIN_PARALLEL_FLOPS;
    private static final ConvKernels CONV = new ScalarConvKernels();
    private int savedThreads;

    @BeforeEach
    void twoThreads() {
        savedThreads = Engine.threads();
        Engine.setThreads(2);
    }

    @AfterEach
    void restore() {
        Engine.setThreads(savedThreads);
    }

    private static long splits(Runnable call) {
        long before = Parallel.splitCalls();
        call.run();
        return Parallel.splitCalls() - before;
    }

    private static List<String> chunks(int n, boolean rows) {
        List<String> seen = new ArrayList<>();
        Parallel.RowTask task = (from, to) -> {
            synchronized (seen) {
                seen.add(from + "-" + to);
            }
        };
        if (rows) {
            Parallel.forRows(n, Long.MAX_VALUE, task);
        } else {
            Parallel.forRange(n, Long.MAX_VALUE, task);
        }
        seen.sort(null);
        return seen;
    }

    @Test
    void workAtTheThresholdSplitsAndJustBelowItDoesNot() {
        Parallel.RowTask none = (from, to) -> { };
        assertThat(splits(() -> Parallel.forRows(16, MIN, none))).isEqualTo(1);
        assertThat(splits(() -> Parallel.forRows(16, MIN - 1, none))).isZero();
        // two chunks need at least two whole grains: 8 rows, 64 elements
        assertThat(splits(() -> Parallel.forRows(15, Long.MAX_VALUE, none))).isZero();
        assertThat(splits(() -> Parallel.forRange(128, Long.MAX_VALUE, none))).isEqualTo(1);
        assertThat(splits(() -> Parallel.forRange(127, Long.MAX_VALUE, none))).isZero();
        Engine.setThreads(1);
        assertThat(splits(() -> Parallel.forRows(1000, Long.MAX_VALUE, none))).isZero();
    }

    @Test
    void chunksAreWholeGrainsOfNearlyEqualSize() {
        assertThat(chunks(100, true)).containsExactly("0-56", "56-100");
        assertThat(chunks(17, true)).containsExactly("0-16", "16-17");
        assertThat(chunks(15, true)).containsExactly("0-15");
        assertThat(chunks(32, true)).containsExactly("0-16", "16-32");
        assertThat(chunks(256, false)).containsExactly("0-128", "128-256");
        Engine.setThreads(3);
        assertThat(chunks(1000, false)).containsExactly("0-384", "384-768", "768-1000");
        assertThat(chunks(100, true)).containsExactly("0-40", "40-80", "80-100");
    }

    /**
     * The caller's chunk waits until the other chunk has run, so the worker must run it: after
     * a pause long enough for the worker to park, posting the chunk has to wake it. The caller
     * then finds the chunk taken and must not run it a second time.
     */
    @Test
    void aParkedWorkerWakesForItsChunkAndRunsItOnce() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            Thread.sleep(20); // the worker spins 0.1 ms, then parks
            CountDownLatch other = new CountDownLatch(1);
            AtomicReference<Thread> otherThread = new AtomicReference<>();
            AtomicInteger otherRuns = new AtomicInteger();
            boolean[] waited = new boolean[1];
            Parallel.forRows(16, Long.MAX_VALUE, (from, to) -> {
                if (from == 0) {
                    waited[0] = awaitQuietly(other);
                } else {
                    otherRuns.incrementAndGet();
                    otherThread.set(Thread.currentThread());
                    other.countDown();
                }
            });
            assertThat(waited[0]).as("round %d: the worker ran its chunk while the caller waited", round).isTrue();
            assertThat(otherRuns.get()).isEqualTo(1);
            assertThat(otherThread.get().getName()).isEqualTo("scratchnet-worker-1");
            assertThat(otherThread.get().isDaemon()).as("a worker must not keep the JVM alive").isTrue();
        }
    }

    /**
     * A worker with nothing to do must not hold a core: after its spin (0.1 ms) it parks, and a
     * parked thread is WAITING. The next call still reaches it.
     */
    @Test
    void anIdleWorkerParks() throws InterruptedException {
        Parallel.forRows(16, Long.MAX_VALUE, (from, to) -> { });
        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("scratchnet-worker-1")).findFirst().orElseThrow();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (worker.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(worker.getState()).as("an idle worker parks").isEqualTo(Thread.State.WAITING);
        int[] rows = new int[2];
        Parallel.forRows(16, Long.MAX_VALUE, (from, to) -> rows[from / 8] += to - from);
        assertThat(rows).containsExactly(8, 8);
    }

    /** A chunk that fails on the worker (not one the caller took back) still fails the call. */
    @Test
    void aFailureOnTheWorkerReachesTheCaller() {
        CountDownLatch started = new CountDownLatch(1);
        assertThatThrownBy(() -> Parallel.forRows(16, Long.MAX_VALUE, (from, to) -> {
            if (from == 0) {
                assertThat(awaitQuietly(started)).isTrue();
            } else {
                started.countDown();
                throw new IllegalArgumentException("worker chunk " + from);
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("worker chunk 8");
        Error error = new AssertionError("an error, not an exception");
        assertThatThrownBy(() -> Parallel.forRows(16, Long.MAX_VALUE, (from, to) -> {
            if (from > 0) {
                throw error;
            }
        })).isInstanceOf(IllegalStateException.class).hasCause(error);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void productsSplitOnlyAboveAMegaflop() {
        // 2·m·k·n: 2·64·784·256 (summed in two parts), 2·16·128·256 = 2^20 exactly, and 2·16·128·255 below it
        assertThat(splits(() -> Ops.matmul(Tensor.zeros(64, 784), Tensor.zeros(784, 256), Tensor.zeros(64, 256)))).isEqualTo(1);
        assertThat(splits(() -> Ops.matmul(Tensor.zeros(16, 128), Tensor.zeros(128, 256), Tensor.zeros(16, 256)))).isEqualTo(1);
        assertThat(splits(() -> Ops.matmul(Tensor.zeros(16, 128), Tensor.zeros(128, 255), Tensor.zeros(16, 255)))).isZero();
        // aᵀ @ b: a (k, m), b (k, n), out (m, n): 2·128·16·256 = 2^20, then a row less of a and b
        assertThat(splits(() -> Ops.matmulTransA(Tensor.zeros(16, 128), Tensor.zeros(16, 256), Tensor.zeros(128, 256), false)))
                .isEqualTo(1);
        assertThat(splits(() -> Ops.matmulTransA(Tensor.zeros(15, 128), Tensor.zeros(15, 256), Tensor.zeros(128, 256), false)))
                .isZero();
        // a @ bᵀ: a (m, k), b (n, k), out (m, n): 2·16·256·128 = 2^20, then one column less
        assertThat(splits(() -> Ops.matmulTransB(Tensor.zeros(16, 256), Tensor.zeros(128, 256), Tensor.zeros(16, 128)))).isEqualTo(1);
        assertThat(splits(() -> Ops.matmulTransB(Tensor.zeros(16, 255), Tensor.zeros(128, 255), Tensor.zeros(16, 128)))).isZero();
    }

    /**
     * Runs {@code call} on two threads, then on one, returning how many of its parallel calls
     * were split; whatever it fills must come out with the same bits both times.
     */
    private static long splitsWithSameBits(String what, Supplier<float[][]> call) {
        long before = Parallel.splitCalls();
        float[][] two = call.get();
        long split = Parallel.splitCalls() - before;
        Engine.setThreads(1);
        float[][] one = call.get();
        Engine.setThreads(2);
        for (int a = 0; a < one.length; a++) {
            assertThat(two[a]).as("%s, output %d: two threads against one", what, a).isEqualTo(one[a]);
        }
        return split;
    }

    @Test
    void poolsSplitByTheirWindowsAndPlanes() {
        Rng rng = new Rng(5);
        // 8 channels of 28x28 in 2x2 windows: a plane has 784 inputs and 196 outputs
        ConvGeometry g = ConvGeometry.square(8, 28, 28, 2, 2, 0);
        int in = g.inPlane(), out = g.outPlane();
        // forward: N·C·out·kH·kW = 6272·N, split from N = 168 (1,053,696) on, not at 167 (1,047,424)
        for (int n : new int[] {168, 167}) {
            long expected = n == 168 ? 1 : 0;
            float[] x = random(rng, n * 8 * in), dy = random(rng, n * 8 * out);
            assertThat(splitsWithSameBits("max pool", () -> {
                float[] y = new float[dy.length];
                int[] arg = new int[y.length];
                PoolKernels.maxPool(CONV, x, n, g, y, arg);
                return new float[][] {y, toFloats(arg)};
            })).as("max pool, N=%d", n).isEqualTo(expected);
            assertThat(splitsWithSameBits("average pool", () -> {
                float[] y = new float[dy.length];
                PoolKernels.avgPool(CONV, x, n, g, true, y);
                return new float[][] {y};
            })).as("average pool, N=%d", n).isEqualTo(expected);
            assertThat(splitsWithSameBits("average pool backward", () -> {
                float[] dx = new float[x.length];
                PoolKernels.avgPoolBackward(CONV, dy, n, g, true, dx);
                return new float[][] {dx};
            })).as("average pool backward, N=%d", n).isEqualTo(expected);
        }
        // max pool backward: N·C·(in + out) = 7840·N, split from N = 134 (1,050,560) on, not at 133
        for (int n : new int[] {134, 133}) {
            float[] x = random(rng, n * 8 * in), dy = random(rng, n * 8 * out);
            int[] arg = new int[dy.length];
            PoolKernels.maxPool(CONV, x, n, g, new float[dy.length], arg);
            assertThat(splitsWithSameBits("max pool backward", () -> {
                float[] dx = random(rng, x.length); // overwritten, not added to
                PoolKernels.maxPoolBackward(CONV, dy, arg, n, g, dx);
                return new float[][] {dx};
            })).as("max pool backward, N=%d", n).isEqualTo(n == 134 ? 1 : 0);
        }
        // global average: planes·pixels, 2^20 = 1024 planes of 1024 pixels, then one pixel less
        for (int plane : new int[] {1024, 1023}) {
            float[] x = random(rng, 1024 * plane), dy = random(rng, 1024);
            long expected = plane == 1024 ? 1 : 0;
            assertThat(splitsWithSameBits("global average pool", () -> {
                float[] y = new float[1024];
                PoolKernels.globalAvgPool(CONV, x, 1024, plane, y);
                return new float[][] {y};
            })).isEqualTo(expected);
            assertThat(splitsWithSameBits("global average pool backward", () -> {
                float[] dx = new float[x.length];
                PoolKernels.globalAvgPoolBackward(dy, 1024, plane, dx);
                return new float[][] {dx};
            })).isEqualTo(expected);
        }
    }

    private static float[] toFloats(int[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = a[i];
        }
        return f;
    }

    /**
     * A convolution's forward pass makes three parallel calls (patches, product, transpose) and
     * its backward pass up to five (transpose, bias, weight gradient, input gradient, col2im).
     * With 4 channels of 28x28 in 3x3 windows, pad 1: P = 784 pixels, Q = 36 weights per filter.
     * Patches and col2im cost N·P·Q, the transposes and the bias N·P·O; 2^20 lies between
     * 37·784·36 = 1,044,288 and 38·784·36 = 1,072,512.
     */
    @Test
    void aConvolutionSplitsEachOfItsSteps() {
        ConvGeometry g = ConvGeometry.square(4, 28, 28, 3, 1, 1);
        assertThat(convSplits(g, 38, 36, true)).containsExactly(3L, 5L);
        // the first layer's backward pass: no input gradient, so no second product and no col2im
        assertThat(convSplits(g, 38, 36, false)).containsExactly(3L, 3L);
        // N·P·Q just below: the patches and col2im stay on one thread
        assertThat(convSplits(g, 37, 37, true)).containsExactly(2L, 4L);
        // N·P·O just below: the transposes and the bias stay on one thread
        assertThat(convSplits(g, 38, 34, true)).containsExactly(2L, 3L);
    }

    private static List<Long> convSplits(ConvGeometry g, int n, int filters, boolean inputGradient) {
        Rng rng = new Rng(n * 100 + filters);
        Conv2dKernel k = new Conv2dKernel(g, filters, new ScalarKernels(), CONV);
        float[] x = random(rng, n * g.c * g.inPlane()), w = random(rng, filters * g.patch());
        float[] b = random(rng, filters), dy = random(rng, n * filters * g.outPlane());
        long forward = splitsWithSameBits("conv forward", () -> {
            float[] y = new float[dy.length];
            k.forward(x, n, w, b, y);
            return new float[][] {y};
        });
        // backward reads the patches the last forward pass kept, and changes neither them nor w
        long backward = splitsWithSameBits("conv backward", () -> {
            float[] dW = random(new Rng(1), w.length), dB = random(new Rng(2), filters); // overwritten
            float[] dX = inputGradient ? random(new Rng(3), x.length) : new float[0];
            k.backward(dy, n, w, dW, dB, inputGradient ? dX : null, false);
            return new float[][] {dW, dB, dX};
        });
        return List.of(forward, backward);
    }
}
