package org.scratchnet.layer;

import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.PoolKernels;
import org.scratchnet.tensor.Tensor;

/**
 * Average pooling per channel, as PyTorch's {@code nn.AvgPool2d} (floor mode): with
 * {@code countIncludePad} (PyTorch's default) a window is divided by its size including padding,
 * otherwise by the real pixels it covers. Stride defaults to the kernel. Network spec:
 * {@code avgpool KERNEL [stride S] [pad P] [excludepad]}; configuration as {@link MaxPool2D}'s
 * plus {@code "count_include_pad": true}.
 *
 * <pre>
 *   x (N, C, H, W) → y (N, C, OH, OW),  OH = (H + top + bottom − kH) / sH + 1
 * </pre>
 */
public final class AvgPool2D extends Pool2D {
    /** The avgpool2d layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "avgpool2d";
        }

        @Override
        public List<String> tokens() {
            return List.of("avgpool", "avgpool2d");
        }

        @Override
        public String usage() {
            return "avgpool KERNEL [stride S] [pad P] [excludepad]";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            Map<String, Object> c = Pool2D.parse(word, args, usage(), List.of("excludepad"));
            c.put("count_include_pad", c.remove("flag:excludepad") == null);
            return c;
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            return new AvgPool2D(name, in, kernelOf(config), strideOf(config), padsOf(config), Configs.bool(config, "count_include_pad", true));
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            create("check", config, in);
            return Map.of();
        }

        @Override
        public String example() {
            return "avgpool 2";
        }

        @Override
        public String describe(Map<String, ?> config) {
            return Pool2D.describe("avgpool", config) + (Configs.bool(config, "count_include_pad", true) ? "" : ", excludepad");
        }

        @Override
        public String namePrefix(Map<String, ?> config) {
            return "avgpool";
        }
    };

    private final boolean countIncludePad;

    /** kernel (kH, kW), stride (sH, sW), pads (top, bottom, left, right); inputShape (C, H, W). */
    public AvgPool2D(String name, int[] inputShape, int[] kernelHw, int[] strideHw, int[] pads, boolean countIncludePad) {
        super("AvgPool2D", name, inputShape, kernelHw, strideHw, pads);
        this.countIncludePad = countIncludePad;
    }

    @Override
    protected String kind() {
        return "AvgPool2D";
    }

    @Override
    public String type() {
        return TYPE.name();
    }

    public boolean countIncludePad() {
        return countIncludePad;
    }

    /** Pool2D's config plus count_include_pad. */
    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("count_include_pad", countIncludePad);
        return c;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Tensor out = output(x, training);
        PoolKernels.avgPool(kernels(), x.data(), x.dim(0), g, countIncludePad, out.data());
        return out;
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        Tensor dx = gradInput(gradOutput);
        if (!needInputGrad) {
            return null;
        }
        PoolKernels.avgPoolBackward(kernels(), gradOutput.data(), lastN, g, countIncludePad, dx.data());
        return dx;
    }
}
