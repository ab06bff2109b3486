package org.scratchnet.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.activation.Activation;
import org.scratchnet.activation.Activations;
import org.scratchnet.init.Initializer;
import org.scratchnet.init.Rng;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Layers applied in order. Input is (N, D); output is (N, K) where K is the last width.
 *
 * <pre>{@code
 * Sequential model = Sequential.builder(2)
 *         .dense(16).activation("relu")
 *         .dense(1).activation("sigmoid")
 *         .build(42);
 * }</pre>
 */
public final class Sequential {
    private final int inputWidth;
    private final List<Layer> layers;

    public Sequential(int inputWidth, List<Layer> layers) {
        this.inputWidth = inputWidth;
        this.layers = List.copyOf(layers);
        int w = inputWidth;
        for (Layer l : this.layers) {
            w = l.outputWidth(w);
        }
    }

    public static Builder builder(int inputWidth) {
        return new Builder(inputWidth);
    }

    public int inputWidth() {
        return inputWidth;
    }

    public int outputWidth() {
        int w = inputWidth;
        for (Layer l : layers) {
            w = l.outputWidth(w);
        }
        return w;
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** Initializes every layer's parameters, in order, from one generator seeded with {@code seed}. */
    public Sequential initialize(long seed) {
        Rng rng = Rng.forPurpose(seed, "init");
        for (Layer l : layers) {
            l.initialize(rng);
        }
        return this;
    }

    /** Training forward pass: layers keep what backward needs; outputs may be reused buffers. */
    public Tensor forward(Tensor x) {
        checkInput(x);
        Tensor h = x;
        for (Layer l : layers) {
            h = l.forward(h, true);
        }
        return h;
    }

    /** Inference: fresh output, no state kept, safe to call from several threads at once. */
    public Tensor predict(Tensor x) {
        checkInput(x);
        Tensor h = x;
        for (Layer l : layers) {
            h = l.forward(h, false);
        }
        return h;
    }

    /**
     * Backward pass from dL/d(output). Parameter gradients accumulate into their grad tensors.
     * Returns dL/dx when {@code needInputGrad}, else null (skipping the first layer's dX).
     */
    public Tensor backward(Tensor gradOutput, boolean needInputGrad) {
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            boolean need = i > 0 || needInputGrad;
            g = layers.get(i).backward(g, need);
        }
        return g;
    }

    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) {
            ps.addAll(l.parameters());
        }
        return ps;
    }

    public void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }

    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.value().size();
        }
        return n;
    }

    /** Copies every parameter value from {@code other}, which must have the same architecture. */
    public void copyParametersFrom(Sequential other) {
        List<Parameter> mine = parameters(), theirs = other.parameters();
        if (mine.size() != theirs.size()) {
            throw new ShapeException("copyParametersFrom: " + mine.size() + " parameters vs " + theirs.size());
        }
        for (int i = 0; i < mine.size(); i++) {
            mine.get(i).value().copyFromInPlace(theirs.get(i).value());
        }
    }

    /** A table of layers, output shapes and parameter counts, like Keras' summary(). */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-12s %-10s %-12s %10s%n";
        sb.append(String.format(Locale.ROOT, fmt, "layer", "type", "output", "params"));
        sb.append(String.format(Locale.ROOT, fmt, "input", "", "[N, " + inputWidth + "]", ""));
        int w = inputWidth;
        for (Layer l : layers) {
            w = l.outputWidth(w);
            long count = 0;
            for (Parameter p : l.parameters()) {
                count += p.value().size();
            }
            sb.append(String.format(Locale.ROOT, fmt, l.name(), l.type(), "[N, " + w + "]", count));
        }
        sb.append(String.format(Locale.ROOT, "total parameters: %d%n", parameterCount()));
        return sb.toString();
    }

    private void checkInput(Tensor x) {
        if (x.rank() != 2 || x.cols() != inputWidth) {
            throw new ShapeException("Sequential: input " + x.shapeString() + " has " + x.cols()
                    + " features, model expects " + inputWidth);
        }
    }

    /** Builds a Sequential with automatic layer names (dense1, relu1, ...). */
    public static final class Builder {
        private final int inputWidth;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<String, Integer> counters = new HashMap<>();
        private int width;
        private Initializer weightInit;
        private Initializer biasInit;

        private Builder(int inputWidth) {
            if (inputWidth < 1) {
                throw new IllegalArgumentException("input width must be >= 1, got " + inputWidth);
            }
            this.inputWidth = inputWidth;
            this.width = inputWidth;
        }

        /** Default initializers for the dense layers added after this call. */
        public Builder init(Initializer weights, Initializer biases) {
            this.weightInit = weights;
            this.biasInit = biases;
            return this;
        }

        public Builder dense(int units) {
            return dense(units, true);
        }

        public Builder dense(int units, boolean useBias) {
            Dense d = new Dense(nextName("dense"), width, units, useBias);
            if (weightInit != null) {
                d.withInit(weightInit, biasInit);
            }
            return add(d);
        }

        public Builder activation(String name) {
            return activation(Activations.byName(name));
        }

        public Builder activation(Activation a) {
            return add(new ActivationLayer(nextName(a.name()), a));
        }

        public Builder add(Layer layer) {
            width = layer.outputWidth(width);
            layers.add(layer);
            return this;
        }

        private String nextName(String prefix) {
            int n = counters.merge(prefix, 1, Integer::sum);
            return prefix + n;
        }

        /** The model with parameters initialized from {@code seed}. */
        public Sequential build(long seed) {
            return new Sequential(inputWidth, layers).initialize(seed);
        }
    }
}
