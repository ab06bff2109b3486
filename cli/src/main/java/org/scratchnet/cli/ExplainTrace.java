package org.scratchnet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Layer;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.optim.Sgd;
import org.scratchnet.tensor.Tensor;

/**
 * Runs one forward pass, the loss, one backward pass and one SGD update of a Sequential on a
 * small batch, printing every step the way the tutorials write it: the formula, the shapes,
 * and the values (at most {@link #MAX_ROWS} rows × {@link #MAX_COLS} columns, one row per line).
 *
 * <p>Names: dense layer k computes {@code zk = a(k-1) @ Wk + bk} (a0 = x); its activation gives
 * {@code ak}; the last a is y_pred. Gradients mirror them: dZk, dWk, dbk, dAk.
 */
final class ExplainTrace {
    static final int MAX_ROWS = 4;
    static final int MAX_COLS = 6;
    private static final String INDENT = "        ";

    private final PrintWriter out;

    ExplainTrace(PrintWriter out) {
        this.out = out;
    }

    /** One step of the trace: which dense layer (1-based) and the layer itself. */
    private record Step(Layer layer, int k, String in, String out) {
    }

    /** x (N, D), y (N, K). Mutates the model's parameters by one SGD step of {@code lr}. */
    void run(Sequential model, Tensor x, Tensor y, Loss loss, float lr) {
        List<Step> steps = new ArrayList<>();
        int k = 0;
        String a = "x";
        for (Layer l : model.layers()) {
            if (l instanceof Dense) {
                k++;
                steps.add(new Step(l, k, a, "z" + k));
                a = "z" + k;
            } else {
                steps.add(new Step(l, k, a, "a" + k));
                a = "a" + k;
            }
        }
        String last = a;

        section("input");
        show("x", "", x);
        show("y", "", y);

        section("forward");
        model.zeroGrad();
        Tensor h = x;
        for (Step s : steps) {
            Tensor in = h;
            h = s.layer.forward(in, true).copy();
            String name = s.out.equals(last) ? "y_pred = " + s.out : s.out;
            if (s.layer instanceof Dense) {
                Dense d = (Dense) s.layer;
                String w = d.weight().value().shapeString().replace("[", "(").replace("]", ")").replace(" ", "");
                String formula = s.in + " @ W" + s.k + (d.hasBias() ? " + b" + s.k : "");
                String shapes = shape(in) + " @ " + w + (d.hasBias() ? " + " + shape(d.bias().value()) : "")
                        + " -> " + shape(h);
                show(name + " = " + formula, shapes, h);
            } else {
                String f = ((ActivationLayer) s.layer).activation().name();
                show(name + " = " + f + "(" + s.in + ")", shape(in) + " -> " + shape(h), h);
            }
        }

        section("loss");
        Tensor grad = Tensor.zeros(h.shape());
        double value = loss.compute(h, y, grad);
        out.printf(Locale.ROOT, "  L = %s(y_pred, y) = %s = %s%n", loss.name(), LossText.formula(loss), num(value));

        section("backward");
        show("dY_pred = dL/dy_pred = " + LossText.gradient(loss), shape(grad), grad);
        Tensor g = grad;
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            boolean needInput = i > 0;
            Tensor gIn = s.layer.backward(g, needInput);
            if (s.layer instanceof Dense) {
                Dense d = (Dense) s.layer;
                String dz = "dZ" + s.k;
                Tensor dW = d.weight().grad();
                // a(k-1)ᵀ (D,N) @ dZk (N,H) -> dWk (D,H)
                show("dW" + s.k + " = " + s.in + "ᵀ @ " + dz, shapeT(dW.rows(), g.rows()) + " @ " + shape(g)
                        + " -> " + shape(dW), dW);
                if (d.hasBias()) {
                    show("db" + s.k + " = Σ_rows " + dz, shape(g) + " -> " + shape(d.bias().grad()), d.bias().grad());
                }
                if (needInput) {
                    show("dA" + (s.k - 1) + " = " + dz + " @ W" + s.k + "ᵀ", shape(g) + " @ " + shapeT(g.cols(), dW.rows())
                            + " -> " + shape(gIn), gIn);
                }
            } else if (needInput) {
                String f = ((ActivationLayer) s.layer).activation().name();
                String dz = "dZ" + s.k;
                String from = s.out.equals(last) ? "dY_pred" : "dA" + s.k;
                String rule = LossText.fused(loss, f)
                        ? from + " ⊙ " + f + "'(z" + s.k + ") = (y_pred − y) / " + LossText.divisor(loss, y)
                        : from + " ⊙ " + LossText.derivative(f, s.k);
                show(dz + " = " + rule, shape(g) + " -> " + shape(gIn), gIn);
            }
            g = gIn == null ? null : gIn.copy();
        }

        section(String.format(Locale.ROOT, "update (SGD, lr %s): each parameter p ← p − lr·dp", lr));
        new Sgd(lr).step(model.parameters());
        for (Step s : steps) {
            if (s.layer instanceof Dense) {
                Dense d = (Dense) s.layer;
                show("W" + s.k + " ← W" + s.k + " − " + lr + "·dW" + s.k, shape(d.weight().value()), d.weight().value());
                if (d.hasBias()) {
                    show("b" + s.k + " ← b" + s.k + " − " + lr + "·db" + s.k, shape(d.bias().value()), d.bias().value());
                }
            }
        }
        double after = loss.value(model.predict(x), y);
        out.printf(Locale.ROOT, "%nloss on the same rows after one update: %s (was %s)%n", num(after), num(value));
        out.flush();
    }

    private void section(String title) {
        out.println();
        out.println(title);
    }

    /** "  name   shapes" then the values, one row per line. */
    private void show(String name, String shapes, Tensor t) {
        out.println("  " + name + (shapes.isEmpty() ? "   " + shape(t) : "   " + shapes));
        for (String line : rows(t)) {
            out.println(INDENT + line);
        }
    }

    /** Values of t (N, K), at most MAX_ROWS × MAX_COLS, as "[v, v, ..., …]" lines. */
    static List<String> rows(Tensor t) {
        List<String> lines = new ArrayList<>();
        int r = t.rows(), c = t.cols();
        for (int i = 0; i < Math.min(r, MAX_ROWS); i++) {
            StringBuilder sb = new StringBuilder("[");
            for (int j = 0; j < Math.min(c, MAX_COLS); j++) {
                sb.append(j == 0 ? "" : ", ").append(num(t.get(i, j)));
            }
            if (c > MAX_COLS) {
                sb.append(", … (").append(c).append(" columns)");
            }
            lines.add(sb.append(']').toString());
        }
        if (r > MAX_ROWS) {
            lines.add("… (" + r + " rows)");
        }
        return lines;
    }

    /** Four significant digits, e.g. 0.4521, -0.001234, 1.234e-05; whole numbers as integers. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v); // 0/1 targets and one-hot rows read as integers
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String shape(Tensor t) {
        return "(" + t.rows() + "," + t.cols() + ")";
    }

    private static String shapeT(int rows, int cols) {
        return "(" + rows + "," + cols + ")";
    }
}
