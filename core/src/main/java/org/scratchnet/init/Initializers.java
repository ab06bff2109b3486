package org.scratchnet.init;

import java.util.Locale;
import org.scratchnet.tensor.Tensor;

/**
 * The initializers of the classic tutorials and of the major frameworks. Weights are {@code [D, H]}:
 * fan-in D, fan-out H.
 */
public final class Initializers {
    private Initializers() {
    }

    public static Initializer zeros() {
        return named("zeros", (t, in, out, rng) -> t.fillInPlace(0f));
    }

    public static Initializer constant(float value) {
        return named("constant(" + value + ")", (t, in, out, rng) -> t.fillInPlace(value));
    }

    /** N(0, std²): the tutorials' {@code 0.01 * np.random.randn(...)} is {@code normal(0.01)}. */
    public static Initializer normal(double std) {
        return named("normal(" + std + ")", (t, in, out, rng) -> fillNormal(t, std, rng));
    }

    /** U[a, b): the 3-4-1 tutorial's {@code np.random.rand} is {@code uniform(0, 1)}. */
    public static Initializer uniform(double a, double b) {
        return named("uniform(" + a + "," + b + ")", (t, in, out, rng) -> fillUniform(t, a, b, rng));
    }

    /** Glorot and Bengio (2010): U(±√(6/(fan_in+fan_out))). */
    public static Initializer xavierUniform() {
        return named("xavier_uniform", (t, in, out, rng) -> {
            double bound = Math.sqrt(6.0 / (in + out));
            fillUniform(t, -bound, bound, rng);
        });
    }

    /** Glorot and Bengio (2010): N(0, 2/(fan_in+fan_out)). */
    public static Initializer xavierNormal() {
        return named("xavier_normal", (t, in, out, rng) -> fillNormal(t, Math.sqrt(2.0 / (in + out)), rng));
    }

    /** He et al. (2015): N(0, 2/fan_in), for ReLU layers. */
    public static Initializer heNormal() {
        return named("he_normal", (t, in, out, rng) -> fillNormal(t, Math.sqrt(2.0 / in), rng));
    }

    /** He et al. (2015): U(±√(6/fan_in)). */
    public static Initializer heUniform() {
        return named("he_uniform", (t, in, out, rng) -> {
            double bound = Math.sqrt(6.0 / in);
            fillUniform(t, -bound, bound, rng);
        });
    }

    /**
     * PyTorch's default for {@code nn.Linear} weights: kaiming-uniform with a = √5, which works
     * out to U(±1/√fan_in).
     */
    public static Initializer torchDefaultWeight() {
        return named("torch_default", (t, in, out, rng) -> {
            double gain = Math.sqrt(2.0 / (1 + 5.0));
            double bound = gain * Math.sqrt(3.0 / in);
            fillUniform(t, -bound, bound, rng);
        });
    }

    /** PyTorch's default for {@code nn.Linear} biases: U(±1/√fan_in). */
    public static Initializer torchDefaultBias() {
        return named("torch_default_bias", (t, in, out, rng) -> {
            double bound = 1.0 / Math.sqrt(in);
            fillUniform(t, -bound, bound, rng);
        });
    }

    /**
     * Looks an initializer up by name: zeros, ones, normal, normal:STD, uniform, uniform:A:B,
     * xavier (=xavier_uniform), xavier_normal, he (=he_normal), he_uniform, torch.
     */
    public static Initializer byName(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":");
        switch (parts[0]) {
            case "zeros":
                return zeros();
            case "ones":
                return constant(1f);
            case "normal": {
                double std = parts.length > 1 ? number(spec, parts, 1) : 0.01;
                if (parts.length > 2 || !(std >= 0)) {
                    throw new IllegalArgumentException("initializer '" + spec + "': expected normal:STD with STD >= 0");
                }
                return normal(std);
            }
            case "uniform": {
                if (parts.length == 1) {
                    return uniform(0, 1);
                }
                double a = number(spec, parts, 1);
                double b = parts.length == 3 ? number(spec, parts, 2) : Double.NaN;
                if (!(a < b)) {
                    throw new IllegalArgumentException("initializer '" + spec + "': expected uniform:A:B with A < B");
                }
                return uniform(a, b);
            }
            case "xavier":
            case "glorot":
            case "xavier_uniform":
            case "glorot_uniform":
                return xavierUniform();
            case "xavier_normal":
            case "glorot_normal":
                return xavierNormal();
            case "he":
            case "he_normal":
            case "kaiming_normal":
                return heNormal();
            case "he_uniform":
            case "kaiming_uniform":
                return heUniform();
            case "torch":
            case "torch_default":
            case "pytorch":
                return torchDefaultWeight();
            default:
                throw new IllegalArgumentException("unknown initializer '" + spec
                        + "': expected zeros, ones, normal[:STD], uniform[:A:B], xavier, xavier_normal, he, he_uniform or torch");
        }
    }

    /** Part {@code i} of an initializer spec as a finite number, or a one-line error. */
    private static double number(String spec, String[] parts, int i) {
        try {
            double v = Double.parseDouble(parts[i]);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("initializer '" + spec + "': expected a number after '" + parts[i - 1]
                + ":', found '" + parts[i] + "'");
    }

    private static void fillNormal(Tensor t, double std, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (std * rng.nextGaussian());
        }
    }

    private static void fillUniform(Tensor t, double a, double b, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.uniform(a, b);
        }
    }

    private static Initializer named(String name, Initializer body) {
        return new Initializer() {
            @Override
            public void fill(Tensor t, int fanIn, int fanOut, Rng rng) {
                body.fill(t, fanIn, fanOut, rng);
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }
}
