package org.scratchnet.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scratchnet.activation.Activation;
import org.scratchnet.activation.Activations;
import org.scratchnet.init.Initializer;
import org.scratchnet.init.Rng;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.BatchContext;
import org.scratchnet.layer.Configs;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Dropout;
import org.scratchnet.layer.Flatten;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.LayerType;
import org.scratchnet.layer.LayerTypes;
import org.scratchnet.layer.Parameter;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Layers applied in order. Input is a batch {@code [N, ...inputShape]}: {@code [N, D]} for a
 * table, {@code [N, C, H, W]} for images; every layer's {@link Layer#outputShape} is checked
 * when the model is built, so a layer that does not fit fails before any data is seen.
 *
 * <pre>{@code
 * Sequential model = Sequential.builder(2)
 *         .dense(16).activation("relu")
 *         .dense(1).activation("sigmoid")
 *         .build(42);
 * }</pre>
 */
public final class Sequential {
    private final int[] inputShape;
    private final int[] outputShape;
    private final List<Layer> layers;

    public Sequential(int inputWidth, List<Layer> layers) {
        this(new int[] {inputWidth}, layers);
    }

    /** A model for input samples of shape {@code inputShape} (batch excluded), checking every layer's shape. */
    public Sequential(int[] inputShape, List<Layer> layers) {
        this.inputShape = inputShape.clone();
        this.layers = List.copyOf(layers);
        int[] s = this.inputShape;
        for (Layer l : this.layers) {
            s = l.outputShape(s);
        }
        this.outputShape = s;
    }

    public static Builder builder(int... inputShape) {
        return new Builder(inputShape);
    }

    /** The input sample shape (batch excluded): {@code [D]} or {@code [C, H, W]}. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** The output sample shape (batch excluded), normally {@code [K]}. */
    public int[] outputShape() {
        return outputShape.clone();
    }

    /** Values per input sample: D for a table, C·H·W for images. */
    public int inputWidth() {
        return Math.toIntExact(Configs.size(inputShape));
    }

    /** Values per output sample: K. */
    public int outputWidth() {
        return Math.toIntExact(Configs.size(outputShape));
    }

