package org.scratchnet.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scratchnet.tensor.Tensor;

/**
 * predictions.png: what the model predicts against the actual targets.
 *
 * <p>For a binary classifier (one 0/1 column): per sample, the actual label (squares at 0 and 1)
 * and the predicted probability (dots), with the 0.5 threshold drawn; samples are ordered by
 * actual label, then prediction, so mistakes stand out as dots on the wrong side of the line.
 * For regression (one real-valued column): predicted against actual, with the line y = x.
 */
public final class PredictionPlot {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;

    private PredictionPlot() {
    }

    /** p and y are (N, 1): predicted probabilities or values, and targets. */
    public static JFreeChart chart(Tensor p, Tensor y, boolean classification) {
        return chart(p, y, classification, PlotNames.DEFAULT);
    }

    /** As {@link #chart(Tensor, Tensor, boolean)}; a regression figure names its axes after the target. */
    public static JFreeChart chart(Tensor p, Tensor y, boolean classification, PlotNames names) {
        if (p.cols() != 1 || y.cols() != 1 || p.rows() != y.rows()) {
            throw new IllegalArgumentException("prediction plot needs one output column: predictions "
                    + p.shapeString() + ", targets " + y.shapeString());
        }
        return classification ? binary(p, y) : regression(p, y, names);
    }

    public static Path write(Tensor p, Tensor y, boolean classification, Path file) throws IOException {
        return write(p, y, classification, PlotNames.DEFAULT, file);
    }

    public static Path write(Tensor p, Tensor y, boolean classification, PlotNames names, Path file) throws IOException {
        return PngOutput.write(chart(p, y, classification, names), WIDTH, HEIGHT, file);
    }

    private static JFreeChart binary(Tensor p, Tensor y) {
        int n = p.rows();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Float.compare(y.get(a), y.get(b));
            return c != 0 ? c : Float.compare(p.get(a), p.get(b));
        });
        XYSeries actual = new XYSeries("actual label", false, true);
        XYSeries right = new XYSeries("predicted probability (right)", false, true);
        XYSeries wrong = new XYSeries("predicted probability (wrong)", false, true);
        for (int r = 0; r < n; r++) {
            int i = order[r];
            actual.add(r + 1, y.get(i));
            boolean ok = (p.get(i) > 0.5f) == (y.get(i) > 0.5f);
            (ok ? right : wrong).add(r + 1, p.get(i));
        }
        XYSeriesCollection c = new XYSeriesCollection();
        c.addSeries(actual);
        c.addSeries(right);
        if (wrong.getItemCount() > 0) {
            c.addSeries(wrong);
        }
        XYPlot plot = Charts.xyPlot(new double[] {0, n + 1, -0.05, 1.05}, "sample (sorted by label, then prediction)",
                "label / probability");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        double s = n > 300 ? 4 : 6;
        r.setSeriesShape(0, new Rectangle2D.Double(-s / 2, -s / 2, s, s));
        r.setSeriesPaint(0, Color.GRAY);
        r.setSeriesShape(1, new Ellipse2D.Double(-s / 2, -s / 2, s, s));
        r.setSeriesPaint(1, Style.classColor(0));
        r.setSeriesShape(2, new Ellipse2D.Double(-s / 2, -s / 2, s, s));
        r.setSeriesPaint(2, Style.ERROR);
        plot.setDataset(c);
        plot.setRenderer(r);
        ValueMarker threshold = new ValueMarker(0.5, Color.DARK_GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        plot.addRangeMarker(threshold);
        return Charts.chart("Predicted probability vs actual label (threshold 0.5)", plot, true);
    }

    private static JFreeChart regression(Tensor p, Tensor y, PlotNames names) {
        XYSeries pts = new XYSeries("samples", false, true);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.rows(); i++) {
            pts.add(y.get(i), p.get(i));
            lo = Math.min(lo, Math.min(y.get(i), p.get(i)));
            hi = Math.max(hi, Math.max(y.get(i), p.get(i)));
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : 0.5;
        lo -= pad;
        hi += pad;
        XYSeries diag = new XYSeries("perfect (y = x)", false, true);
        diag.add(lo, lo);
        diag.add(hi, hi);
        XYPlot plot = Charts.xyPlot(new double[] {lo, hi, lo, hi}, names.target("actual"), names.target("predicted"));
        plot.setDataset(0, new XYSeriesCollection(pts));
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        dots.setSeriesPaint(0, Style.classColor(0));
        plot.setRenderer(0, dots);
        plot.setDataset(1, new XYSeriesCollection(diag));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, Color.DARK_GRAY);
        plot.setRenderer(1, line);
        return Charts.chart("Predicted vs actual", plot, true);
    }
}
