package org.scratchnet.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.init.Rng;
import org.scratchnet.tensor.Ops;
import org.scratchnet.tensor.ShapeException;
import org.scratchnet.tensor.Tensor;

/**
 * Inverted dropout (Srivastava et al., 2014, scaled at training time as PyTorch's
 * {@code nn.Dropout}): in training each value is kept with probability 1 − p and scaled by
 * 1/(1 − p), else zeroed; in {@code predict} the layer passes its input through.
 *
 * <pre>
 *   x, a, mask   (N, ...)   any shape; mask holds 0 or 1/(1−p)
 *   a  = x ⊙ mask
 *   dX = dA ⊙ mask
 * </pre>
 *
 * The mask of value j of batch row r is a keyed draw of (run seed, layer name, step, the row's
 * position in the dataset, j) — see {@link BatchContext} — so it is the same however rows are
 * split between threads, batches of a split step or machines, and a gradient check that
 * repeats the forward pass sees the same mask.
 * Network spec: {@code dropout P}; configuration {@code {"rate": P}}.
 */
public final class Dropout implements Layer {
    /** The dropout layer type. */
    public static final LayerType TYPE = new LayerType() {
        @Override
        public String name() {
            return "dropout";
        }

        @Override
        public List<String> tokens() {
            return List.of("dropout");
        }

        @Override
        public String usage() {
            return "dropout P (0 <= P < 1)";
        }

        @Override
        public Map<String, Object> parse(String word, List<String> args) {
            if (args.size() != 1) {
                throw new IllegalArgumentException("expected '" + usage() + "'");
            }
            return config(Specs.number(word, args.get(0), 0f, 1f));
        }

        @Override
        public Layer create(String name, Map<String, ?> config, int[] in) {
            return new Dropout(name, Configs.number(config, "rate", 0f, 1f, false));
        }

        @Override
        public Map<String, int[]> tensors(Map<String, ?> config, int[] in) {
            create("check", config, in);
            return Map.of();
        }

        @Override
        public String example() {
            return "dropout 0.5";
        }

        @Override
        public String formula(Map<String, ?> config, String in, int k) {
            return in + " ⊙ mask,  mask = 0 or 1/(1 − " + config.get("rate") + ")";
        }

        @Override
        public String gradient(Map<String, ?> config, String of, String in, String dOut, int k) {
            return of.equals("input") ? dOut + " ⊙ mask" : null;
        }

        @Override
        public String describe(Map<String, ?> config) {
            return "dropout " + config.get("rate");
        }
    };

    private final String name;
    private final float rate;
    private BatchContext batch = BatchContext.ordered(0, 0);
    private Tensor mask;
    private Tensor a;
    private Tensor dX;

    public Dropout(String name, float rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout(" + name + "): rate must be in [0, 1), got " + rate);
        }
        this.name = name;
        this.rate = rate;
    }

    static Map<String, Object> config(float rate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate", rate);
        return m;
    }

    public float rate() {
        return rate;
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
        return config(rate);
    }

    @Override
    public int[] outputShape(int[] in) {
        return in.clone();
    }

    @Override
    public void beginBatch(BatchContext batch) {
        this.batch = batch;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        if (!training) {
            return x;
        }
        if (mask == null || !mask.sameShape(x)) {
            mask = Tensor.zeros(x.shape());
            a = Tensor.zeros(x.shape());
        }
        fillMask(mask, batch);
        Ops.multiply(x, mask, a);
        return a;
    }

    /** mask (N, ...) = 1/(1−p) where the keyed draw for (row, j) is ≥ p, else 0. */
    private void fillMask(Tensor m, BatchContext b) {
        float[] v = m.data();
        int n = m.rows(), d = m.cols();
        float keep = 1f / (1f - rate);
        long stream = Rng.key(b.seed(), "dropout:" + name);
        for (int r = 0; r < n; r++) {
            long row = b.row(r);
            for (int j = 0; j < d; j++) {
                v[r * d + j] = Rng.keyed(stream, b.step(), row, j) >= rate ? keep : 0f;
            }
        }
    }

    @Override
    public Tensor backward(Tensor dA, boolean needInputGrad) {
        if (mask == null) {
            throw new IllegalStateException("Dropout(" + name + "): backward called before a training forward");
        }
        if (!dA.sameShape(mask)) {
            throw new ShapeException("Dropout(" + name + "): gradient " + dA.shapeString() + " does not match output "
                    + mask.shapeString());
        }
        if (!needInputGrad) {
            return null;
        }
        if (dX == null || !dX.sameShape(dA)) {
            dX = Tensor.zeros(dA.shape());
        }
        Ops.multiply(dA, mask, dX);
        return dX;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
