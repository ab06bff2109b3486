package org.scratchnet.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scratchnet.data.Dataset;
import org.scratchnet.layer.ActivationLayer;
import org.scratchnet.layer.Conv2D;
import org.scratchnet.layer.Layer;
import org.scratchnet.loss.Loss;
import org.scratchnet.model.Sequential;
import org.scratchnet.tensor.Tensor;
import org.scratchnet.train.History;
import org.scratchnet.train.Metrics;

/**
 * The figures of a convolutional network trained on images [N, C, H, W]:
 *
 * <pre>
 *   loss.png, accuracy.png   the per-epoch curves (training and test)
 *   filters.png              the first convolution's weights [O, C, kH, kW], one tile per (filter, channel)
 *   feature-maps.png         one test image and the maps after each convolution (and the activation right after it)
 *   misclassified.png        up to 36 test images the model gets wrong, predicted / true label
 * </pre>
 */
public final class CnnPlots {
    /** How many misclassified images the grid shows at most. */
    public static final int MISCLASSIFIED_SHOWN = 36;
    /** Most filter tiles drawn (filters × input channels). */
    static final int MAX_FILTER_TILES = 128;

    private CnnPlots() {
    }

    /** Writes every figure above that fits into {@code dir}; returns the files in that order. */
    public static List<Path> writeAll(Path dir, Sequential model, Dataset test, History history, Loss loss)
            throws IOException {
        List<Path> written = new ArrayList<>();
        if (history != null && history.size() > 0) {
            written.add(CurvePlot.writeLoss(history, loss.name(), dir.resolve("loss.png")));
            if (CurvePlot.hasAccuracy(history)) {
                written.add(CurvePlot.writeAccuracy(history, dir.resolve("accuracy.png")));
            }
        }
        if (firstConv(model) != null) {
            written.add(PngOutput.write(filters(model), dir.resolve("filters.png")));
        }
        written.add(PngOutput.write(featureMaps(model, test, 0), dir.resolve("feature-maps.png")));
        Mistakes m = mistakes(model, test, loss, MISCLASSIFIED_SHOWN);
        if (m.rows().length > 0) {
            written.add(writeMistakes(test, m, dir.resolve("misclassified.png")));
        }
        return written;
    }

    /** The first convolution's filters as a grid, blue negative, red positive, on one shared scale. */
    public static BufferedImage filters(Sequential model) {
        Conv2D conv = firstConv(model);
        if (conv == null) {
            throw new IllegalArgumentException("filters: the network has no convolution");
        }
        int[] s = conv.weight().value().shape(); // [O, C, kH, kW]
        int o = s[0], c = s[1], kh = s[2], kw = s[3];
        int tiles = Math.min(o * c, MAX_FILTER_TILES);
        float[][] maps = new float[tiles][];
        String[] captions = new String[tiles];
        float[] w = conv.weight().value().data();
        for (int t = 0; t < tiles; t++) {
            maps[t] = Arrays.copyOfRange(w, t * kh * kw, (t + 1) * kh * kw);
            captions[t] = c == 1 ? Integer.toString(t / c + 1) : (t / c + 1) + ":" + (t % c + 1);
        }
        String heading = String.format(Locale.ROOT, "%s: %d filters of %dx%d over %d channel%s%s", conv.name(), o, kh, kw, c,
                c == 1 ? "" : "s", tiles < o * c ? " (first " + tiles + " shown)" : "");
        int px = Math.max(4, Math.min(16, 48 / Math.max(kh, kw)));
        return MapGrid.render("First-layer filters (blue < 0 < red)",
                List.of(new MapGrid.Section(heading, maps, kh, kw, true, captions, px)));
    }

