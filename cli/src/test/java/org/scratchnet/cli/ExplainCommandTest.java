package org.scratchnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Datasets;
import org.scratchnet.layer.Dense;
import org.scratchnet.layer.Layer;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

class ExplainCommandTest {
    private static final int[] WIDTHS = {2, 8, 4, 1};

    private static String explain() {
        Object[] r = DemoCommandTest.run("explain", "--layers", "2,8,4,1", "--rows", "4", "--seed", "42");
        assertThat(r[0]).as((String) r[2]).isEqualTo(0);
        return (String) r[1];
    }

    /** The model and batch explain uses, rebuilt independently of its output. */
    private static Object[] modelAndBatch() {
        Sequential model = ExplainCommand.buildModel(WIDTHS, "relu", "sigmoid", 42);
        Dataset batch = Datasets.byName("quadrants", 200, 0.1, 42).slice(0, 4);
        return new Object[] {model, batch};
    }

    @Test
    void printedForwardShapesAreTheModelsTensorShapes() {
        String out = explain();
        Object[] mb = modelAndBatch();
        Sequential model = (Sequential) mb[0];
        Tensor h = ((Dataset) mb[1]).x();
        List<String> expected = new ArrayList<>();
        for (Layer l : model.layers()) {
            Tensor in = h;
            h = l.forward(in, false);
            if (l instanceof Dense) {
                Tensor w = ((Dense) l).weight().value(), b = ((Dense) l).bias().value();
                expected.add(String.format("(%d,%d) @ (%d,%d) + (%d,%d) -> (%d,%d)", in.rows(), in.cols(), w.rows(),
                        w.cols(), b.rows(), b.cols(), h.rows(), h.cols()));
            } else {
                expected.add(String.format("(%d,%d) -> (%d,%d)", in.rows(), in.cols(), h.rows(), h.cols()));
            }
        }
        Matcher m = Pattern.compile("(?m)^  (?:y_pred = )?[za]\\d = \\S+(?: @ W\\d \\+ b\\d|\\([za]\\d\\))   (.*)$")
                .matcher(out.substring(out.indexOf("\nforward"), out.indexOf("\nloss")));
        List<String> printed = new ArrayList<>();
        while (m.find()) {
            printed.add(m.group(1));
        }
        assertThat(printed).hasSize(6).isEqualTo(expected);
        assertThat(out).contains("z1 = x @ W1 + b1   (4,2) @ (2,8) + (1,8) -> (4,8)");
        assertThat(out).contains("y_pred = a3 = sigmoid(z3)   (4,1) -> (4,1)");
    }