    /** The sample shape entering layer {@code i} (the output of layer i−1, or the input for i = 0). */
    public int[] shapeBefore(int i) {
        int[] s = inputShape;
        for (int j = 0; j < i; j++) {
            s = layers.get(j).outputShape(s);
        }
        return s.clone();
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

    /** Training forward pass for a batch that {@code batch} identifies (seed, step, dataset rows: dropout masks). */
    public Tensor forward(Tensor x, BatchContext batch) {
        for (Layer l : layers) {
            l.beginBatch(batch);
        }
        return forward(x);
    }

    /** Largest activation (values) one inference pass may hold; bigger inputs are predicted in row chunks. */
    static final long PREDICT_MAX_VALUES = 1L << 24;

    /**
     * Inference: fresh output, no state kept, safe to call from several threads at once. When an
     * activation of the whole input would exceed {@link #PREDICT_MAX_VALUES} values (64 MB; a conv
     * layer's maps for 60,000 images: 5 GB), rows go through in equal chunks; rows are independent,
     * so only memory changes.
     */
    public Tensor predict(Tensor x) {
        return predict(x, PREDICT_MAX_VALUES);
    }

    /** {@link #predict(Tensor)} with its activation limit given (tests use small ones). */
    Tensor predict(Tensor x, long maxValues) {
        checkInput(x);
        int n = x.dim(0);
        long widest = Configs.size(inputShape);
        int[] shape = inputShape;
        for (Layer l : layers) {
            shape = l.outputShape(shape);
            widest = Math.max(widest, Configs.size(shape));
        }
        long maxRows = Math.max(1, maxValues / widest);
        if (n <= maxRows) {
            return predictRows(x);
        }
        int chunks = (int) ((n + maxRows - 1) / maxRows), per = (n + chunks - 1) / chunks;
        int outWidth = Math.toIntExact(Configs.size(shape));
        float[] out = new float[Math.multiplyExact(n, outWidth)];
        int[] rowShape = x.shape();
        int rowValues = x.size() / n;
        for (int from = 0; from < n; from += per) {
            int to = Math.min(n, from + per);
            rowShape[0] = to - from;
            Tensor part = Tensor.of(java.util.Arrays.copyOfRange(x.data(), from * rowValues, to * rowValues), rowShape.clone());
            System.arraycopy(predictRows(part).data(), 0, out, from * outWidth, (to - from) * outWidth);
        }
        int[] outShape = new int[shape.length + 1];
        outShape[0] = n;
        System.arraycopy(shape, 0, outShape, 1, shape.length);
        return Tensor.of(out, outShape);
    }

    private Tensor predictRows(Tensor x) {
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

    /** Non-trainable saved state of every layer (running statistics), in layer order. */
    public List<Parameter> buffers() {
        List<Parameter> ps = new ArrayList<>();
        for (Layer l : layers) {
            ps.addAll(l.buffers());
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

    /** Copies every parameter and buffer value from {@code other}, which must have the same architecture. */
    public void copyParametersFrom(Sequential other) {
        copy(parameters(), other.parameters());
        copy(buffers(), other.buffers());
    }

    private static void copy(List<Parameter> mine, List<Parameter> theirs) {
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
        sb.append(String.format(Locale.ROOT, fmt, "input", "", Configs.batchShape(inputShape), ""));
        int[] s = inputShape;
        for (Layer l : layers) {
            s = l.outputShape(s);
            long count = 0;
            for (Parameter p : l.parameters()) {
                count += p.value().size();
            }
            sb.append(String.format(Locale.ROOT, fmt, l.name(), kind(l), Configs.batchShape(s), count));
        }
        sb.append(String.format(Locale.ROOT, "total parameters: %d%n", parameterCount()));
        return sb.toString();
    }

    /** What the layer table calls a layer: its name prefix ("dense", "relu", "dropout"). */
    public static String kind(Layer l) {
        LayerType t = LayerTypes.byName(l.type());
        return t == null ? l.type() : t.namePrefix(l.config());
    }

    private void checkInput(Tensor x) {
        if (inputShape.length == 1 && (x.rank() != 2 || x.cols() != inputShape[0])) {
            throw new ShapeException("Sequential: input " + x.shapeString() + " has " + x.cols()
                    + " features, model expects " + inputShape[0]);
        }
        if (x.rank() != inputShape.length + 1 || !Arrays.equals(Arrays.copyOfRange(x.shape(), 1, x.rank()), inputShape)) {
            throw new ShapeException("Sequential: input " + x.shapeString() + " does not match the model's input "
                    + Configs.batchShape(inputShape));
        }
    }

    /** Builds a Sequential with automatic layer names (dense1, relu1, ...), checking each layer's shape as it is added. */
    public static final class Builder {
        private final int[] inputShape;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<String, Integer> counters = new HashMap<>();
        private int[] shape;
        private Initializer weightInit;
        private Initializer biasInit;

        private Builder(int[] inputShape) {
            if (inputShape.length == 0) {
                throw new IllegalArgumentException("input shape must have at least one dimension");
            }
            for (int d : inputShape) {
                if (d < 1) {
                    throw new IllegalArgumentException(inputShape.length == 1 ? "input width must be >= 1, got " + d
                            : "input dimensions must be >= 1, got " + Arrays.toString(inputShape));
                }
            }
            this.inputShape = inputShape.clone();
            this.shape = inputShape.clone();
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
            String name = nextName("dense");
            return add(withInit(new Dense(name, Dense.widthOf(name, shape), units, useBias)));
        }

        public Builder activation(String name) {
            return activation(Activations.byName(name));
        }

        public Builder activation(Activation a) {
            return add(new ActivationLayer(nextName(a.name()), a));
        }

        public Builder dropout(float rate) {
            return add(new Dropout(nextName("dropout"), rate));
        }

        public Builder flatten() {
            return add(new Flatten(nextName("flatten")));
        }

        /** A layer of {@code type} built from {@code config} for the current shape, named automatically. */
        public Builder add(LayerType type, Map<String, ?> config) {
            return add(withInit(type.create(nextName(type.namePrefix(config)), config, shape)));
        }

        private Layer withInit(Layer layer) {
            if (layer instanceof Dense d && weightInit != null) {
                d.withInit(weightInit, biasInit);
            }
            return layer;
        }

        public Builder add(Layer layer) {
            shape = layer.outputShape(shape);
            layers.add(layer);
            return this;
        }

        /** The sample shape the next layer receives. */
        public int[] shape() {
            return shape.clone();
        }

        private String nextName(String prefix) {
            int n = counters.merge(prefix, 1, Integer::sum);
            return prefix + n;
        }

        /** The model with parameters initialized from {@code seed}. */
        public Sequential build(long seed) {
            return new Sequential(inputShape, layers).initialize(seed);
        }
    }
}
