package org.scratchnet.layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.activation.Activation;
import org.scratchnet.activation.Activations;
import org.scratchnet.activation.LeakyRelu;
import org.scratchnet.tensor.Tensor;

/**
 * Applies an {@link Activation} element-wise: a = f(z), any shape in and out (softmax works on
 * each row of {@code [N, D]}); backward dZ = dA ⊙ f'(z).
 * Network spec: the activation's name ({@code relu}, {@code tanh}, {@code leaky_relu 0.1}, ...);
 * configuration {@code {"activation": "relu"}}, plus {@code "alpha"} for leaky_relu.
 */
public final class ActivationLayer implements Layer {
    /** The activation layer type: one type for every activation function. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "activation";
        }

        @Override
        public List<String> tokens() {
            List<String> t = new ArrayList<>(Activations.NAMES);
            t.add("linear");
            return t;
        }

        @Override
        public String usage() {
            return String.join("|", Activations.NAMES) + " (leaky_relu takes an optional ALPHA)";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            Activation a = Activations.byName(word);
            if (a instanceof LeakyRelu && args.size() == 1) {
                a = new LeakyRelu(Specs.number(word, args.get(0), 0f, Float.MAX_VALUE));
            } else if (!args.isEmpty()) {
                throw new IllegalArgumentException("expected '" + word + "' alone" + (a instanceof LeakyRelu
                        ? " or 'leaky_relu ALPHA'" : ""));
            }
            return config(a);
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            return new ActivationLayer(name, activation(config));
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            create("check", config, in);
            return Map.of();
        }

        @Override
        public int formatVersion() {
            return 1;
        }

        @Override
        public String example() {
            return "tanh";
        }

        @Override
        public String formula(Map<String, ?> config, String in, int k) {
            return config.get("activation") + "(" + in + ")";
        }

        @Override
        public String describe(Map<String, ?> config) {
            Object alpha = config.get("alpha");
            boolean standard = alpha == null || ((Number) alpha).floatValue() == new LeakyRelu().alpha();
            return config.get("activation") + (standard ? "" : " " + alpha);
        }

        @Override
        public String namePrefix(Map<String, ?> config) {
            return String.valueOf(config.get("activation"));
        }
    };

    static Map<String, Object> config(Activation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activation", a.name());
        if (a instanceof LeakyRelu lr) {
            m.put("alpha", lr.alpha());
        }
        return m;
    }

    /** The activation a configuration names; a float alpha must survive the next save, so it is finite. */
    static Activation activation(Map<String, ?> config) {
        String n = Configs.string(config, "activation");
        Activation a;
        try {
            a = Activations.byName(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + n + "' (expected one of "
                    + String.join(", ", Activations.NAMES) + ")");
        }
        if (a instanceof LeakyRelu && config.get("alpha") != null) {
            Object alpha = config.get("alpha");
            float f = alpha instanceof Number num ? num.floatValue() : Float.NaN;
            if (!Float.isFinite(f)) {
                throw new IllegalArgumentException("alpha: expected a finite float32 number, found " + Configs.describe(alpha));
            }
            return new LeakyRelu(f);
        }
        return a;
    }

    private final String name;
    private final Activation activation;
    private Tensor z;
    private Tensor a;
    private Tensor dZ;

    public ActivationLayer(String name, Activation activation) {
        this.name = name;
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
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
        return config(activation);
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Tensor out;
        if (training) {
            if (a == null || !a.sameShape(x)) {
                a = Tensor.zeros(x.shape());
            }
            z = x;
            out = a;
        } else {
            out = Tensor.zeros(x.shape());
        }
        activation.forward(x, out);
        return out;
    }

    @Override
    public Tensor backward(Tensor dA, boolean needInputGrad) {
        if (z == null) {
            throw new IllegalStateException(name + ": backward called before a training forward");
        }
        if (!dA.sameShape(a)) {
            throw new org.scratchnet.tensor.ShapeException(name + ": gradient " + dA.shapeString()
                    + " does not match output " + a.shapeString());
        }
        if (!needInputGrad) {
            return null;
        }
        if (dZ == null || !dZ.sameShape(dA)) {
            dZ = Tensor.zeros(dA.shape());
        }
        activation.backward(z, a, dA, dZ);
        return dZ;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public int[] outputShape(int[] in) {
        if (activation.name().equals("softmax") && in.length != 1) {
            throw new org.scratchnet.tensor.ShapeException(name + ": softmax takes [N, D], input is "
                    + Configs.batchShape(in) + ": add flatten before it");
        }
        return in.clone();
    }
}
