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
 * for w and b.
 */
public final class Conv2D implements Layer {
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
        return "conv2d";
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
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("filters", filters);
        c.put("kernel", ImageShapes.list(g.kh, g.kw));
        c.put("stride", ImageShapes.list(g.sh, g.sw));
        c.put("padding", ImageShapes.list(g.padTop, g.padBottom, g.padLeft, g.padRight));
        c.put("bias", bias != null);
        return c;
    }

    /** (C, H, W) → (O, OH, OW). */
    public int[] outputShape(int[] inputShape) {
        ImageShapes.requireSame("Conv2D(" + name + ")", inputShape, inShape);
        return new int[] {filters, g.oh, g.ow};
    }

    @Override
    public int outputWidth(int inputWidth) {
        if (inputWidth != ImageShapes.product(inShape)) {
            throw new ShapeException("Conv2D(" + name + "): input width " + inputWidth + ", layer expects "
                    + ImageShapes.batched(inShape));
        }
        return filters * g.outPlane();
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
