package org.scratchnet.viz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scratchnet.data.Dataset;
import org.scratchnet.data.Letters;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.History;
import org.scratchnet.train.Metrics;

/**
 * Writes the figures that fit a trained model and its data into one directory:
 *
 * <pre>
 *   loss.png         always (when there is a history)
 *   accuracy.png     classification targets
 *   data.png         2 features, classification
 *   boundary.png     2 features, classification
 *   predictions.png  one output column (binary classification or regression)
 *   confusion.png    3 or more classes
 *   bitmaps.png      30 features (the letters' 5×6 bitmaps)
 *   digits.png       784 features (28×28 images such as MNIST), the first 36 rows
 * </pre>
 */
public final class TrainingPlots {
    /** How many images the digit grid shows. */
    public static final int DIGITS_SHOWN = 36;

    private TrainingPlots() {
    }

    /** Writes every figure that fits; returns the files written, in the order above. */
    public static List<Path> writeAll(Path dir, Sequential model, Dataset data, History history, Loss loss)
            throws IOException {
        return writeAll(dir, model, data, history, loss, PlotNames.DEFAULT);
    }

    /** As {@link #writeAll(Path, Sequential, Dataset, History, Loss)} with the axes named by {@code names}. */
    public static List<Path> writeAll(Path dir, Sequential model, Dataset data, History history, Loss loss,
            PlotNames names) throws IOException {
        List<Path> written = new ArrayList<>();
        if (history != null && history.size() > 0) {
            String lossName = loss.name() + (names.standardizedTarget() ? ", standardized target" : "");
            written.add(CurvePlot.writeLoss(history, lossName, dir.resolve("loss.png")));
            if (CurvePlot.hasAccuracy(history)) {
                written.add(CurvePlot.writeAccuracy(history, dir.resolve("accuracy.png")));
            }
        }
        boolean classification = Metrics.isClassificationTarget(data.y());
        if (data.features() == 2 && classification) {
            written.add(ScatterPlot.write(data, title(data), names, dir.resolve("data.png")));
            written.add(BoundaryPlot.of(model, data, loss).named(names).write(dir.resolve("boundary.png")));
        }
        Tensor p = Predictions.probabilities(model, data, loss);
        if (data.targets() == 1) {
            written.add(PredictionPlot.write(p, data.y(), classification, names, dir.resolve("predictions.png")));
        }
        if (classification && data.targets() >= 3) {
            long[][] m = ConfusionPlot.counts(Predictions.classes(data.y()), Predictions.classes(p), data.targets());
            written.add(ConfusionPlot.write(m, data.classNames(), "Confusion matrix", dir.resolve("confusion.png")));
        }
        if (classification && data.features() == Letters.PIXELS) {
            written.add(writeImages(data, p, Letters.ROWS, Letters.COLS, data.size(), "Bitmaps and predictions",
                    dir.resolve("bitmaps.png")));
        } else if (classification && data.features() == 28 * 28) {
            written.add(writeImages(data, p, 28, 28, DIGITS_SHOWN, "First test digits: predicted / true",
                    dir.resolve("digits.png")));
        }
        return written;
    }

    /**
     * A grid of the first {@code max} rows of data as rows×cols images, labelled with the predicted
     * (from probabilities p) and true classes. Each image is scaled to [0, 1] for display.
     */
    public static Path writeImages(Dataset data, Tensor p, int rows, int cols, int max, String title, Path file)
            throws IOException {
        int n = Math.min(max, data.size());
        float[][] images = new float[n][];
        int[] predicted = Predictions.classes(p), actual = Predictions.classes(data.y());
        Tensor x = data.sliceX(0, n); // only the rows shown (a compact set builds floats per call)
        for (int i = 0; i < n; i++) {
            images[i] = unitScaled(x, i);
        }
        return BitmapGrid.write(images, rows, cols, java.util.Arrays.copyOf(predicted, n),
                java.util.Arrays.copyOf(actual, n), data.classNames(), title, file);
    }

    /** Row i of x, mapped linearly so its minimum is 0 and maximum 1 (standardized inputs stay readable). */
    static float[] unitScaled(Tensor x, int i) {
        int d = x.cols();
        float[] v = java.util.Arrays.copyOfRange(x.data(), i * d, (i + 1) * d);
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
        }
        if (lo >= 0 && hi <= 1) {
            return v;
        }
        float span = hi > lo ? hi - lo : 1;
        for (int j = 0; j < d; j++) {
            v[j] = (v[j] - lo) / span;
        }
        return v;
    }

    private static String title(Dataset data) {
        return String.format(Locale.ROOT, "Training data: %d points, %d classes", data.size(),
                Predictions.classCount(data.y()));
    }
}
