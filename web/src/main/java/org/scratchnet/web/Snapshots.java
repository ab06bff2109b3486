package org.scratchnet.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Features;
import org.scratchnet.layer.Layer;
import org.scratchnet.tensor.Tensor;

/**
 * What the page draws, as JSON-ready maps: the decision boundary over a G×G grid of the plane,
 * every neuron's output over a smaller grid, the weights, the losses; and the points themselves.
 *
 * <p>Heat maps travel as base64 bytes, row 0 at the top (largest x2), column 0 at the left
 * (smallest x1): the boundary byte is round(255·clamp(output, 0, 1)); a neuron byte is
 * round(127.5·(clamp(a, −1, 1) + 1)); an input feature is scaled by its largest |value| on the
 * grid first, so each shows its own shape. Grid cell (i, j) is sampled at its centre.
 */
final class Snapshots {
    /** Boundary resolution: 64×64 cells. */
    static final int GRID = 64;
    /** Per-neuron resolution: 24×24 cells. */
    static final int NEURON_GRID = 24;

    private static final java.math.MathContext FIVE_DIGITS = new java.math.MathContext(5);

    private Snapshots() {
    }

    /** Centres of a g×g grid over [−r, r]²: (g·g, 2), row-major from the top-left. */
    static Tensor grid(int g, float r) {
        float[] p = new float[g * g * 2];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                int k = (i * g + j) * 2;
                p[k] = -r + (j + 0.5f) * 2 * r / g;
                p[k + 1] = r - (i + 0.5f) * 2 * r / g;
            }
        }
        return Tensor.of(p, g * g, 2);
    }

    static Map<String, Object> snapshot(Training t, long version, boolean playing, String error, double stepsPerSecond) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "snapshot");
        m.put("version", version);
        m.put("epoch", t.epoch());
        m.put("step", t.steps());
        m.put("playing", playing);
        m.put("trainLoss", finite(t.trainLoss()));
        m.put("testLoss", finite(t.testLoss()));
        m.put("stepsPerSecond", Math.round(stepsPerSecond));
        m.put("range", (double) t.range);
        m.put("grid", GRID);
        m.put("boundary", boundary(t.predictRaw(grid(GRID, t.range))));
        m.put("neuronGrid", NEURON_GRID);
        m.put("neurons", neurons(t));
        m.put("weights", weights(t));
        m.put("error", error);
        return m;
    }

    /** The points: train and test as flat [x1, x2, y, ...] lists. */
    static Map<String, Object> data(Training t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("range", (double) t.range);
        m.put("regression", t.settings.regression());
        m.put("train", points(t.trainRaw.x(), t.trainRaw.y()));
        m.put("test", points(t.testRaw.x(), t.testRaw.y()));
        return m;
    }

    private static List<Object> points(Tensor x, Tensor y) {
        List<Object> l = new ArrayList<>(x.rows() * 3);
        for (int i = 0; i < x.rows(); i++) {
            l.add(round(x.get(i, 0)));
            l.add(round(x.get(i, 1)));
            l.add(round(y.get(i, 0)));
        }
        return l;
    }

    private static String boundary(Tensor out) {
        float[] v = out.data();
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) Math.round(255 * clamp(v[i], 0, 1));
        }
        return Base64.getEncoder().encodeToString(b);
    }

    /**
     * One list per column of the drawing: the input features (the model's first layer), then
     * each hidden layer's activations, then the output. A layer's output is taken where the next layer is not an
     * activation (after dense + activation, or after a bare dense).
     */
    private static List<Object> neurons(Training t) {
        Tensor h = grid(NEURON_GRID, t.range);
        List<Object> columns = new ArrayList<>();
        List<Layer> layers = t.model.layers();
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).forward(h, false);
            boolean last = i + 1 == layers.size();
            if (last && !t.settings.regression()) {
                // a probability: 0.5 is the border, shown as the middle of the scale
                float[] p = h.data();
                float[] v = new float[p.length];
                for (int k = 0; k < p.length; k++) {
                    v[k] = 2 * p[k] - 1;
                }
                h = Tensor.of(v, h.shape());
            }
            if (last || !(layers.get(i + 1) instanceof ActivationLayer)) {
                columns.add(maps(h, layers.get(i) instanceof Features));
            }
        }
        return columns;
    }

    /** h (g·g, H) → H base64 maps. */
    private static List<Object> maps(Tensor h, boolean ownScale) {
        int n = h.rows(), c = h.cols();
        float[] v = h.data();
        List<Object> out = new ArrayList<>(c);
        for (int j = 0; j < c; j++) {
            float scale = 1;
            if (ownScale) {
                float m = 0;
                for (int i = 0; i < n; i++) {
                    m = Math.max(m, Math.abs(v[i * c + j]));
                }
                scale = m > 0 ? 1 / m : 1;
            }
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) Math.round(127.5f * (clamp(v[i * c + j] * scale, -1, 1) + 1));
            }
            out.add(Base64.getEncoder().encodeToString(b));
        }
        return out;
    }

    /** Per dense layer: w as rows (one per input) and b. */
    private static List<Object> weights(Training t) {
        List<Object> out = new ArrayList<>();
        for (Layer l : t.model.layers()) {
            if (l instanceof Dense d) {
                float[][] w = d.weight().value().toArray2d();
                List<Object> rows = new ArrayList<>();
                for (float[] r : w) {
                    List<Object> row = new ArrayList<>();
                    for (float v : r) {
                        row.add(round(v));
                    }
                    rows.add(row);
                }
                List<Object> b = new ArrayList<>();
                if (d.hasBias()) {
                    for (float v : d.bias().value().data()) {
                        b.add(round(v));
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", d.name());
                m.put("w", rows);
                m.put("b", b);
                out.add(m);
            }
        }
        return out;
    }

    private static float clamp(float v, float lo, float hi) {
        return Float.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, v));
    }

    /** JSON has no NaN/Inf: those travel as null and the page shows "—". */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** 5 significant digits are plenty on screen and keep a snapshot small. */
    static Object round(float v) {
        if (!Float.isFinite(v)) {
            return null;
        }
        return new java.math.BigDecimal(v).round(FIVE_DIGITS).stripTrailingZeros();
    }
}
