package org.scratchnet.layer;

import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.ConvKernels;
import org.scratchnet.tensor.PoolKernels;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Global average pooling: the mean of each channel, as PyTorch's
 * {@code nn.AdaptiveAvgPool2d(1)} followed by a flatten.
 *
 * <pre>
 *   x (N, C, H, W) → y (N, C),  y[n, c] = Σ_hw x[n, c, h, w] / (H·W)
 * </pre>
 *
 * Network spec: {@code globalavgpool} (or {@code gap}); no configuration.
 */
public final class GlobalAvgPool implements Layer {
    /** The global average pooling layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "globalavgpool";
        }

        @Override
        public List<String> tokens() {
            return List.of("globalavgpool", "gap");
        }

        @Override
        public String usage() {
            return "globalavgpool";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            if (!args.isEmpty()) {
                throw new IllegalArgumentException("expected '" + word + "' alone");
            }
            return new java.util.LinkedHashMap<>();
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            return new GlobalAvgPool(name, in);
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            create("check", config, in);
            return Map.of();
        }

        @Override
        public String example() {
            return "globalavgpool";
        }

        @Override
        public String formula(Map<String, ?> config, String in, int k) {
            return "mean_hw(" + in + ")";
        }

        @Override
        public String gradient(Map<String, ?> config, String of, String in, String dOut, int k) {
            return of.equals("input") ? dOut + " / (H·W) to every pixel" : null;
        }

        @Override
        public String describe(Map<String, ?> config) {
            return "global avg pool";
        }

        @Override
        public String namePrefix(Map<String, ?> config) {
            return "gap";
        }
    };

    private final String name;
    private final int[] inShape;
    private Tensor y;
    private Tensor dX;
    private int lastN = -1;

    /** inputShape (C, H, W). */
    public GlobalAvgPool(String name, int[] inputShape) {
        this.name = name;
        this.inShape = ImageShapes.requireImage("GlobalAvgPool(" + name + ")", inputShape);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE.name();
    }

    /** No settings. */
    @Override
    public Map<String, Object> config() {
        return new java.util.LinkedHashMap<>();
    }

    /** (C, H, W) → (C). */
    @Override
    public int[] outputShape(int[] inputShape) {
        ImageShapes.requireSame("GlobalAvgPool(" + name + ")", inputShape, inShape);
        return new int[] {inShape[0]};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int n = ImageShapes.requireBatch("GlobalAvgPool(" + name + ")", x, inShape);
        int[] shape = {n, inShape[0]};
        Tensor out;
        if (training) {
            lastN = n;
            y = ImageShapes.buffer(y, shape);
            out = y;
        } else {
            out = Tensor.zeros(shape);
        }
        PoolKernels.globalAvgPool(ConvKernels.current(), x.data(), n * inShape[0], inShape[1] * inShape[2], out.data());
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (lastN < 0) {
            throw new IllegalStateException("GlobalAvgPool(" + name + "): backward called before a training forward");
        }
        int n = ImageShapes.requireBatch("GlobalAvgPool(" + name + ") gradient", gradOutput, new int[] {inShape[0]});
        if (n != lastN) {
            throw new ShapeException("GlobalAvgPool(" + name + "): gradient " + gradOutput.shapeString()
                    + " is not for the batch of " + lastN + " of the last forward");
        }
        if (!needInputGrad) {
            return null;
        }
        dX = ImageShapes.buffer(dX, ImageShapes.withBatch(n, inShape));
        PoolKernels.globalAvgPoolBackward(gradOutput.data(), n * inShape[0], inShape[1] * inShape[2], dX.data());
        return dX;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