    @Test
    void printedGradientsMatchADirectComputation() {
        String out = explain();
        Object[] mb = modelAndBatch();
        Sequential model = (Sequential) mb[0];
        Dataset batch = (Dataset) mb[1];
        double[][] x = toDouble(batch.x()), y = toDouble(batch.y());
        double[][][] w = new double[3][][];
        double[][] b = new double[3][];
        int k = 0;
        for (Layer l : model.layers()) {
            if (l instanceof Dense) {
                w[k] = toDouble(((Dense) l).weight().value());
                b[k] = toDouble(((Dense) l).bias().value())[0];
                k++;
            }
        }
        // forward: z = a @ W + b; relu, relu, sigmoid
        double[][] z1 = affine(x, w[0], b[0]), a1 = relu(z1);
        double[][] z2 = affine(a1, w[1], b[1]), a2 = relu(z2);
        double[][] z3 = affine(a2, w[2], b[2]);
        int n = x.length;
        // BCE + sigmoid: dZ3 = (p - y) / N
        double[][] dZ3 = new double[n][1];
        for (int i = 0; i < n; i++) {
            dZ3[i][0] = (1 / (1 + Math.exp(-z3[i][0])) - y[i][0]) / n;
        }
        double[][] dW3 = matmul(transpose(a2), dZ3);
        double[][] dZ2 = reluBack(matmul(dZ3, transpose(w[2])), z2);
        double[][] dW2 = matmul(transpose(a1), dZ2);
        double[][] dZ1 = reluBack(matmul(dZ2, transpose(w[1])), z1);
        double[][] dW1 = matmul(transpose(x), dZ1);
        double[] db1 = colSums(dZ1);

        assertClose(block(out, "dZ3 = "), dZ3);
        assertClose(block(out, "dW3 = "), dW3);
        assertClose(block(out, "dW2 = "), dW2);
        assertClose(block(out, "dW1 = "), dW1);
        assertClose(block(out, "db1 = "), new double[][] {db1});
        // the update: W1 <- W1 - 0.1 dW1
        double[][] w1new = new double[2][8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 8; j++) {
                w1new[i][j] = w[0][i][j] - 0.1 * dW1[i][j];
            }
        }
        assertClose(block(out, "W1 ← "), w1new);
    }

    @Test
    void mismatchedLayersAreUsageErrors() {
        Object[] r = DemoCommandTest.run("explain", "--layers", "3,4,1");
        assertThat(r[0]).isEqualTo(2);
        assertThat(((String) r[2]).trim()).isEqualTo("error: --layers starts with 3 inputs, but quadrants has 2 features [200, 2]");
        Object[] s = DemoCommandTest.run("explain", "--data", "spiral", "--layers", "2,8,3", "--output", "none",
                "--loss", "softmax_ce");
        assertThat(s[0]).isEqualTo(0);
        assertThat((String) s[1]).contains("y_pred = z2 = a1 @ W2 + b2   (4,8) @ (8,3) + (1,3) -> (4,3)");
    }

    /** The value rows printed under the line starting with "  " + head (at most 4 × 6 values). */
    private static List<double[]> block(String out, String head) {
        int at = out.indexOf("\n  " + head);
        assertThat(at).as(head).isGreaterThan(0);
        String[] lines = out.substring(at + 1).split("\n");
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length && lines[i].startsWith("        ["); i++) {
            String body = lines[i].trim().replaceAll("^\\[|\\]$", "").replaceAll(", … \\(\\d+ columns\\)", "");
            String[] parts = body.split(", ");
            double[] v = new double[parts.length];
            for (int j = 0; j < parts.length; j++) {
                v[j] = Double.parseDouble(parts[j]);
            }
            rows.add(v);
        }
        assertThat(rows).as(head).isNotEmpty();
        return rows;
    }

    private static void assertClose(List<double[]> printed, double[][] expected) {
        int checked = 0;
        for (int i = 0; i < printed.size(); i++) {
            for (int j = 0; j < printed.get(i).length; j++) {
                double e = expected[i][j], p = printed.get(i)[j];
                assertThat(Math.abs(p - e)).as("[%d][%d] printed %s, direct %s", i, j, p, e)
                        .isLessThanOrEqualTo(1e-3 * Math.abs(e) + 1e-7);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(0);
    }

    private static double[][] toDouble(Tensor t) {
        double[][] d = new double[t.rows()][t.cols()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                d[i][j] = t.get(i, j);
            }
        }
        return d;
    }

    private static double[][] affine(double[][] a, double[][] w, double[] b) {
        double[][] z = matmul(a, w);
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] += b[j];
            }
        }
        return z;
    }

    private static double[][] matmul(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int p = 0; p < b.length; p++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][p] * b[p][j];
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] relu(double[][] z) {
        double[][] a = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            a[i] = z[i].clone();
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] = Math.max(0, a[i][j]);
            }
        }
        return a;
    }

    private static double[][] reluBack(double[][] dA, double[][] z) {
        for (int i = 0; i < dA.length; i++) {
            for (int j = 0; j < dA[i].length; j++) {
                dA[i][j] = z[i][j] > 0 ? dA[i][j] : 0;
            }
        }
        return dA;
    }

    private static double[] colSums(double[][] a) {
        double[] s = new double[a[0].length];
        for (double[] row : a) {
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }
}
