package org.scratchnet.viz;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.scratchnet.data.Dataset;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;

/**
 * boundary.png: the regions where a trained 2-D classifier predicts each class, shaded in data
 * coordinates (a {@value #GRID}×{@value #GRID} grid of model predictions, lighter where the model is
 * unsure), with the training points on top and the misclassified ones ringed in red.
 *
 * <p>The shade of a cell is its class colour mixed with white: 20% at the decision boundary
 * (confidence 1/K) up to 50% where the model is certain, so the class can always be read back
 * from a pixel's hue (the test does exactly that).
 */
public final class BoundaryPlot {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 560;
    /** Grid cells per axis. */
    public static final int GRID = 200;

    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartRenderingInfo info = new ChartRenderingInfo();
    private final int misclassified;

    private BoundaryPlot(JFreeChart chart, XYPlot plot, int misclassified) {
        this.chart = chart;
        this.plot = plot;
        this.misclassified = misclassified;
    }

    /** Evaluates {@code model} on the grid and on the data; the loss says whether outputs are logits. */
    public static BoundaryPlot of(Sequential model, Dataset data, Loss loss) {
        return of(x -> Predictions.probabilities(model, x, loss), data, Charts.paddedRange(data.x()), null);
    }

    /** Turns inputs (N, 2) into class probabilities (N, K), or (N, 1) for binary tasks. */
    @FunctionalInterface
    public interface Classifier {
        Tensor probabilities(Tensor x);
    }

    /**
     * The figure for any 2-D classifier over {@code range} = [x1min, x1max, x2min, x2max];
     * a null title gives "Decision boundary: training accuracy ..., n misclassified".
     */
    public static BoundaryPlot of(Classifier model, Dataset data, double[] range, String title) {
        ScatterPlot.requireTwoFeatures(data, "decision boundary");
        int k = Predictions.classCount(data.y());
        double cw = (range[1] - range[0]) / GRID, ch = (range[3] - range[2]) / GRID;

        // grid (GRID², 2) of cell centres -> probabilities (GRID², K)
        float[] g = new float[GRID * GRID * 2];
        double[][] xyz = new double[3][GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                int r = i * GRID + j;
                xyz[0][r] = range[0] + (j + 0.5) * cw;
                xyz[1][r] = range[2] + (i + 0.5) * ch;
                g[2 * r] = (float) xyz[0][r];
                g[2 * r + 1] = (float) xyz[1][r];
            }
        }
        Tensor p = model.probabilities(Tensor.of(g, GRID * GRID, 2));
        int[] cls = Predictions.classes(p);
        for (int r = 0; r < cls.length; r++) {
            double s = (Predictions.confidence(p, r) - 1.0 / k) / (1 - 1.0 / k);
            xyz[2][r] = cls[r] + 0.999 * Math.max(0, Math.min(1, s));
        }
        DefaultXYZDataset grid = new DefaultXYZDataset();
        grid.addSeries("model", xyz);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(cw);
        blocks.setBlockHeight(ch);
        blocks.setBlockAnchor(RectangleAnchor.CENTER);
        blocks.setPaintScale(new ClassShades(k));
        blocks.setDefaultSeriesVisibleInLegend(false);

        // training points by true class, plus a ring around each misclassified one
        int[] predicted = Predictions.classes(model.probabilities(data.x()));
        int[] actual = Charts.trueClasses(data.y());
        XYSeries wrong = new XYSeries("misclassified", false, true);
        float[] v = data.x().data();
        for (int i = 0; i < data.size(); i++) {
            if (predicted[i] != actual[i]) {
                wrong.add(v[2 * i], v[2 * i + 1]);
            }
        }
        XYLineAndShapeRenderer rings = new XYLineAndShapeRenderer(false, true);
        rings.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
        rings.setSeriesShapesFilled(0, false);
        rings.setSeriesPaint(0, Style.ERROR);
        rings.setSeriesStroke(0, new BasicStroke(2f));
        rings.setUseOutlinePaint(false);
        rings.setSeriesVisibleInLegend(0, wrong.getItemCount() > 0);

        XYPlot plot = Charts.xyPlot(range, "x1", "x2");
        plot.setDataset(0, grid);
        plot.setRenderer(0, blocks);
        plot.setDataset(1, Charts.pointsByClass(data));
        plot.setRenderer(1, Charts.pointRenderer(k, data.size() <= 20 ? 12 : 7));
        plot.setDataset(2, new XYSeriesCollection(wrong));
        plot.setRenderer(2, rings);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // shading first, points on top
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        double acc = 1 - (double) wrong.getItemCount() / data.size();
        String head = title != null ? title : String.format(Locale.ROOT,
                "Decision boundary: training accuracy %.3f, %d misclassified", acc, wrong.getItemCount());
        return new BoundaryPlot(Charts.chart(head, plot, true), plot, wrong.getItemCount());
    }

    /** The plot, for figures that draw more on top (the perceptron's line). */
    XYPlot plot() {
        return plot;
    }

    /** The chart as configured so far. */
    public JFreeChart chart() {
        return chart;
    }

    public int misclassified() {
        return misclassified;
    }

    /** Renders the figure at {@link #WIDTH} × {@link #HEIGHT}. */
    public BufferedImage render() {
        return PngOutput.render(chart, WIDTH, HEIGHT, info);
    }

    /** Pixel position of data point (x1, x2) in the last {@link #render()}. */
    public Point2D pixelOf(double x1, double x2) {
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double px = plot.getDomainAxis().valueToJava2D(x1, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(x2, area, plot.getRangeAxisEdge());
        return new Point2D.Double(px, py);
    }

    /** The same figure with its axes named by {@code names} (default x1, x2). */
    public BoundaryPlot named(PlotNames names) {
        plot.getDomainAxis().setLabel(names.feature(0));
        plot.getRangeAxis().setLabel(names.feature(1));
        return this;
    }

    public Path write(Path file) throws IOException {
        return PngOutput.write(render(), file);
    }

    /** Encodes class + 0.999·certainty as one number: floor = class, fraction = how sure. */
    private static final class ClassShades implements PaintScale {
        private final int classes;
        private final Paint[][] cache;

        ClassShades(int classes) {
            this.classes = classes;
            this.cache = new Paint[classes][64];
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return classes;
        }

        @Override
        public Paint getPaint(double value) {
            int k = Math.max(0, Math.min(classes - 1, (int) Math.floor(value)));
            int level = (int) Math.max(0, Math.min(63, Math.round((value - k) * 63)));
            Paint p = cache[k][level];
            if (p == null) {
                p = Style.classTint(k, 0.2 + 0.3 * level / 63.0);
                cache[k][level] = p;
            }
            return p;
        }
    }
}
