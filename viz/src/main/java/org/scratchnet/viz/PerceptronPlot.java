package org.scratchnet.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scratchnet.data.Dataset;
import org.scratchnet.tensor.Tensor;

/**
 * perceptron.png: the line a perceptron learned, w1·x1 + w2·x2 + b = 0, over its 2-D training
 * points (the AND / OR truth tables), points coloured by their target and the side it calls 1
 * shaded.
 */
public final class PerceptronPlot {
    public static final int WIDTH = 560;
    public static final int HEIGHT = 520;

    private PerceptronPlot() {
    }

    /**
     * weights (2), bias, and the training data (N, 2) with 0/1 targets. The half-plane the
     * perceptron calls 1 is shaded like a decision boundary; the line is drawn on top.
     */
    public static JFreeChart chart(float[] w, float b, Dataset data, String title) {
        ScatterPlot.requireTwoFeatures(data, "perceptron plot");
        if (w.length != 2) {
            throw new IllegalArgumentException("perceptron plot needs 2 weights, got " + w.length);
        }
        double[] range = Charts.paddedRange(data.x());
        range = new double[] {Math.min(range[0], -0.5), Math.max(range[1], 1.5), Math.min(range[2], -0.5),
            Math.max(range[3], 1.5)};
        // step(x·w + b), as Perceptron.predict: 1 when z >= 0
        BoundaryPlot.Classifier step = x -> {
            float[] p = new float[x.rows()];
            for (int i = 0; i < p.length; i++) {
                p[i] = x.get(i, 0) * w[0] + x.get(i, 1) * w[1] + b >= 0 ? 1f : 0f;
            }
            return Tensor.of(p, p.length, 1);
        };
        BoundaryPlot base = BoundaryPlot.of(step, data, range, title);
        String eq = String.format(Locale.ROOT, "learned line %.2f·x1 %s %.2f·x2 %s %.2f = 0", w[0],
                w[1] < 0 ? "−" : "+", Math.abs(w[1]), b < 0 ? "−" : "+", Math.abs(b));
        XYSeries line = new XYSeries(eq, false, true);
        if (w[1] != 0) {
            for (double x : new double[] {range[0], range[1]}) {
                line.add(x, -(w[0] * x + b) / w[1]);
            }
        } else if (w[0] != 0) {
            line.add(-b / w[0], range[2]);
            line.add(-b / w[0], range[3]);
        }
        XYPlot plot = base.plot();
        plot.setDataset(3, new XYSeriesCollection(line));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, Color.BLACK);
        r.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(3, r);
        plot.setRenderer(1, Charts.pointRenderer(2, 14));
        Style.apply(base.chart());
        return base.chart();
    }

    public static Path write(float[] w, float b, Dataset data, String title, Path file) throws IOException {
        return PngOutput.write(chart(w, b, data, title), WIDTH, HEIGHT, file);
    }
}
