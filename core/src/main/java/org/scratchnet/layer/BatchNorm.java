package org.scratchnet.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.BatchNormKernels;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Batch normalisation (Ioffe and Szegedy, 2015) over feature rows (N, D) or images
 * (N, C, H, W), as PyTorch's {@code BatchNorm1d}/{@code BatchNorm2d}: training normalises with
 * the batch's mean and biased variance and moves the running statistics toward them
 * (momentum 0.1, unbiased variance); inference uses the running statistics.
 *
 * <pre>
 *   x            (N, C) or (N, C, H, W)
 *   weight γ     (C)   "NAME.weight", initially 1
 *   bias β       (C)   "NAME.bias", initially 0
 *   running_mean (C)   buffer "NAME.running_mean", initially 0
 *   running_var  (C)   buffer "NAME.running_var", initially 1
 *   y = γ·(x − mean)/√(var + ε) + β, same shape as x
 * </pre>
 *
 * Network spec: {@code batchnorm [eps E] [momentum M]} (or {@code bn}); configuration
 * {@code {"eps": 1e-5, "momentum": 0.1}}.
 */
public final class BatchNorm implements Layer {
    /** The batch-norm layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "batchnorm";
        }

        @Override
        public List<String> tokens() {
            return List.of("batchnorm", "bn");
        }

        @Override
        public String usage() {
            return "batchnorm [eps E] [momentum M]";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            double eps = DEFAULT_EPS, momentum = DEFAULT_MOMENTUM;
            boolean seenEps = false, seenMomentum = false;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i).toLowerCase(java.util.Locale.ROOT);
                if (a.equals("eps") && !seenEps && i + 1 < args.size()) {
                    String text = args.get(++i);
                    eps = Specs.number(word + " eps", text, 0f, 1f);
                    if (eps == 0) {
                        throw new IllegalArgumentException(word + " eps: expected a number in (0, 1), found '" + text + "'");
                    }
                    seenEps = true;
                } else if (a.equals("momentum") && !seenMomentum && i + 1 < args.size()) {
                    momentum = Specs.number(word + " momentum", args.get(++i), 0f, 1.0000001f);
                    seenMomentum = true;
                } else {
                    throw new IllegalArgumentException("unexpected '" + args.get(i) + "': expected '" + usage() + "'");
                }
            }
            return config(eps, momentum);
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            double eps = config.get("eps") == null ? DEFAULT_EPS : Configs.number(config, "eps", Float.MIN_NORMAL, 1f, false);
            double momentum = config.get("momentum") == null ? DEFAULT_MOMENTUM
                    : Configs.number(config, "momentum", 0f, 1f, true);
            return new BatchNorm(name, in, eps, momentum);
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            BatchNorm b = (BatchNorm) create("batchnorm", config, in);
            Map<String, int[]> m = new LinkedHashMap<>();
            for (Parameter p : b.parameters()) {
                m.put(p.name().substring(p.name().indexOf('.') + 1), p.value().shape());
            }
            for (Parameter p : b.buffers()) {
                m.put(p.name().substring(p.name().indexOf('.') + 1), p.value().shape());
            }
            return m;
        }

        @Override
        public String example() {
            return "batchnorm";
        }

        @Override
        public String formula(Map<String, ?> config, String in, int k) {
            return "batchnorm(" + in + ") = γ" + k + "·(" + in + " − mean)/√(var + ε) + β" + k;
        }

        @Override
        public String describe(Map<String, ?> config) {
            return "batchnorm";
        }
    };

    static Map<String, Object> config(double eps, double momentum) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("eps", eps);
        c.put("momentum", momentum);
        return c;
    }

    /** PyTorch's defaults. */
    public static final double DEFAULT_EPS = 1e-5, DEFAULT_MOMENTUM = 0.1;
    private final String name;
    private final int[] inShape;
    private final int channels;
    private final int spatial;
    private final float eps;
    private final float momentum;
    private final double epsConfig;
    private final double momentumConfig;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private final float[] mean;
    private final float[] var;
    private Tensor x;
    private Tensor y;
    private Tensor dX;

