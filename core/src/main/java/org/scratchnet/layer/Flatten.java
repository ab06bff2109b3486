package org.scratchnet.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.tensor.Tensor;

/**
 * Flattens each sample to a vector, as {@code torch.flatten(x, 1)}: {@code [N, C, H, W] -> [N, C·H·W]}
 * in row-major order (channel, then row, then column). A view: no copy forward or backward.
 * Network spec: {@code flatten}; no configuration.
 */
public final class Flatten implements Layer {
    /** The flatten layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "flatten";
        }

        @Override
        public List<String> tokens() {
            return List.of("flatten");
        }

        @Override
        public String usage() {
            return "flatten";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            if (!args.isEmpty()) {
                throw new IllegalArgumentException("expected 'flatten' alone");
            }
            return new LinkedHashMap<>();
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            return new Flatten(name);
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            create("check", config, in);
            return Map.of();
        }

        @Override
        public String example() {
            return "flatten";
        }

        @Override
        public String formula(Map<String, ?> config, String in, int k) {
            return "flatten(" + in + ")";
        }

        @Override
        public String gradient(Map<String, ?> config, String of, String in, String dOut, int k) {
            return of.equals("input") ? "reshape(" + dOut + ")" : null;
        }

        @Override
        public String describe(Map<String, ?> config) {
            return "flatten";
        }
    };

    private final String name;
    private int[] inShape;

    public Flatten(String name) {
        this.name = name;
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
        return new LinkedHashMap<>();
    }

    @Override
    public int[] outputShape(int[] in) {
        return new int[] {Math.toIntExact(Configs.size(in))};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (training) {
            inShape = x.shape();
        }
        return x.reshape(x.rows(), x.cols());
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        if (inShape == null) {
            throw new IllegalStateException(name + ": backward called before a training forward");
        }
        return needInputGrad ? gradOutput.reshape(inShape) : null;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
