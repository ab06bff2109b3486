package org.scratchnet.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scratchnet.data.Dataset;
import org.scratchnet.tensor.Tensor;

/** Building blocks shared by the 2-D figures: class-coloured point series, padded axis ranges. */
final class Charts {
    private Charts() {
    }

    /** [xmin, xmax, ymin, ymax] of the first two columns of x (N, 2), padded by 10% on each side. */
    static double[] paddedRange(Tensor x) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        float[] v = x.data();
        int d = x.cols();
        for (int i = 0; i < x.rows(); i++) {
            r[0] = Math.min(r[0], v[i * d]);
            r[1] = Math.max(r[1], v[i * d]);
            r[2] = Math.min(r[2], v[i * d + 1]);
            r[3] = Math.max(r[3], v[i * d + 1]);
        }
        for (int a = 0; a < 4; a += 2) {
            double span = r[a + 1] - r[a];
            double pad = span > 0 ? 0.1 * span : 0.5;
            r[a] -= pad;
            r[a + 1] += pad;
        }
        return r;
    }

    /** Class index per row of targets y (N, K): 0/1 for one column, else argmax. */
    static int[] trueClasses(Tensor y) {
        return Predictions.classes(y);
    }

    /** Display name of class k: the dataset's name when it has one, else "class k". */
    static String className(Dataset data, int k) {
        List<String> names = data.classNames();
        return k < names.size() ? names.get(k) : "class " + k;
    }

    /** One series per class (in class order) of the 2-D points of {@code data}. */
    static XYSeriesCollection pointsByClass(Dataset data) {
        int k = Predictions.classCount(data.y());
        int[] cls = trueClasses(data.y());
        XYSeries[] series = new XYSeries[k];
        for (int c = 0; c < k; c++) {
            series[c] = new XYSeries(className(data, c), false, true);
        }
        float[] v = data.x().data();
        int d = data.features();
        for (int i = 0; i < data.size(); i++) {
            series[cls[i]].add(v[i * d], v[i * d + 1]);
        }
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : series) {
            c.addSeries(s);
        }
        return c;
    }

    /** Filled circles in the class colours with a thin dark outline. */
    static XYLineAndShapeRenderer pointRenderer(int classes, double diameter) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Shape dot = new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
        for (int c = 0; c < classes; c++) {
            r.setSeriesShape(c, dot);
            r.setSeriesPaint(c, Style.classColor(c));
            r.setSeriesOutlinePaint(c, Style.classColor(c).darker().darker());
        }
        r.setUseOutlinePaint(true);
        r.setDefaultOutlineStroke(new BasicStroke(0.8f));
        return r;
    }

    /** An XY plot with fixed axis ranges (no auto-range, so the figure depends only on the data). */
    static XYPlot xyPlot(double[] range, String xLabel, String yLabel) {
        NumberAxis xa = new NumberAxis(xLabel);
        NumberAxis ya = new NumberAxis(yLabel);
        xa.setAutoRange(false);
        ya.setAutoRange(false);
        xa.setRange(range[0], range[1]);
        ya.setRange(range[2], range[3]);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(xa);
        plot.setRangeAxis(ya);
        return plot;
    }

    /** A chart with title and legend, styled. */
    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, Style.TITLE, plot, legend);
        Style.apply(chart);
        plot.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
