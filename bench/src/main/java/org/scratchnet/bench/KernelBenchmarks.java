package org.scratchnet.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Engine;
import org.scratchnet.tensor.Kernels;

/**
 * One training step's kernels for 784 → 256 ReLU → 10 at batch 64, single-threaded, for the
 * scalar and vector implementations. Microseconds per call; divide the FLOP counts in the
 * method comments by the time for GFLOP/s.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar KernelBenchmarks
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC"})
public class KernelBenchmarks {
    static final int N = 64, D = 784, H = 256, K = 10;

    @Param({"vector", "scalar"})
    public String kernels;

    private Kernels kern;
    private float[] x, w1, z1, dZ1, dW1, a1, w2, z2, dZ2, dW2, dA1, m, v;

    @Setup
    public void setUp() {
        kern = Engine.useKernels(kernels);
        Rng rng = new Rng(1);
        x = random(rng, N * D);
        w1 = random(rng, D * H);
        z1 = new float[N * H];
        dZ1 = random(rng, N * H);
        dW1 = new float[D * H];
        a1 = random(rng, N * H);
        w2 = random(rng, H * K);
        z2 = new float[N * K];
        dZ2 = random(rng, N * K);
        dW2 = new float[H * K];
        dA1 = new float[N * H];
        m = new float[D * H];
        v = new float[D * H];
    }

    private static float[] random(Rng rng, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rng.nextGaussian() * 0.1f;
        }
        return a;
    }

    /** x (64,784) @ w1 (784,256): 25.7 MFLOP. */
    @Benchmark
    public float[] forwardLayer1() {
        kern.matmul(x, w1, z1, N, D, H, false, 0, N);
        return z1;
    }

    /** dW1 (784,256) = xᵀ @ dZ1 (64,256): 25.7 MFLOP. */
    @Benchmark
    public float[] weightGradLayer1() {
        kern.matmulTransA(x, dZ1, dW1, D, N, H, false, 0, D);
        return dW1;
    }

    /** a1 (64,256) @ w2 (256,10): 0.33 MFLOP, the padded small-N path. */
    @Benchmark
    public float[] forwardLayer2() {
        kern.matmul(a1, w2, z2, N, H, K, false, 0, N);
        return z2;
    }

    /** dW2 (256,10) = a1ᵀ @ dZ2 (64,10): 0.33 MFLOP. */
    @Benchmark
    public float[] weightGradLayer2() {
        kern.matmulTransA(a1, dZ2, dW2, H, N, K, false, 0, H);
        return dW2;
    }

    /** dA1 (64,256) = dZ2 (64,10) @ w2ᵀ: 0.33 MFLOP, the transposed-panel path. */
    @Benchmark
    public float[] inputGradLayer2() {
        kern.matmulTransB(dZ2, w2, dA1, N, K, H, false, 0, N);
        return dA1;
    }

    /** One Adam update of w1's 200,704 values. */
    @Benchmark
    public float[] adamLayer1() {
        kern.adamStep(w1, dW1, m, v, 0, w1.length, 0.9f, 0.999f, 1e-3f, 1f, 1e-8f, 0f);
        return w1;
    }
}