    /** inputShape (D) or (C, H, W); eps &gt; 0 and momentum in [0, 1]. */
    public BatchNorm(String name, int[] inputShape, double eps, double momentum) {
        String what = "BatchNorm(" + name + ")";
        if (inputShape == null || (inputShape.length != 1 && inputShape.length != 3)) {
            throw new ShapeException(what + ": input is " + (inputShape == null ? "unknown" : ImageShapes.batched(inputShape))
                    + ", expected features (N,D) or images (N,C,H,W)");
        }
        this.inShape = inputShape.length == 1 ? inputShape.clone() : ImageShapes.requireImage(what, inputShape);
        if (inShape[0] < 1) {
            throw new ShapeException(what + ": input " + ImageShapes.batched(inShape) + " has no features");
        }
        if (!(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(what + ": eps must be > 0 and momentum in [0, 1], got eps " + eps
                    + ", momentum " + momentum);
        }
        this.name = name;
        this.channels = inShape[0];
        this.spatial = inShape.length == 3 ? inShape[1] * inShape[2] : 1;
        this.eps = (float) eps;
        this.momentum = (float) momentum;
        this.epsConfig = eps;
        this.momentumConfig = momentum;
        this.gamma = new Parameter(name + ".weight", Tensor.zeros(channels));
        this.beta = new Parameter(name + ".bias", Tensor.zeros(channels));
        this.runningMean = new Parameter(name + ".running_mean", Tensor.zeros(channels));
        this.runningVar = new Parameter(name + ".running_var", Tensor.zeros(channels));
        this.mean = new float[channels];
        this.var = new float[channels];
        initialize(null);
    }

    /** γ = 1, β = 0, running mean 0 and variance 1, as PyTorch; uses no random numbers. */
    @Override
    public void initialize(Rng rng) {
        gamma.value().fillInPlace(1f);
        beta.value().fillInPlace(0f);
        runningMean.value().fillInPlace(0f);
        runningVar.value().fillInPlace(1f);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE.name();
    }

    /** eps and momentum. */
    @Override
    public Map<String, Object> config() {
        return config(epsConfig, momentumConfig);
    }

    /** Same shape out as in. */
    @Override
    public int[] outputShape(int[] inputShape) {
        ImageShapes.requireSame("BatchNorm(" + name + ")", inputShape, inShape);
        return inShape.clone();
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        int n = ImageShapes.requireBatch("BatchNorm(" + name + ")", input, inShape);
        float[] xd = input.data();
        if (!training) {
            Tensor out = Tensor.zeros(input.shape());
            BatchNormKernels.normalize(xd, n, channels, spatial, runningMean.value().data(), runningVar.value().data(), eps,
                    gamma.value().data(), beta.value().data(), out.data());
            return out;
        }
        if ((long) n * spatial < 2) {
            throw new ShapeException("BatchNorm(" + name + "): training needs more than one value per channel, input "
                    + input.shapeString() + " (use a batch of 2 or more)");
        }
        BatchNormKernels.stats(xd, n, channels, spatial, mean, var);
        y = ImageShapes.buffer(y, input.shape());
        BatchNormKernels.normalize(xd, n, channels, spatial, mean, var, eps, gamma.value().data(), beta.value().data(), y.data());
        BatchNormKernels.updateRunning(runningMean.value().data(), runningVar.value().data(), mean, var, channels,
                (long) n * spatial, momentum);
        x = input;
        return y;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (x == null) {
            throw new IllegalStateException("BatchNorm(" + name + "): backward called before a training forward");
        }
        int n = x.dim(0);
        if (!java.util.Arrays.equals(gradOutput.shape(), x.shape())) {
            throw new ShapeException("BatchNorm(" + name + "): gradient " + gradOutput.shapeString()
                    + " does not match the last forward's input " + x.shapeString());
        }
        dX = ImageShapes.buffer(dX, x.shape());
        BatchNormKernels.backward(x.data(), gradOutput.data(), n, channels, spatial, mean, var, eps, gamma.value().data(),
                gamma.grad().data(), beta.grad().data(), dX.data());
        return needInputGrad ? dX : null;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    /** The running statistics, saved in the model file but never trained. */
    @Override
    public List<Parameter> buffers() {
        return List.of(runningMean, runningVar);
    }
}
