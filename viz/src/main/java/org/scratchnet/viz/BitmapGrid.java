package org.scratchnet.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A grid of small grey-scale images (letters bitmaps, MNIST digits) with "pred X / true Y" under
 * each; wrong predictions are framed and labelled in red. Pixel values are in [0, 1] (1 = ink,
 * drawn dark), row-major, {@code rows × cols} per image.
 */
public final class BitmapGrid {
    /** Width of the whole figure; the height follows from the number of images. */
    public static final int WIDTH = 720;
    private static final int TITLE_H = 44;
    private static final int LABEL_H = 20;
    private static final int GAP = 10;

    private BitmapGrid() {
    }

    /**
     * images (N, rows·cols); predicted and actual class per image (actual may be null when unknown);
     * names label the classes (shorter than K: the index is printed).
     */
    public static BufferedImage render(float[][] images, int rows, int cols, int[] predicted, int[] actual,
                                       List<String> names, String title) {
        int n = images.length;
        if (n == 0) {
            throw new IllegalArgumentException("bitmap grid: no images");
        }
        int perRow = (int) Math.min(n, Math.max(1, Math.ceil(Math.sqrt(n * 1.5))));
        int tile = Math.min(160, (WIDTH - GAP * (perRow + 1)) / perRow);
        int scale = Math.max(1, tile / Math.max(rows, cols));
        int w = cols * scale, h = rows * scale;
        String[] labels = new String[n];
        int labelW = 0;
        Graphics2D probe = PngOutput.graphics(PngOutput.newImage(1, 1));
        probe.setFont(Style.SMALL);
        for (int i = 0; i < n; i++) {
            labels[i] = "pred " + name(names, predicted[i]) + (actual == null ? "" : " / true " + name(names, actual[i]));
            labelW = Math.max(labelW, probe.getFontMetrics().stringWidth(labels[i]));
        }
        probe.dispose();
        int cellW = Math.max(w, labelW + 6); // a label never runs into its neighbour
        perRow = Math.max(1, Math.min(perRow, (WIDTH - GAP) / (cellW + GAP)));
        int gridRows = (n + perRow - 1) / perRow;
        int height = TITLE_H + gridRows * (h + LABEL_H + GAP) + GAP;
        BufferedImage img = PngOutput.newImage(WIDTH, height);
        Graphics2D g = PngOutput.graphics(img);
        g.setColor(Color.BLACK);
        g.setFont(Style.TITLE);
        ConfusionPlot.centered(g, title, WIDTH / 2, 28);
        int x0 = (WIDTH - perRow * cellW - (perRow - 1) * GAP) / 2 + (cellW - w) / 2;
        g.setFont(Style.SMALL);
        for (int i = 0; i < n; i++) {
            if (images[i].length != rows * cols) {
                throw new IllegalArgumentException("bitmap grid: image " + i + " has " + images[i].length
                        + " pixels, expected " + rows + "x" + cols);
            }
            int x = x0 + (i % perRow) * (cellW + GAP), y = TITLE_H + (i / perRow) * (h + LABEL_H + GAP);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = Math.max(0f, Math.min(1f, images[i][r * cols + c]));
                    int grey = Math.round(255 * (1 - v));
                    g.setColor(new Color(grey, grey, grey));
                    g.fillRect(x + c * scale, y + r * scale, scale, scale);
                }
            }
            boolean wrong = actual != null && predicted[i] != actual[i];
            g.setColor(wrong ? Style.ERROR : Color.LIGHT_GRAY);
            g.setStroke(new BasicStroke(wrong ? 3f : 1f));
            g.drawRect(x - 1, y - 1, w + 1, h + 1);
            g.setColor(wrong ? Style.ERROR : Color.DARK_GRAY);
            ConfusionPlot.centered(g, labels[i], x + w / 2, y + h + 15);
        }
        g.dispose();
        return img;
    }

    public static Path write(float[][] images, int rows, int cols, int[] predicted, int[] actual,
                             List<String> names, String title, Path file) throws IOException {
        return PngOutput.write(render(images, rows, cols, predicted, actual, names, title), file);
    }

    private static String name(List<String> names, int k) {
        return k >= 0 && k < names.size() ? names.get(k) : Integer.toString(k);
    }
}
