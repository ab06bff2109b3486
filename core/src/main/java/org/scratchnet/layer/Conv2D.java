package org.scratchnet.layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.init.Initializer;
import org.scratchnet.init.Initializers;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Conv2dKernel;
import org.scratchnet.tensor.ConvGeometry;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * 2-D convolution, as PyTorch's {@code nn.Conv2d} (cross-correlation, no dilation or groups),
 * with padding given per side so that {@code same} for even kernels is expressible.
 *
 * <pre>
 *   x   (N, C, H, W)        input
 *   w   (O, C, kH, kW)      weight "NAME.weight", PyTorch's layout (a state_dict maps 1:1)
 *   b   (O)                 bias "NAME.bias" (optional)
 *   y   (N, O, OH, OW)      OH = (H + top + bottom − kH) / sH + 1, likewise OW
 * </pre>
 *
 * The arithmetic is {@link Conv2dKernel}'s. Default initialization is PyTorch's: U(±1/√(C·kH·kW))
 * for w and b. Network spec: {@code conv FILTERS KERNEL [stride S] [pad P|same|valid] [nobias]}
 * (sizes N or HxW, pads also TOP:BOTTOM:LEFT:RIGHT); configuration
 * {@code {"filters": 32, "kernel": [3, 3], "stride": [1, 1], "padding": [0, 0, 0, 0], "bias": true}}.
 */
public final class Conv2D implements Layer {
    /** The convolution layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "conv2d";
        }

        @Override
        public List<String> tokens() {
            return List.of("conv", "conv2d");
        }

        @Override
        public String usage() {
            return "conv FILTERS KERNEL [stride S] [pad P|same|valid] [nobias]";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            if (args.size() < 2) {
                throw new IllegalArgumentException("expected '" + usage() + "'");
            }
            int filters = Specs.positiveInt(word, args.get(0), ImageSpecs.MAX_FILTERS);
            List<Integer> kernel = ImageSpecs.pair(word, "kernel", args.get(1), 1);
            Map<String, String> opt = ImageSpecs.options(word, args, 2, List.of("nobias"), usage());
            List<Integer> stride = opt.containsKey("stride") ? ImageSpecs.pair(word, "stride", opt.get("stride"), 1)
                    : ImageShapes.list(1, 1);
            List<Integer> pads = opt.containsKey("pad") ? ImageSpecs.pads(word, opt.get("pad"), kernel, stride)
                    : ImageShapes.list(0, 0, 0, 0);
            return config(filters, kernel, stride, pads, !opt.containsKey("nobias"));
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            int filters = Configs.integer(config, "filters", 1, ImageSpecs.MAX_FILTERS);
            return new Conv2D(name, in, filters, ImageSpecs.ints(config, "kernel", 2, 1), ImageSpecs.ints(config, "stride", 2, 1),
                    ImageSpecs.ints(config, "padding", 4, 0), Configs.bool(config, "bias", true));
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            Conv2D c = (Conv2D) create("conv2d", config, in);
            Map<String, int[]> m = new LinkedHashMap<>();
            for (Parameter p : c.parameters()) {
                m.put(p.name().substring(p.name().indexOf('.') + 1), p.value().shape());
            }
            return m;
        }

        @Override
        public String example() {
            return "conv 8 3";
        }

        @Override
        public String formula(Map<String, ?> config, String in, int k) {
            return "conv(" + in + ", W" + k + ")" + (Configs.bool(config, "bias", true) ? " + b" + k : "");
        }

        @Override
        public String gradient(Map<String, ?> config, String of, String in, String dOut, int k) {
            switch (of) {
                case "weight":
                    return "Σ_n,pixels " + dOut + " ⊗ patches(" + in + ")";
                case "bias":
                    return "Σ_n,pixels " + dOut;
                case "input":
                    return "col2im(" + dOut + " @ W" + k + ")";
                default:
                    return null;
            }
        }

        @Override
        public String describe(Map<String, ?> config) {
            StringBuilder b = new StringBuilder("conv ").append(ImageSpecs.axes((List<?>) config.get("kernel")))
                    .append(", ").append(config.get("filters"));
            List<?> stride = (List<?>) config.get("stride");
            if (stride != null && !(stride.get(0).toString().equals("1") && stride.get(1).toString().equals("1"))) {
                b.append(", stride ").append(ImageSpecs.axes(stride));
            }
            List<?> pad = (List<?>) config.get("padding");
            if (pad != null && !pad.stream().allMatch(v -> v.toString().equals("0"))) {
                b.append(", pad ").append(pad.get(0)).append(':').append(pad.get(1)).append(':').append(pad.get(2))
                        .append(':').append(pad.get(3));
            }
            return Configs.bool(config, "bias", true) ? b.toString() : b.append(", nobias").toString();
        }

        @Override
        public String namePrefix(Map<String, ?> config) {
            return "conv";
        }
    };

    static Map<String, Object> config(int filters, List<Integer> kernel, List<Integer> stride, List<Integer> pads, boolean bias) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("filters", filters);
        c.put("kernel", kernel);
        c.put("stride", stride);
        c.put("padding", pads);
        c.put("bias", bias);
        return c;
    }

    private final String name;
    private final int[] inShape;
    private final int filters;
    private final ConvGeometry g;
    private final Parameter weight;
    private final Parameter bias;
    private final Conv2dKernel kernel;
    private Initializer weightInit = Initializers.torchDefaultWeight();
    private Initializer biasInit = Initializers.torchDefaultBias();
    private Tensor x;
    private Tensor y;
    private Tensor dX;

    /**
     * @param inputShape per-sample input (C, H, W)
     * @param kernelHw   (kH, kW)
     * @param strideHw   (sH, sW)
     * @param pads       (top, bottom, left, right)
     */
    public Conv2D(String name, int[] inputShape, int filters, int[] kernelHw, int[] strideHw, int[] pads, boolean useBias) {
        String what = "Conv2D(" + name + ")";
        this.name = name;
        this.inShape = ImageShapes.requireImage(what, inputShape);
        if (filters < 1) {
            throw new ShapeException(what + ": filters must be >= 1, got " + filters);
        }
        this.filters = filters;
        try {
            this.g = new ConvGeometry(inShape[0], inShape[1], inShape[2], kernelHw[0], kernelHw[1], strideHw[0], strideHw[1],
                    pads[0], pads[1], pads[2], pads[3]);
        } catch (ShapeException e) {
            throw new ShapeException(what + ": " + e.getMessage());
        }
        this.weight = new Parameter(name + ".weight", Tensor.zeros(filters, inShape[0], g.kh, g.kw));
        this.bias = useBias ? new Parameter(name + ".bias", Tensor.zeros(filters)) : null;
        this.kernel = new Conv2dKernel(g, filters);
    }

