package org.scratchnet.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scratchnet.activation.Activation;
import org.scratchnet.activation.Activations;
import org.scratchnet.loss.Loss;
import org.scratchnet.loss.Losses;
import org.scratchnet.tensor.Tensor;

/**
 * The reference figures: every activation with its derivative, and the losses against the
 * prediction. Values come from the engine's own Activation and Loss classes (forward, and
 * backward with dA = 1), so the pictures show what the code computes.
 */
public final class FunctionPlots {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 760;
    private static final int TITLE_H = 40;
    private static final int POINTS = 401;

    /** The activations drawn, in panel order. */
    public static final List<String> ACTIVATIONS = List.of("sigmoid", "relu", "tanh", "softmax", "step", "leaky_relu");

    private FunctionPlots() {
    }

    /** A 3 × 2 grid: f(z) solid and f'(z) dashed for each of {@link #ACTIVATIONS}, z in [-5, 5]. */
    public static BufferedImage activations() {
        JFreeChart[] panels = new JFreeChart[ACTIVATIONS.size()];
        for (int i = 0; i < panels.length; i++) {
            panels[i] = activationPanel(ACTIVATIONS.get(i));
        }
        return grid("Activation functions f(z) and their derivatives f'(z)", panels, 3);
    }

    /** f(z) and f'(z) on POINTS values of z in [-5, 5]: {z, f, f'}. */
    static double[][] activationCurve(String name) {
        Activation f = Activations.byName(name);
        boolean softmax = name.equals("softmax");
        int cols = softmax ? 2 : 1; // softmax([z, 0]) first component, a function of one z
        Tensor z = Tensor.zeros(POINTS, cols), a = Tensor.zeros(POINTS, cols);
        Tensor dA = Tensor.zeros(POINTS, cols), dZ = Tensor.zeros(POINTS, cols);
        double[][] out = new double[3][POINTS];
        for (int i = 0; i < POINTS; i++) {
            out[0][i] = -5 + 10.0 * i / (POINTS - 1);
            z.set(i, 0, (float) out[0][i]);
            dA.set(i, 0, 1f);
        }
        f.forward(z, a);
        f.backward(z, a, dA, dZ);
        for (int i = 0; i < POINTS; i++) {
            out[1][i] = a.get(i, 0);
            out[2][i] = dZ.get(i, 0);
        }
        return out;
    }

    private static JFreeChart activationPanel(String name) {
        double[][] c = activationCurve(name);
        String label = name.equals("softmax") ? "softmax([z, 0])₁" : name;
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(series(label + "(z)", c[0], c[1]));
        d.addSeries(series(label + "'(z)", c[0], c[2]));
        NumberAxis ya = new NumberAxis();
        ya.setAutoRangeIncludesZero(true);
        return panel(label, "z", d, ya, 1);
    }

    /**
     * Two panels: regression losses (MSE, Huber δ = 1) against the prediction for target 0, and
     * classification losses (BCE for y = 1 and y = 0, categorical CE of the true class, MSE on the
     * probability) against the predicted probability.
     */
    public static BufferedImage losses() {
        XYSeriesCollection reg = new XYSeriesCollection();
        double[] x = linspace(-3, 3);
        reg.addSeries(series("MSE", x, lossCurve("mse", x, 0)));
        reg.addSeries(series("Huber (δ = 1)", x, lossCurve("huber", x, 0)));
        NumberAxis ya = new NumberAxis("loss");
        ya.setAutoRange(false);
        ya.setRange(0, 5);
        JFreeChart left = panel("Regression losses, target y = 0", "prediction", reg, ya, -1);

        XYSeriesCollection cls = new XYSeriesCollection();
        double[] p = linspace(0.005, 0.995);
        cls.addSeries(series("BCE, y = 1: −log p", p, lossCurve("bce", p, 1)));
        cls.addSeries(series("BCE, y = 0: −log(1 − p)", p, lossCurve("bce", p, 0)));
        cls.addSeries(series("MSE, y = 1: (1 − p)²", p, lossCurve("mse", p, 1)));
        cls.addSeries(series("categorical CE, true class", p, categoricalCe(p)));
        NumberAxis yb = new NumberAxis("loss");
        yb.setAutoRange(false);
        yb.setRange(0, 5);
        JFreeChart right = panel("Classification losses", "predicted probability p", cls, yb, 3);
        return grid("Loss functions against the prediction", new JFreeChart[] {left, right}, 2);
    }

    /** The named loss of a single prediction x[i] against {@code target}, per i. */
    static double[] lossCurve(String name, double[] x, float target) {
        Loss loss = Losses.byName(name);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = loss.value(Tensor.of(new float[] {(float) x[i]}, 1, 1), Tensor.of(new float[] {target}, 1, 1));
        }
        return out;
    }

    /** Categorical CE of a 3-class prediction [p, (1-p)/2, (1-p)/2] with true class 0: −log p. */
    private static double[] categoricalCe(double[] p) {
        Loss cce = Losses.byName("cce");
        double[] out = new double[p.length];
        Tensor y = Tensor.of(new float[] {1, 0, 0}, 1, 3);
        for (int i = 0; i < p.length; i++) {
            float rest = (float) ((1 - p[i]) / 2);
            out[i] = cce.value(Tensor.of(new float[] {(float) p[i], rest, rest}, 1, 3), y);
        }
        return out;
    }

    public static Path writeActivations(Path file) throws IOException {
        return PngOutput.write(activations(), file);
    }

    public static Path writeLosses(Path file) throws IOException {
        return PngOutput.write(losses(), file);
    }

    /** One small chart; series {@code dashed} (or none, -1) is drawn dashed. */
    private static JFreeChart panel(String title, String xLabel, XYSeriesCollection d, NumberAxis ya, int dashed) {
        NumberAxis xa = new NumberAxis(xLabel);
        xa.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < d.getSeriesCount(); s++) {
            r.setSeriesPaint(s, Style.seriesColor(s));
            r.setSeriesStroke(s, s == dashed
                    ? new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2.5f));
        }
        r.setDrawSeriesLineAsPath(true); // one path per series, so dashes run along the curve
        XYPlot plot = new XYPlot(d, xa, ya, r);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later series on top
        plot.setDomainZeroBaselineVisible(true);
        plot.setRangeZeroBaselineVisible(true);
        JFreeChart chart = new JFreeChart(title, Style.LABEL, plot, true);
        Style.apply(chart);
        chart.getTitle().setFont(Style.LABEL);
        return chart;
    }

    /** Draws the charts in a grid of {@code perRow} columns under one title. */
    private static BufferedImage grid(String title, JFreeChart[] charts, int perRow) {
        BufferedImage img = PngOutput.newImage(WIDTH, HEIGHT);
        Graphics2D g = PngOutput.graphics(img);
        g.setColor(Color.BLACK);
        g.setFont(Style.TITLE);
        ConfusionPlot.centered(g, title, WIDTH / 2, 27);
        int rows = (charts.length + perRow - 1) / perRow;
        double w = (double) WIDTH / perRow, h = (double) (HEIGHT - TITLE_H) / rows;
        for (int i = 0; i < charts.length; i++) {
            charts[i].draw(g, new Rectangle2D.Double((i % perRow) * w, TITLE_H + (i / perRow) * h, w, h));
        }
        g.dispose();
        return img;
    }

    private static double[] linspace(double from, double to) {
        double[] x = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = from + (to - from) * i / (POINTS - 1);
        }
        return x;
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], Math.min(y[i], 1e6));
        }
        return s;
    }
}
