package org.scratchnet.tensor;

import java.util.Locale;

/**
 * Chooses the kernel implementation and the thread count for the whole process.
 *
 * <ul>
 *   <li>{@code -Dscratchnet.kernels=auto|vector|scalar} (default {@code auto}: the Vector API
 *       when the {@code jdk.incubator.vector} module is present, otherwise scalar).</li>
 *   <li>{@code -Dscratchnet.threads=N} (default: available processors). Products below
 *       {@link Parallel#MIN_PARALLEL_FLOPS} run on the calling thread regardless.</li>
 * </ul>
 */
public final class Engine {
    private static volatile Kernels kernels = select(System.getProperty("scratchnet.kernels", "auto"));
    private static volatile int threads = initialThreads();

    private Engine() {
    }

    public static Kernels kernels() {
        return kernels;
    }

    /** Switches kernels: "auto", "vector" or "scalar". Returns the one now in use. */
    public static Kernels useKernels(String name) {
        kernels = select(name);
        return kernels;
    }

    public static int threads() {
        return threads;
    }

    /** Threads used for large products; 1 means everything runs on the calling thread. */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        threads = n;
    }

    /**
     * Runs every product layout and the Adam kernel a few hundred times on small shapes so that
     * the JIT has compiled them before anything is timed (about a tenth of a second). Uses the
     * current kernels; touches no caller data.
     */
    public static void warmUp() {
        Kernels k = kernels;
        // h not a multiple of the vector length: the padded paths too; the weight gradient's d rows
        // (at least VectorGemm.B_PANEL_MIN_ROWS) take the packed panel of b, the 64-row products b in place
        int m = 64, d = 132, h = 74;
        float[] a = new float[m * d], w = new float[d * h], z = new float[m * h], g = new float[d * h];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) * 0.25f - 0.5f;
        }
        float[] mo = new float[w.length], v = new float[w.length];
        for (int rep = 0; rep < 300; rep++) {
            k.matmul(a, w, z, m, d, h, false, 0, m);
            k.matmulPart(a, w, z, m, d, h, d / 2, d, 0, m);
            k.matmulTransA(a, z, g, d, m, h, rep > 0, 0, d);
            k.matmulTransB(z, w, a, m, h, d, false, 0, m);
            k.adamStep(w, g, mo, v, 0, w.length, 0.9f, 0.999f, 1e-3f, 1f, 1e-8f, 0f);
        }
    }

    /** True when the Vector API module is loaded in this JVM. */
    public static boolean vectorAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static int initialThreads() {
        String p = System.getProperty("scratchnet.threads");
        if (p != null && !p.isBlank()) {
            try {
                int n = Integer.parseInt(p.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
            throw new IllegalArgumentException("-Dscratchnet.threads must be a positive integer, got '" + p + "'");
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static Kernels select(String name) {
        String n = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "scalar":
                return new ScalarKernels();
            case "vector": {
                Kernels v = loadVector();
                if (v == null) {
                    throw new IllegalStateException("vector kernels need the JVM flag --add-modules jdk.incubator.vector");
                }
                return v;
            }
            case "auto": {
                Kernels v = loadVector();
                return v != null ? v : new ScalarKernels();
            }
            default:
                throw new IllegalArgumentException("unknown kernels '" + name + "': expected auto, vector or scalar");
        }
    }

    private static Kernels loadVector() {
        if (!vectorAvailable()) {
            return null;
        }
        try {
            return (Kernels) Class.forName("org.scratchnet.tensor.VectorKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Prints the kernels and thread count this JVM would use, e.g. {@code kernels=vector threads=2}. */
    public static void main(String[] args) {
        System.out.println("kernels=" + kernels().name() + " threads=" + threads());
    }
}
