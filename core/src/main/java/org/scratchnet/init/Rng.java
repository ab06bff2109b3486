package org.scratchnet.init;

/**
 * A small, fast, seeded generator (xoshiro256**, Blackman and Vigna 2018) with the sampling
 * helpers the library needs. Deterministic: {@link StrictMath} is used for the Gaussian so the
 * bits do not depend on the JVM's intrinsics.
 */
public final class Rng {
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        long x = seed;
        s0 = splitMix(x += 0x9E3779B97F4A7C15L);
        s1 = splitMix(x += 0x9E3779B97F4A7C15L);
        s2 = splitMix(x += 0x9E3779B97F4A7C15L);
        s3 = splitMix(x + 0x9E3779B97F4A7C15L);
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A generator for an independent stream derived from {@code seed} and a purpose label. */
    public static Rng forPurpose(long seed, String purpose) {
        return new Rng(key(seed, purpose));
    }

    /**
     * A uniform float in [0, 1) that depends only on its four keys (a counter-based draw, no
     * state): the same keys give the same value in any thread, order or process.
     */
    public static float keyed(long stream, long a, long b, long c) {
        long h = splitMix(stream ^ 0x632BE59BD9B4E019L);
        h = splitMix(h ^ a);
        h = splitMix(h ^ b * 0x9E3779B97F4A7C15L);
        h = splitMix(h ^ c * 0xC2B2AE3D27D4EB4FL);
        return (h >>> 40) * 0x1.0p-24f;
    }

    /** A 64-bit key for a text label (stream names of keyed draws). */
    public static long key(long seed, String label) {
        long h = 1125899906842597L;
        for (int i = 0; i < label.length(); i++) {
            h = 31 * h + label.charAt(i);
        }
        return splitMix(seed ^ splitMix(h));
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [a, b). */
    public double uniform(double a, double b) {
        return a + (b - a) * nextDouble();
    }

    /** Uniform integer in [0, bound), unbiased (Lemire's method). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Standard normal sample (Box-Muller, both values used). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 == 0.0);
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        double theta = 2.0 * StrictMath.PI * u2;
        spareGaussian = r * StrictMath.sin(theta);
        hasSpare = true;
        return r * StrictMath.cos(theta);
    }

    /** A random permutation of 0..n-1 (Fisher-Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** Shuffles {@code a} in place (Fisher-Yates). */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
