package org.scratchnet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Tensor;

/**
 * Seeded generators for the tutorials' small datasets. Same arguments, same seed → the same
 * bits on every run and JVM. The 2-D generators return their rows shuffled.
 */
public final class Datasets {
    /** Most rows a generator makes: 10 million (x alone is then 80 MB). */
    public static final int MAX_SAMPLES = 10_000_000;
    /** Most spiral arms: y (n, K) must stay small next to x. */
    public static final int MAX_SPIRAL_CLASSES = 1000;

    private Datasets() {
    }

    /**
     * The first tutorial's task: {@code n} points from a 2-D standard normal, label 1 when
     * x1·x2 &gt; 0 (same sign), else 0. x (n, 2), y (n, 1).
     */
    public static Dataset quadrants(int n, long seed) {
        checkMax("quadrants", n);
        Rng rng = Rng.forPurpose(seed, "quadrants");
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            float a = (float) rng.nextGaussian();
            float b = (float) rng.nextGaussian();
            x[2 * i] = a;
            x[2 * i + 1] = b;
            y[i] = a * b > 0 ? 1f : 0f;
        }
        return new Dataset(Tensor.of(x, n, 2), Tensor.of(y, n, 1));
    }

    /** The four XOR points 00, 01, 10, 11 with targets 0, 1, 1, 0. */
    public static Dataset xor() {
        return truthTable(new float[] {0, 1, 1, 0});
    }

    /** The four AND points with targets 0, 0, 0, 1. */
    public static Dataset and() {
        return truthTable(new float[] {0, 0, 0, 1});
    }

    /** The four OR points with targets 0, 1, 1, 1. */
    public static Dataset or() {
        return truthTable(new float[] {0, 1, 1, 1});
    }

    private static Dataset truthTable(float[] targets) {
        Tensor x = Tensor.matrix(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        return new Dataset(x, Tensor.of(targets.clone(), 4, 1));
    }

    /** The specs {@link #byName} accepts ({@code spiral} also as {@code spiral:K}). */
    public static final List<String> NAMES =
            List.of("quadrants", "xor", "and", "or", "letters", "moons", "circles", "spiral", "gaussian", "xor-square");

    /**
     * A built-in dataset by name. {@code samples}, {@code noise} and {@code seed} are used by the
     * generators that have them (quadrants: samples and seed; moons, circles, spiral: all three)
     * and ignored by the fixed tables (xor, and, or, letters). {@code spiral:K} gives K classes
     * (default 3).
     */
    public static Dataset byName(String spec, int samples, double noise, long seed) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("spiral:")) {
            String k = s.substring("spiral:".length());
            try {
                return spiral(samples, Integer.parseInt(k), noise, seed);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("spiral:K expects a class count K, found '" + k + "'");
            }
        }
        switch (s) {
            case "quadrants":
                return quadrants(samples, seed);
            case "xor":
                return xor();
            case "and":
                return and();
            case "or":
                return or();
            case "letters":
                return letters();
            case "moons":
                return moons(samples, noise, seed);
            case "circles":
                return circles(samples, noise, seed);
            case "spiral":
                return spiral(samples, 3, noise, seed);
            case "gaussian":
                return gaussian(samples, noise, seed);
            case "xor-square":
                return xorSquare(samples, noise, seed);
            default:
                throw new IllegalArgumentException("unknown dataset '" + spec + "': expected one of "
                        + String.join(", ", NAMES));
        }
    }

    /** Letters A, B, C as 5x6 bitmaps: x (3, 30), y (3, 3) one-hot. See {@link Letters}. */
    public static Dataset letters() {
        return Letters.dataset();
    }

    /**
     * Two interleaving half circles (as scikit-learn's make_moons): n/2 points (rounded down) on
     * the upper arc (cos t, sin t) are class 0, the rest on the lower arc (1 - cos t, 0.5 - sin t)
     * class 1, t evenly spaced in [0, π]; Gaussian noise of std {@code noise} on both coordinates.
     * x (n, 2), y (n, 1).
     */
    public static Dataset moons(int n, double noise, long seed) {
        return twoCurves("moons", n, noise, seed, (inner, k, m) -> {
            double t = m == 1 ? 0 : Math.PI * k / (m - 1);
            return inner ? new double[] {1 - StrictMath.cos(t), 0.5 - StrictMath.sin(t)}
                    : new double[] {StrictMath.cos(t), StrictMath.sin(t)};
        });
    }

    /**
     * Two concentric circles: n/2 points (rounded down) on the unit circle are class 0, the rest
     * on a circle of radius 0.5 are class 1, angles evenly spaced; Gaussian noise of std
     * {@code noise}. x (n, 2), y (n, 1).
     */
    public static Dataset circles(int n, double noise, long seed) {
        return twoCurves("circles", n, noise, seed, (inner, k, m) -> {
            double t = 2 * Math.PI * k / m;
            double r = inner ? 0.5 : 1.0;
            return new double[] {r * StrictMath.cos(t), r * StrictMath.sin(t)};
        });
    }

    /**
     * Two Gaussian blobs: n/2 points (rounded down) around (-0.5, -0.5) are class 0, the rest
     * around (0.5, 0.5) class 1; each coordinate has std {@link #BLOB_STD} + {@code noise}, so
     * noise 0 still gives a cloud, not two points. x (n, 2), y (n, 1), shuffled.
     */
    public static Dataset gaussian(int n, double noise, long seed) {
        checkArgs("gaussian", n, 2, noise);
        Rng rng = Rng.forPurpose(seed, "gaussian");
        double std = BLOB_STD + noise;
        int outer = n / 2;
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double c = i >= outer ? 0.5 : -0.5;
            x[2 * i] = (float) (c + std * rng.nextGaussian());
            x[2 * i + 1] = (float) (c + std * rng.nextGaussian());
            y[i] = i >= outer ? 1f : 0f;
        }
        return shuffled(x, y, n, 2, 1, 2, rng);
    }

    /** Spread of a {@link #gaussian} blob at noise 0. */
    public static final double BLOB_STD = 0.25;

    /**
     * XOR as a cloud: n points uniform in [-1, 1]², label 1 when x1·x2 &gt; 0 (same sign), else
     * 0; the label is taken before Gaussian noise of std {@code noise} moves the point, so noise
     * blurs the border as it does for the other generators. Unlike {@link #quadrants} the points
     * fill the square evenly. x (n, 2), y (n, 1).
     */
    public static Dataset xorSquare(int n, double noise, long seed) {
        checkArgs("xor-square", n, 1, noise);
        Rng rng = Rng.forPurpose(seed, "xor-square");
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double a = rng.uniform(-1, 1);
            double b = rng.uniform(-1, 1);
            y[i] = a * b > 0 ? 1f : 0f;
            x[2 * i] = (float) (a + noise * rng.nextGaussian());
            x[2 * i + 1] = (float) (b + noise * rng.nextGaussian());
        }
        return new Dataset(Tensor.of(x, n, 2), Tensor.of(y, n, 1), List.of("0", "1"));
    }

    /** Point k of m on the outer (class 0) or inner (class 1) curve of a two-class generator. */
    private interface Curve {
        double[] point(boolean inner, int k, int m);
    }

    /** n/2 points (rounded down) on the outer curve, the rest on the inner one, plus noise; shuffled. */
    private static Dataset twoCurves(String name, int n, double noise, long seed, Curve curve) {
        checkArgs(name, n, 2, noise);
        Rng rng = Rng.forPurpose(seed, name);
        int outer = n / 2;
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i >= outer;
            double[] p = inner ? curve.point(true, i - outer, n - outer) : curve.point(false, i, outer);
            x[2 * i] = (float) (p[0] + noise * rng.nextGaussian());
            x[2 * i + 1] = (float) (p[1] + noise * rng.nextGaussian());
            y[i] = inner ? 1f : 0f;
        }
        return shuffled(x, y, n, 2, 1, 2, rng);
    }

    /**
     * K interleaved spiral arms (the classic CS231n toy set): arm k has radius r from 0 to 1 and
     * angle 4k + 4r plus Gaussian noise of std {@code noise} radians; point (r sin t, r cos t).
     * The n points are split as evenly as possible (the first n mod K arms get one more).
     * x (n, 2); y (n, K) one-hot, or (n, 1) 0/1 when K = 2.
     */
    public static Dataset spiral(int n, int classes, double noise, long seed) {
        if (classes > MAX_SPIRAL_CLASSES) {
            throw new IllegalArgumentException("spiral: at most " + MAX_SPIRAL_CLASSES + " classes, got " + classes);
        }
        checkArgs("spiral", n, classes, noise);
        if (classes < 2) {
            throw new IllegalArgumentException("spiral needs at least 2 classes, got " + classes);
        }
        Rng rng = Rng.forPurpose(seed, "spiral");
        int width = classes == 2 ? 1 : classes;
        float[] x = new float[2 * n];
        float[] y = new float[n * width];
        int i = 0;
        for (int k = 0; k < classes; k++) {
            int m = n / classes + (k < n % classes ? 1 : 0);
            for (int j = 0; j < m; j++, i++) {
                double r = m == 1 ? 0 : (double) j / (m - 1);
                double t = 4.0 * (k + r) + noise * rng.nextGaussian();
                x[2 * i] = (float) (r * StrictMath.sin(t));
                x[2 * i + 1] = (float) (r * StrictMath.cos(t));
                if (width == 1) {
                    y[i] = k;
                } else {
                    y[i * width + k] = 1f;
                }
            }
        }
        return shuffled(x, y, n, 2, width, classes, rng);
    }

    private static void checkArgs(String name, int n, int minSamples, double noise) {
        if (n < minSamples) {
            throw new IllegalArgumentException(name + " needs at least " + minSamples + " samples, got " + n);
        }
        checkMax(name, n);
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException(name + ": noise must be a finite number >= 0, got " + noise);
        }
    }

    /** Generated sets hold at most {@link #MAX_SAMPLES} rows (x (n, 2) must fit one array, and memory). */
    private static void checkMax(String name, int n) {
        if (n > MAX_SAMPLES) {
            throw new IllegalArgumentException(name + ": at most " + MAX_SAMPLES + " samples, got " + n);
        }
    }

    /** x (n, d) and y (n, k) with rows permuted by {@code rng}; classes named "0".."classes-1". */
    private static Dataset shuffled(float[] x, float[] y, int n, int d, int k, int classes, Rng rng) {
        int[] perm = rng.permutation(n);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return new Dataset(Tensor.of(x, n, d).gatherRows(perm, 0, n), Tensor.of(y, n, k).gatherRows(perm, 0, n),
                names);
    }
}
