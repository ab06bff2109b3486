package org.scratchnet.layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.init.Initializer;
import org.scratchnet.init.Initializers;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Fully connected layer: z = x @ w + b.
 *
 * <pre>
 *   x   (N, D)   input
 *   w   (D, H)   weight
 *   b   (1, H)   bias (optional)
 *   z   (N, H)   output
 *   dW = xᵀ @ dZ   (D, H)
 *   dB = Σ_rows dZ (1, H)
 *   dX = dZ @ wᵀ   (N, D)
 * </pre>
 *
 * Default initialization is PyTorch's for {@code nn.Linear}: U(±1/√D) for both w and b.
 * Input samples must be vectors ({@code [N, D]}); images go through {@link Flatten} first.
 * Network spec: {@code dense UNITS [nobias]}; configuration {@code {"units": H, "bias": true}}.
 */
public final class Dense implements Layer {
    /** The dense layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "dense";
        }

        @Override
        public List<String> tokens() {
            return List.of("dense");
        }

        @Override
        public String usage() {
            return "dense UNITS [nobias]";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && !args.get(1).equals("nobias"))) {
                throw new IllegalArgumentException("expected '" + usage() + "'");
            }
            int units = Specs.positiveInt(word, args.get(0), MAX_UNITS);
            return config(units, args.size() == 1);
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            int units = Configs.integer(config, "units", 1, MAX_UNITS);
            boolean bias = Configs.bool(config, "bias", true);
            return new Dense(name, widthOf(name, in), units, bias);
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            int units = Configs.integer(config, "units", 1, MAX_UNITS);
            int d = widthOf("dense", in);
            Map<String, int[]> m = new LinkedHashMap<>();
            m.put("weight", new int[] {d, units});
            if (Configs.bool(config, "bias", true)) {
                m.put("bias", new int[] {1, units});
            }
            return m;
        }

        @Override
        public int formatVersion() {
            return 1;
        }

        @Override
        public String example() {
            return "dense 3";
        }

        @Override
        public String formula(Map<String, ?> config, String in, int k) {
            return in + " @ W" + k + (Configs.bool(config, "bias", true) ? " + b" + k : "");
        }

        @Override
        public String gradient(Map<String, ?> config, String of, String in, String dOut, int k) {
            switch (of) {
                case "weight":
                    return in + "ᵀ @ " + dOut; // a(k-1)ᵀ (D,N) @ dZk (N,H) -> dWk (D,H)
                case "bias":
                    return "Σ_rows " + dOut;
                case "input":
                    return dOut + " @ W" + k + "ᵀ";
                default:
                    return null;
            }
        }

        @Override
        public String describe(Map<String, ?> config) {
            return "dense " + config.get("units") + (Configs.bool(config, "bias", true) ? "" : " nobias");
        }
    };

    /** Widest dense layer a network spec or model file may ask for. */
    public static final int MAX_UNITS = 1 << 20;

    static Map<String, Object> config(int units, boolean bias) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", units);
        m.put("bias", bias);
        return m;
    }

    /** D of an input sample shape that must be a vector ({@code [D]}); images get advice to flatten. */
    public static int widthOf(String name, int[] in) {
        if (in.length != 1) {
            throw new ShapeException("Dense(" + name + "): input is " + Configs.batchShape(in)
                    + ", dense takes [N, D]: add flatten before it");
        }
        return in[0];
    }

    private final String name;
    private final int in;
    private final int out;
    private final Parameter weight;
    private final Parameter bias;
    private Initializer weightInit = Initializers.torchDefaultWeight();
    private Initializer biasInit = Initializers.torchDefaultBias();

    private Tensor x;
    private Tensor z;
    private Tensor dX;

    public Dense(String name, int in, int out, boolean useBias) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException("Dense(" + name + "): widths must be >= 1, got " + in + " -> " + out);
        }
        this.name = name;
        this.in = in;
        this.out = out;
        this.weight = new Parameter(name + ".weight", Tensor.zeros(in, out));
        this.bias = useBias ? new Parameter(name + ".bias", Tensor.zeros(1, out)) : null;
    }

    /** Sets the initializers used by {@link #initialize}; a null bias initializer keeps the default. */
    public Dense withInit(Initializer weightInit, Initializer biasInit) {
        this.weightInit = weightInit;
        if (biasInit != null) {
            this.biasInit = biasInit;
        }
        return this;
    }

    @Override
    public void initialize(Rng rng) {
        weightInit.fill(weight.value(), in, out, rng);
        if (bias != null) {
            biasInit.fill(bias.value(), in, out, rng);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE.name();
    }

    @Override
    public Map<String, Object> config() {
        return config(out, bias != null);
    }

    public int inputWidth() {
        return in;
    }

    public int units() {
        return out;
    }

    public boolean hasBias() {
        return bias != null;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias parameter, or null for a layer without bias. */
    public Parameter bias() {
        return bias;
    }

    public Initializer weightInit() {
        return weightInit;
    }

    public Initializer biasInit() {
        return biasInit;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        if (input.rank() != 2 || input.cols() != in) {
            throw new ShapeException("Dense(" + name + "): input has " + input.cols() + " features, layer expects "
                    + in + " (input shape " + input.shapeString() + ", weight " + weight.value().shapeString() + ")");
        }
        int n = input.rows();
        Tensor result;
        if (training) {
            if (z == null || z.rows() != n) {
                z = Tensor.zeros(n, out);
            }
            x = input;
            result = z;
        } else {
            result = Tensor.zeros(n, out);
        }
        // x (N,D) @ w (D,H) -> z (N,H); then z += b (1,H) broadcast over rows
        Ops.matmul(input, weight.value(), result);
        if (bias != null) {
            Ops.addRowVectorInPlace(result, bias.value());
        }
        return result;
    }

    @Override
    public Tensor backward(Tensor dZ, boolean needInputGrad) {
        if (x == null) {
            throw new IllegalStateException("Dense(" + name + "): backward called before a training forward");
        }
        if (dZ.rows() != x.rows() || dZ.cols() != out) {
            throw new ShapeException("Dense(" + name + "): gradient " + dZ.shapeString() + " does not match output ["
                    + x.rows() + ", " + out + "]");
        }
        // dW (D,H) += xᵀ (D,N) @ dZ (N,H); a gradient marked zero is overwritten instead
        boolean accumulate = !weight.gradIsZero();
        Ops.matmulTransA(x, dZ, weight.gradForOverwrite(), accumulate);
        if (bias != null) {
            // dB (1,H) += Σ_rows dZ
            boolean accumulateBias = !bias.gradIsZero();
            Ops.sumRows(dZ, bias.gradForOverwrite(), accumulateBias);
        }
        if (!needInputGrad) {
            return null;
        }
        if (dX == null || dX.rows() != dZ.rows()) {
            dX = Tensor.zeros(dZ.rows(), in);
        }
        // dX (N,D) = dZ (N,H) @ wᵀ (H,D)
        Ops.matmulTransB(dZ, weight.value(), dX);
        return dX;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(2);
        ps.add(weight);
        if (bias != null) {
            ps.add(bias);
        }
        return ps;
    }

    @Override
    public int[] outputShape(int[] shape) {
        int d = widthOf(name, shape);
        if (d != in) {
            throw new ShapeException("Dense(" + name + "): input is " + Configs.batchShape(shape) + ", layer expects [N, "
                    + in + "] (weight " + weight.value().shapeString() + ")");
        }
        return new int[] {out};
    }
}
