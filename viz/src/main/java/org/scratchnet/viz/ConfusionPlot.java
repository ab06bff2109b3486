package org.scratchnet.viz;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * confusion.png: a K×K heat map of counts, rows = actual class, columns = predicted class.
 * Each cell is shaded by its share of its row (so the diagonal reads as per-class recall) and
 * shows the count; the title gives the overall accuracy.
 */
public final class ConfusionPlot {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 640;

    private ConfusionPlot() {
    }

    /** counts[actual][predicted] for K classes. */
    public static long[][] counts(int[] actual, int[] predicted, int classes) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("confusion matrix: " + actual.length + " labels vs "
                    + predicted.length + " predictions");
        }
        long[][] m = new long[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            m[actual[i]][predicted[i]]++;
        }
        return m;
    }

    /** Draws the matrix; {@code names} label the classes (may be shorter than K: then the index). */
    public static BufferedImage render(long[][] m, List<String> names, String title) {
        int k = m.length;
        BufferedImage img = PngOutput.newImage(WIDTH, HEIGHT);
        Graphics2D g = PngOutput.graphics(img);
        int top = 70;
        int cell = Math.min(140, Math.min(WIDTH - 140, HEIGHT - top - 70) / Math.max(1, k));
        int left = Math.max(110, (WIDTH - k * cell) / 2 + 20);
        long total = 0, correct = 0;
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                total += m[a][p];
                correct += a == p ? m[a][p] : 0;
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(Style.TITLE);
        String head = String.format(Locale.ROOT, "%s (accuracy %.3f, %d samples)", title,
                total == 0 ? 0.0 : (double) correct / total, total);
        centered(g, head, WIDTH / 2, 32);
        g.setFont(cell >= 40 ? Style.LABEL : Style.SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (int a = 0; a < k; a++) {
            long row = 0;
            for (int p = 0; p < k; p++) {
                row += m[a][p];
            }
            for (int p = 0; p < k; p++) {
                double share = row == 0 ? 0 : (double) m[a][p] / row;
                int x = left + p * cell, y = top + a * cell;
                Color fill = Style.mix(Color.WHITE, a == p ? Style.classColor(0) : Style.ERROR, Math.sqrt(share));
                g.setColor(fill);
                g.fillRect(x, y, cell, cell);
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(x, y, cell, cell);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String s = Long.toString(m[a][p]);
                if (fm.stringWidth(s) < cell - 2) {
                    g.drawString(s, x + (cell - fm.stringWidth(s)) / 2f, y + (cell + fm.getAscent()) / 2f - 2);
                }
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(Style.TICK);
        for (int c = 0; c < k; c++) {
            String name = c < names.size() ? names.get(c) : Integer.toString(c);
            centered(g, name, left + c * cell + cell / 2, top + k * cell + 16);
            FontMetrics tf = g.getFontMetrics();
            g.drawString(name, left - 8 - tf.stringWidth(name), top + c * cell + (cell + tf.getAscent()) / 2f - 2);
        }
        g.setFont(Style.LABEL);
        centered(g, "predicted class", left + k * cell / 2, top + k * cell + 40);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        centered(g, "actual class", -(top + k * cell / 2), left - 50);
        g.setTransform(saved);
        g.dispose();
        return img;
    }

    public static Path write(long[][] m, List<String> names, String title, Path file) throws IOException {
        return PngOutput.write(render(m, names, title), file);
    }

    static void centered(Graphics2D g, String s, int cx, int baseline) {
        g.drawString(s, cx - g.getFontMetrics().stringWidth(s) / 2f, baseline);
    }
}
