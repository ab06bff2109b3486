package org.scratchnet.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.scratchnet.io.AtomicWrite;

/**
 * Renders images and charts to PNG bytes, deterministically, and writes them atomically.
 *
 * <p>Determinism: RGB images of a fixed size, fixed rendering hints (antialiasing on, greyscale
 * text antialiasing, fractional metrics on, pure strokes), and the JDK's PNG writer, which
 * writes no time chunk. Same pixels → same bytes.
 */
public final class PngOutput {
    static {
        // Plots are drawn off-screen; no display is needed (or present on servers and CI).
        System.setProperty("java.awt.headless", "true");
    }

    private PngOutput() {
    }

    /** A white {@code width} × {@code height} RGB image. */
    public static BufferedImage newImage(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(img);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    /** A Graphics2D on {@code img} with the fixed rendering hints every figure uses. */
    public static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        return g;
    }

    /** Draws {@code chart} into a new image of the given size. */
    public static BufferedImage render(JFreeChart chart, int width, int height) {
        return render(chart, width, height, null);
    }

    /** As {@link #render(JFreeChart, int, int)}, recording the plot's data area into {@code info}. */
    public static BufferedImage render(JFreeChart chart, int width, int height, ChartRenderingInfo info) {
        BufferedImage img = newImage(width, height);
        Graphics2D g = graphics(img);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        g.dispose();
        return img;
    }

    /** The PNG encoding of {@code img}. */
    public static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", bytes)) {
                throw new IllegalStateException("no PNG writer available in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code img} as PNG to {@code file} (creating its directory) with core's {@link AtomicWrite}. */
    public static Path write(BufferedImage img, Path file) throws IOException {
        byte[] png = encode(img);
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        AtomicWrite.write(abs, out -> out.write(png));
        return file;
    }

    /** Renders {@code chart} at the given size and writes it to {@code file}. */
    public static Path write(JFreeChart chart, int width, int height, Path file) throws IOException {
        return write(render(chart, width, height), file);
    }
}
