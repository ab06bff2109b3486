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
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kernel", ImageShapes.list(g.kh, g.kw));
        c.put("stride", ImageShapes.list(g.sh, g.sw));
        c.put("padding", ImageShapes.list(g.padTop, g.padBottom, g.padLeft, g.padRight));
        return c;
    }

    /** (C, H, W) → (C, OH, OW). */
    public int[] outputShape(int[] inputShape) {
        ImageShapes.requireSame(kind() + "(" + name + ")", inputShape, inShape);
        return new int[] {g.c, g.oh, g.ow};
    }

    @Override
    public int outputWidth(int inputWidth) {
        if (inputWidth != ImageShapes.product(inShape)) {
            throw new ShapeException(kind() + "(" + name + "): input width " + inputWidth + ", layer expects "
                    + ImageShapes.batched(inShape));
        }
        return g.c * g.outPlane();
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

    protected static ConvKernels kernels() {
        return ConvKernels.current();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
