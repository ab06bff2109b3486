package org.scratchnet.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.ConvGeometry;
import org.scratchnet.tensor.ConvKernels;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * What max and average pooling share: the window over each channel of x (N, C, H, W) →
 * y (N, C, OH, OW), shape checks, config and buffers. No parameters.
 */
abstract class Pool2D implements Layer {
    protected final String name;
    protected final int[] inShape;
    protected final ConvGeometry g;
    protected Tensor y;
    protected Tensor dX;
    protected int lastN = -1;

    Pool2D(String kind, String name, int[] inputShape, int[] kernelHw, int[] strideHw, int[] pads) {
        String what = kind + "(" + name + ")";
        this.name = name;
        this.inShape = ImageShapes.requireImage(what, inputShape);
        try {
            this.g = new ConvGeometry(inShape[0], inShape[1], inShape[2], kernelHw[0], kernelHw[1], strideHw[0], strideHw[1],
                    pads[0], pads[1], pads[2], pads[3]);
            g.requirePoolPads(what);
        } catch (ShapeException e) {
            throw e.getMessage().startsWith(what) ? e : new ShapeException(what + ": " + e.getMessage());
        }
    }

    protected abstract String kind();

    @Override
    public String name() {
        return name;
    }

    public ConvGeometry geometry() {
        return g;
    }

    /** kernel [kH, kW], stride [sH, sW], padding [top, bottom, left, right]. */
    @Override
    public Map<String, Object> config() {
        return config(ImageShapes.list(g.kh, g.kw), ImageShapes.list(g.sh, g.sw),
                ImageShapes.list(g.padTop, g.padBottom, g.padLeft, g.padRight));
    }

    /** (C, H, W) → (C, OH, OW). */
    @Override
    public int[] outputShape(int[] inputShape) {
        ImageShapes.requireSame(kind() + "(" + name + ")", inputShape, inShape);
        return new int[] {g.c, g.oh, g.ow};
    }

    /** Checks x and returns the output to fill: the layer's reused buffer when training. */
    protected Tensor output(Tensor input, boolean training) {
        int n = ImageShapes.requireBatch(kind() + "(" + name + ")", input, inShape);
        int[] shape = {n, g.c, g.oh, g.ow};
        if (!training) {
            return Tensor.zeros(shape);
        }
        lastN = n;
        y = ImageShapes.buffer(y, shape);
        return y;
    }

    /** Checks the gradient against the last training forward and returns the dX buffer. */
    protected Tensor gradInput(Tensor gradOutput) {
        if (lastN < 0) {
            throw new IllegalStateException(kind() + "(" + name + "): backward called before a training forward");
        }
        int n = ImageShapes.requireBatch(kind() + "(" + name + ") gradient", gradOutput, new int[] {g.c, g.oh, g.ow});
        if (n != lastN) {
            throw new ShapeException(kind() + "(" + name + "): gradient " + gradOutput.shapeString()
                    + " is not for the batch of " + lastN + " of the last forward");
        }
        dX = ImageShapes.buffer(dX, ImageShapes.withBatch(n, inShape));
        return dX;
    }

    /** Config of a pool: stride defaults to the kernel, as PyTorch. */
    static Map<String, Object> config(List<Integer> kernel, List<Integer> stride, List<Integer> pads) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kernel", kernel);
        c.put("stride", stride);
        c.put("padding", pads);
        return c;
    }

    /** "KERNEL [stride S] [pad P]" plus {@code flags}; returns the config and the flags seen (as keys "flag:NAME"). */
    static Map<String, Object> parse(String word, List<String> args, String usage, List<String> flags) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("expected '" + usage + "'");
        }
        List<Integer> kernel = ImageSpecs.pair(word, "kernel", args.get(0), 1);
        Map<String, String> opt = ImageSpecs.options(word, args, 1, flags, usage);
        List<Integer> stride = opt.containsKey("stride") ? ImageSpecs.pair(word, "stride", opt.get("stride"), 1) : kernel;
        List<Integer> pads = opt.containsKey("pad") ? ImageSpecs.pads(word, opt.get("pad"), kernel, stride)
                : ImageShapes.list(0, 0, 0, 0);
        Map<String, Object> c = config(kernel, stride, pads);
        for (String f : flags) {
            if (opt.containsKey(f)) {
                c.put("flag:" + f, true);
            }
        }
        return c;
    }

    /** "maxpool 2x2", with stride and pads when they are not the defaults. */
    static String describe(String word, Map<String, ?> config) {
        List<?> kernel = (List<?>) config.get("kernel"), stride = (List<?>) config.get("stride");
        StringBuilder b = new StringBuilder(word).append(' ').append(ImageSpecs.axes(kernel));
        if (stride != null && !(stride.get(0).toString().equals(kernel.get(0).toString())
                && stride.get(1).toString().equals(kernel.get(1).toString()))) {
            b.append(", stride ").append(ImageSpecs.axes(stride));
        }
        List<?> pad = (List<?>) config.get("padding");
        if (pad != null && !pad.stream().allMatch(v -> v.toString().equals("0"))) {
            b.append(", pad ").append(pad.get(0)).append(':').append(pad.get(1)).append(':').append(pad.get(2))
                    .append(':').append(pad.get(3));
        }
        return b.toString();
    }

    static int[] kernelOf(Map<String, ?> config) {
        return ImageSpecs.ints(config, "kernel", 2, 1);
    }

    /** Stride from the config; absent means the kernel. */
    static int[] strideOf(Map<String, ?> config) {
        return config.get("stride") == null ? kernelOf(config) : ImageSpecs.ints(config, "stride", 2, 1);
    }

    static int[] padsOf(Map<String, ?> config) {
        return config.get("padding") == null ? new int[4] : ImageSpecs.ints(config, "padding", 4, 0);
    }

    protected static ConvKernels kernels() {
        return ConvKernels.current();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
