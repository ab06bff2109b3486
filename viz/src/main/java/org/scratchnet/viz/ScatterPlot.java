package org.scratchnet.viz;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.scratchnet.data.Dataset;

/** data.png: the 2-D training points coloured by class. */
public final class ScatterPlot {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 560;

    private ScatterPlot() {
    }

    /** The chart for a dataset with two features and class targets. */
    public static JFreeChart chart(Dataset data, String title) {
        return chart(data, title, PlotNames.DEFAULT);
    }

    /** As {@link #chart(Dataset, String)} with the axes named by {@code names}. */
    public static JFreeChart chart(Dataset data, String title, PlotNames names) {
        requireTwoFeatures(data, "scatter plot");
        XYPlot plot = Charts.xyPlot(Charts.paddedRange(data.x()), names.feature(0), names.feature(1));
        plot.setDataset(Charts.pointsByClass(data));
        plot.setRenderer(Charts.pointRenderer(Predictions.classCount(data.y()), data.size() <= 20 ? 12 : 7));
        return Charts.chart(title, plot, true);
    }

    public static Path write(Dataset data, String title, Path file) throws IOException {
        return write(data, title, PlotNames.DEFAULT, file);
    }

    public static Path write(Dataset data, String title, PlotNames names, Path file) throws IOException {
        return PngOutput.write(chart(data, title, names), WIDTH, HEIGHT, file);
    }

    static void requireTwoFeatures(Dataset data, String what) {
        if (data.features() != 2) {
            throw new IllegalArgumentException(what + " needs 2 features, data has " + data.features()
                    + " " + data.x().shapeString());
        }
    }
}
