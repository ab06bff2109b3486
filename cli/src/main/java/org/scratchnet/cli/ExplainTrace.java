package org.scratchnet.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.Layer;
import org.scratchnet.layer.LayerType;
import org.scratchnet.layer.LayerTypes;
import org.scratchnet.layer.Parameter;
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

    /** One step of the trace: the layer, its type, the parameter index k (W1, b1), and its input/output names. */
    private record Step(Layer layer, LayerType type, int k, String in, String out) {
        String formula() {
            return type.formula(layer.config(), in, k);
        }

        String gradient(String of, String dOut) {
            return type.gradient(layer.config(), of, in, dOut, k);
        }
    }

    /** x (N, D) or (N, C, H, W), y (N, K). Mutates the model's parameters by one SGD step of {@code lr}. */
    void run(Sequential model, Tensor x, Tensor y, Loss loss, float lr) {
        List<Step> steps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int k = 0;
        String a = "x";
        for (Layer l : model.layers()) {
            boolean product = !l.parameters().isEmpty();
            if (product) {
                k++;
            }
            String out = (product ? "z" : "a") + k;
            while (!names.add(out)) {
                out += "′"; // a second parameterless layer after the same product (dropout after relu)
            }
            steps.add(new Step(l, LayerTypes.of(l), k, a, out));
            a = out;
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
            StringBuilder shapes = new StringBuilder(shape(in));
            List<Parameter> ps = s.layer.parameters();
            for (int i = 0; i < ps.size(); i++) {
                shapes.append(i == 0 ? " @ " : " + ").append(shape(ps.get(i).value()));
            }
            show(name + " = " + s.formula(), shapes.append(" -> ").append(shape(h)).toString(), h);
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
            String dOut = "d" + (s.out.equals(last) && !s.layer.parameters().isEmpty() ? "Z" + s.k : dName(s.out, last));
            for (Parameter p : s.layer.parameters()) {
                String suffix = suffix(p);
                String formula = s.gradient(suffix, dOut);
                Tensor dP = p.grad();
                String shapes = formula != null && formula.endsWith("ᵀ @ " + dOut)
                        ? shapeT(dP.rows(), g.rows()) + " @ " + shape(g) + " -> " + shape(dP)
                        : shape(g) + " -> " + shape(dP);
                show("d" + symbol(suffix) + s.k + " = " + (formula != null ? formula : "∂L/∂" + symbol(suffix) + s.k),
                        shapes, dP);
            }
            if (needInput) {
                String to = "d" + dName(steps.get(i - 1).out, last);
                if (s.layer instanceof ActivationLayer act) {
                    String f = act.activation().name();
                    String from = s.out.equals(last) ? "dY_pred" : "dA" + s.k;
                    String rule = LossText.fused(loss, f)
                            ? from + " ⊙ " + f + "'(z" + s.k + ") = (y_pred − y) / " + LossText.divisor(loss, y)
                            : from + " ⊙ " + LossText.derivative(f, s.k);
                    show("dZ" + s.k + " = " + rule, shape(g) + " -> " + shape(gIn), gIn);
                } else {
                    String formula = s.gradient("input", s.out.equals(last) && s.layer.parameters().isEmpty()
                            ? "dY_pred" : dOut);
                    String shapes = formula != null && formula.startsWith(dOut + " @ ") && !s.layer.parameters().isEmpty()
                            ? shape(g) + " @ " + shapeT(g.cols(), s.layer.parameters().get(0).value().rows()) + " -> "
                            + shape(gIn)
                            : shape(g) + " -> " + shape(gIn);
                    show(to + " = " + (formula != null ? formula : "∂L/∂" + steps.get(i - 1).out), shapes, gIn);
                }
            }
            g = gIn == null ? null : gIn.copy();
        }

        section(String.format(Locale.ROOT, "update (SGD, lr %s): each parameter p ← p − lr·dp", lr));
        new Sgd(lr).step(model.parameters());
        for (Step s : steps) {
            for (Parameter p : s.layer.parameters()) {
                String sym = symbol(suffix(p)) + s.k;
                show(sym + " ← " + sym + " − " + lr + "·d" + sym, shape(p.value()), p.value());
            }
        }
        double after = loss.value(model.predict(x), y);
        out.printf(Locale.ROOT, "%nloss on the same rows after one update: %s (was %s)%n", num(after), num(value));
        out.flush();
    }

    /** "dA1" for a1, "dZ2" for z2: gradient names mirror forward names. */
    private static String dName(String name, String last) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The part of "dense1.weight" after the layer name. */
    private static String suffix(Parameter p) {
        String n = p.name();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** W for weight, b for bias, else the suffix itself (gamma, beta). */
    private static String symbol(String suffix) {
        return switch (suffix) {
            case "weight" -> "W";
            case "bias" -> "b";
            default -> suffix;
        };
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

    /** "(4,16)" or "(4,1,28,28)": the tensor's full shape. */
    static String shape(Tensor t) {
        return t.shapeString().replace("[", "(").replace("]", ")").replace(" ", "");
    }

    private static String shapeT(int rows, int cols) {
        return "(" + rows + "," + cols + ")";
    }
}