    /** Sets the initializers used by {@link #initialize}; a null bias initializer keeps the default. */
    public Conv2D withInit(Initializer weightInit, Initializer biasInit) {
        this.weightInit = weightInit;
        if (biasInit != null) {
            this.biasInit = biasInit;
        }
        return this;
    }

    @Override
    public void initialize(Rng rng) {
        int fanIn = g.patch(), fanOut = filters * g.kh * g.kw;
        weightInit.fill(weight.value(), fanIn, fanOut, rng);
        if (bias != null) {
            biasInit.fill(bias.value(), fanIn, fanOut, rng);
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

    public ConvGeometry geometry() {
        return g;
    }

    public int filters() {
        return filters;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias parameter, or null for a layer without bias. */
    public Parameter bias() {
        return bias;
    }

    /** filters, kernel [kH, kW], stride [sH, sW], padding [top, bottom, left, right], bias. */
    @Override
    public Map<String, Object> config() {
        return config(filters, ImageShapes.list(g.kh, g.kw), ImageShapes.list(g.sh, g.sw),
                ImageShapes.list(g.padTop, g.padBottom, g.padLeft, g.padRight), bias != null);
    }

    /** (C, H, W) → (O, OH, OW). */
    @Override
    public int[] outputShape(int[] inputShape) {
        ImageShapes.requireSame("Conv2D(" + name + ")", inputShape, inShape);
        return new int[] {filters, g.oh, g.ow};
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        int n = ImageShapes.requireBatch("Conv2D(" + name + ")", input, inShape);
        int[] outShape = {n, filters, g.oh, g.ow};
        Tensor out;
        Conv2dKernel k;
        if (training) {
            y = ImageShapes.buffer(y, outShape);
            out = y;
            x = input;
            k = kernel;
        } else {
            out = Tensor.zeros(outShape);
            k = new Conv2dKernel(g, filters); // own scratch: inference may run on many threads
        }
        k.forward(input.data(), n, weight.value().data(), bias == null ? null : bias.value().data(), out.data());
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (x == null) {
            throw new IllegalStateException("Conv2D(" + name + "): backward called before a training forward");
        }
        int n = x.dim(0);
        ImageShapes.requireBatch("Conv2D(" + name + ") gradient", gradOutput, new int[] {filters, g.oh, g.ow});
        if (gradOutput.dim(0) != n) {
            throw new ShapeException("Conv2D(" + name + "): gradient " + gradOutput.shapeString() + " is not for the batch of "
                    + n + " of the last forward");
        }
        // one flag for both: when only one gradient is marked zero, materialize it and add
        boolean accumulate = !weight.gradIsZero() || (bias != null && !bias.gradIsZero());
        float[] dW = accumulate ? weight.grad().data() : weight.gradForOverwrite().data();
        float[] dB = bias == null ? null : accumulate ? bias.grad().data() : bias.gradForOverwrite().data();
        float[] dx = null;
        if (needInputGrad) {
            dX = ImageShapes.buffer(dX, x.shape());
            dx = dX.data();
        }
        kernel.backward(gradOutput.data(), n, weight.value().data(), dW, dB, dx, accumulate);
        return needInputGrad ? dX : null;
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
}