    /**
     * Image {@code row} of {@code data} and the maps it makes after each convolution (after the
     * activation that follows the convolution directly, if any), each map scaled on its own.
     */
    public static BufferedImage featureMaps(Sequential model, Dataset data, int row) {
        Tensor h = data.sliceX(row, row + 1); // [1, C, H, W]
        int[] in = model.inputShape();
        if (in.length != 3) {
            throw new IllegalArgumentException("feature maps: the network takes " + Arrays.toString(in)
                    + ", not images [C, H, W]");
        }
        List<MapGrid.Section> sections = new ArrayList<>();
        sections.add(section("input " + Arrays.toString(in), h, 6));
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            h = l.forward(h, false);
            if (l instanceof Conv2D && h.rank() == 4) {
                String name = l.name();
                if (i + 1 < layers.size() && layers.get(i + 1) instanceof ActivationLayer) {
                    i++;
                    h = layers.get(i).forward(h, false);
                    name += " + " + layers.get(i).name();
                }
                sections.add(section(String.format(Locale.ROOT, "after %s: %d maps of %dx%d", name, h.dim(1), h.dim(2),
                        h.dim(3)), h, 0));
            }
        }
        int predicted = Metrics.argmax(h.data(), 0, h.size());
        int actual = Metrics.argmax(data.y().data(), row * data.targets(), data.targets());
        return MapGrid.render(String.format(Locale.ROOT, "Feature maps of test image %d (true %s, predicted %s)", row + 1,
                label(data, actual), label(data, predicted)), sections);
    }

    /** Rows of data the model gets wrong (the first {@code max}, in order), with predicted and true classes; total counts all. */
    public record Mistakes(int[] rows, int[] predicted, int[] actual, int total) {
    }

    /** Classes as {@link Predictions} decides them from the model's outputs under {@code loss}. */
    public static Mistakes mistakes(Sequential model, Dataset data, Loss loss, int max) {
        int[] predicted = Predictions.classes(Predictions.probabilities(model, data, loss));
        int[] actual = Predictions.classes(data.y());
        List<Integer> rows = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < data.size(); i++) {
            if (predicted[i] != actual[i] && total++ < max) {
                rows.add(i);
            }
        }
        int n = rows.size();
        int[] r = new int[n], p = new int[n], a = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = rows.get(i);
            p[i] = predicted[r[i]];
            a[i] = actual[r[i]];
        }
        return new Mistakes(r, p, a, total);
    }

    private static Path writeMistakes(Dataset data, Mistakes m, Path file) throws IOException {
        int[] shape = data.sampleShape();
        int rows = shape[shape.length - 2], cols = shape[shape.length - 1];
        float[][] images = new float[m.rows().length][];
        for (int i = 0; i < images.length; i++) {
            Tensor x = data.sliceX(m.rows()[i], m.rows()[i] + 1);
            images[i] = TrainingPlots.unitScaled(x.reshape(1, x.size()), 0); // the first channel
            images[i] = Arrays.copyOf(images[i], rows * cols);
        }
        String title = String.format(Locale.ROOT, "Misclassified test images: %s%d of %d, predicted / true",
                images.length < m.total() ? "first " : "", images.length, m.total());
        return BitmapGrid.write(images, rows, cols, m.predicted(), m.actual(), data.classNames(), title, file);
    }

    private static MapGrid.Section section(String heading, Tensor maps, int scale) {
        int c = maps.dim(1), hh = maps.dim(2), ww = maps.dim(3);
        float[][] tiles = new float[c][];
        for (int i = 0; i < c; i++) {
            tiles[i] = Arrays.copyOfRange(maps.data(), i * hh * ww, (i + 1) * hh * ww);
        }
        return new MapGrid.Section(heading, tiles, hh, ww, false, null, scale);
    }

    private static Conv2D firstConv(Sequential model) {
        for (Layer l : model.layers()) {
            if (l instanceof Conv2D conv) {
                return conv;
            }
        }
        return null;
    }

    private static String label(Dataset data, int k) {
        return k < data.classNames().size() ? data.classNames().get(k) : Integer.toString(k);
    }
}
