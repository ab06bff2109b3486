package org.scratchnet.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.LayerTypes;
import org.scratchnet.layer.Parameter;
import org.scratchnet.loss.Loss;
import org.scratchnet.optim.Adam;
import org.scratchnet.optim.Optimizer;
import org.scratchnet.tensor.Tensor;

/**
 * The "explain this step" panel's content, recorded while {@link Training#step(StepTrace)} runs
 * one real update: for each stage (forward per layer, loss, backward per layer, optimizer
 * update) a formula, the shapes involved ([N, ...], N = batch rows) and the values of the
 * batch's first row. Built from the layer API only (Dense, ActivationLayer, Parameter).
 */
final class StepTrace {
    /** Values shown per tensor: the first row, at most this many entries. */
    static final int SHOWN = 8;
    private final List<Map<String, Object>> stages = new ArrayList<>();
    private final Map<String, float[]> before = new LinkedHashMap<>();
    private final Map<String, float[]> grads = new LinkedHashMap<>();
    private Map<String, Object> batch;
    private String update;

    void batch(int[] rows, Tensor x, Tensor y) {
        batch = new LinkedHashMap<>();
        batch.put("rows", rows.length);
        batch.put("firstRow", rows[0]);
        batch.putAll(values("x", row(x), "target", row(y)));
    }

    void forward(Layer layer, Tensor in, Tensor out) {
        Map<String, Object> s = stage("forward", layer);
        if (layer instanceof Dense d) {
            s.put("formula", "z = x · W + b");
            s.put("shapes", "x " + in.shapeString() + " · W " + d.weight().value().shapeString()
                    + (d.hasBias() ? " + b " + d.bias().value().shapeString() : "") + " → z " + out.shapeString());
            s.put("values", values("x", row(in), "W (first row)", row(d.weight().value()), "z", row(out)));
        } else if (layer instanceof ActivationLayer a) {
            String f = a.activation().name();
            s.put("formula", "a = " + f + "(z)" + definition(f));
            s.put("shapes", "z " + in.shapeString() + " → a " + out.shapeString() + " (element-wise)");
            s.put("values", values("z", row(in), "a", row(out)));
        } else {
            // any other layer: its type's own formula, e.g. φ(x) = [x1, x2, x1^2]
            s.put("formula", LayerTypes.of(layer).formula(layer.config(), "x", 0));
            s.put("shapes", "x " + in.shapeString() + " → " + out.shapeString());
            s.put("values", values("x", row(in), "out", row(out)));
        }
    }

    void loss(Loss loss, Tensor pred, Tensor y, double value, Tensor grad) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("phase", "loss");
        s.put("layer", loss.name());
        boolean bce = loss.name().equals("bce");
        s.put("formula", bce ? "L = −mean(y·log p + (1−y)·log(1−p));  dL/dp = (p − y) / (p(1−p)·N)"
                : "L = mean((p − y)²);  dL/dp = 2(p − y) / N");
        s.put("shapes", "p " + pred.shapeString() + ", y " + y.shapeString() + " → L scalar, dL/dp " + grad.shapeString());
        s.put("values", values("p", row(pred), "y", row(y), "L", new float[] {(float) value}, "dL/dp", row(grad)));
        stages.add(s);
    }

    void backward(Layer layer, Tensor gradOut, Tensor gradIn) {
        Map<String, Object> s = stage("backward", layer);
        if (layer instanceof Dense d) {
            s.put("formula", "dW = xᵀ · dZ;  db = Σₙ dZ;  dX = dZ · Wᵀ");
            s.put("shapes", "dZ " + gradOut.shapeString() + " → dW " + d.weight().grad().shapeString()
                    + (d.hasBias() ? ", db " + d.bias().grad().shapeString() : "") + ", dX " + gradIn.shapeString());
            s.put("values", values("dZ", row(gradOut), "dW (first row)", row(d.weight().grad()),
                    "db", d.hasBias() ? row(d.bias().grad()) : new float[0], "dX", row(gradIn)));
        } else if (layer instanceof ActivationLayer a) {
            s.put("formula", "dZ = dA ⊙ " + a.activation().name() + "′(z)" + derivative(a.activation().name()));
            s.put("shapes", "dA " + gradOut.shapeString() + " → dZ " + gradIn.shapeString());
            s.put("values", values("dA", row(gradOut), "dZ", row(gradIn)));
        } else {
            String g = LayerTypes.of(layer).gradient(layer.config(), "input", "x", "dOut", 0);
            s.put("formula", "dX = " + (g == null ? "∂L/∂x" : g));
            s.put("shapes", "dOut " + gradOut.shapeString() + " → dX " + gradIn.shapeString());
            s.put("values", values("dOut", row(gradOut), "dX", row(gradIn)));
        }
    }

    /** Called with the gradients final (penalty included), just before the optimizer step. */
    void update(Optimizer optimizer, List<Parameter> params) {
        for (Parameter p : params) {
            before.put(p.name(), first(p.value().data()));
            grads.put(p.name(), first(p.grad().data()));
        }
        update = optimizer instanceof Adam
                ? "m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − η·m̂ / (√v̂ + ε)   (" + optimizer.describe() + ")"
                : "θ ← θ − η·g   (" + optimizer.describe() + ")";
    }

    void after(List<Parameter> params) {
        for (Parameter p : params) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("phase", "update");
            s.put("layer", p.name());
            s.put("formula", update);
            s.put("shapes", p.name() + " " + p.value().shapeString());
            s.put("values", values("θ before", before.get(p.name()), "g", grads.get(p.name()), "θ after",
                    first(p.value().data())));
            stages.add(s);
        }
    }

    Map<String, Object> toJson(int epoch, long step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        m.put("step", step);
        m.put("batch", batch);
        m.put("stages", stages);
        return m;
    }

    private Map<String, Object> stage(String phase, Layer layer) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("phase", phase);
        s.put("layer", layer.name());
        stages.add(s);
        return s;
    }

    private static String definition(String f) {
        switch (f) {
            case "relu":
                return " = max(0, z)";
            case "tanh":
                return " = (e^z − e^−z) / (e^z + e^−z)";
            case "sigmoid":
                return " = 1 / (1 + e^−z)";
            default:
                return " = z";
        }
    }

    private static String derivative(String f) {
        switch (f) {
            case "relu":
                return ",  relu′(z) = 1 if z > 0 else 0";
            case "tanh":
                return ",  tanh′(z) = 1 − a²";
            case "sigmoid":
                return ",  σ′(z) = a(1 − a)";
            default:
                return ",  f′(z) = 1";
        }
    }

    /** The first row of a 2-D tensor, at most {@link #SHOWN} values. */
    private static float[] row(Tensor t) {
        int c = t.rank() == 2 ? t.cols() : t.size();
        float[] out = new float[Math.min(c, SHOWN)];
        System.arraycopy(t.data(), 0, out, 0, out.length);
        return out;
    }

    private static float[] first(float[] v) {
        return java.util.Arrays.copyOf(v, Math.min(v.length, SHOWN));
    }

    /** name → list of values, in the order given. */
    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            float[] v = (float[]) pairs[i + 1];
            List<Object> l = new ArrayList<>(v.length);
            for (float x : v) {
                l.add(Snapshots.round(x));
            }
            m.put((String) pairs[i], l);
        }
        return m;
    }
}
