package org.scratchnet.viz;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scratchnet.train.History;

/** loss.png and accuracy.png: a metric per epoch, for training and (when present) validation. */
public final class CurvePlot {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;

    private CurvePlot() {
    }

    /** Per-epoch loss (train and validation) of a training run. */
    public static JFreeChart loss(History h, String lossName) {
        return chart("Loss per epoch (" + lossName + ")", "loss", h.losses(), h.valLosses(), false);
    }

    /** Per-epoch accuracy (train and validation); the y axis is fixed to [0, 1]. */
    public static JFreeChart accuracy(History h) {
        return chart("Accuracy per epoch", "accuracy", h.accuracies(), h.valAccuracies(), true);
    }

    /** True when the run recorded an accuracy (classification targets). */
    public static boolean hasAccuracy(History h) {
        return h.size() > 0 && !Double.isNaN(h.last().accuracy());
    }

    public static Path writeLoss(History h, String lossName, Path file) throws IOException {
        return PngOutput.write(loss(h, lossName), WIDTH, HEIGHT, file);
    }

    public static Path writeAccuracy(History h, Path file) throws IOException {
        return PngOutput.write(accuracy(h), WIDTH, HEIGHT, file);
    }

    /** A line chart of {@code train[e]} (and {@code val[e]} when finite) against epoch e + 1. */
    public static JFreeChart chart(String title, String yLabel, double[] train, double[] val, boolean unitRange) {
        XYSeriesCollection c = new XYSeriesCollection();
        c.addSeries(series("training", train));
        XYSeries v = series("validation", val);
        if (v.getItemCount() > 0) {
            c.addSeries(v);
        }
        NumberAxis xa = new NumberAxis("epoch");
        xa.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        xa.setAutoRangeIncludesZero(false);
        org.jfree.chart.axis.ValueAxis ya;
        if (unitRange) {
            NumberAxis a = new NumberAxis(yLabel);
            a.setAutoRange(false);
            a.setRange(0, 1.02);
            ya = a;
        } else if (spansTwoDecades(train, val)) {
            // a loss falling from 10 to 0.01 is a flat line after the first epochs on a linear axis
            org.jfree.chart.axis.LogAxis a = new org.jfree.chart.axis.LogAxis(yLabel + " (log scale)");
            a.setAutoRange(true);
            ya = a;
        } else {
            NumberAxis a = new NumberAxis(yLabel);
            a.setAutoRangeIncludesZero(true);
            ya = a;
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, train.length <= 30);
        for (int i = 0; i < 2; i++) {
            r.setSeriesPaint(i, Style.seriesColor(i));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(c, xa, ya, r);
        return Charts.chart(title, plot, true);
    }

    /** True when the positive finite values span at least a factor 100 (and none is 0 or negative). */
    static boolean spansTwoDecades(double[] train, double[] val) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double[] a : new double[][] {train, val}) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    if (v <= 0) {
                        return false;
                    }
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > 0 && hi / lo >= 100;
    }

    private static XYSeries series(String name, double[] values) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                s.add(i + 1, values[i]);
            }
        }
        return s;
    }
}
