package org.scratchnet.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Grids of small value maps (convolution filters, feature maps) drawn as pixels, in sections
 * under headings. Each section chooses its palette:
 *
 * <ul>
 *   <li>diverging: blue for negative, white for 0, red for positive, scaled by the largest |v| of
 *       the whole section (filter weights, so filters compare with each other);
 *   <li>grey: each map scaled on its own from its minimum (white) to its maximum (black), so a
 *       weak map still shows its pattern (activations).
 * </ul>
 */
public final class MapGrid {
    /** Width of the whole figure; the height follows from the sections. */
    public static final int WIDTH = 760;
    private static final int TITLE_H = 40;
    private static final int HEADING_H = 24;
    private static final int CAPTION_H = 14;
    private static final int GAP = 6;
    private static final Color NEGATIVE = new Color(0x21, 0x66, 0xAC);
    private static final Color POSITIVE = new Color(0xB2, 0x18, 0x2B);

    private MapGrid() {
    }

    /**
     * One block of maps: {@code maps} (M, h·w) row-major, each {@code h × w}; captions one per map
     * (or null); {@code scale} pixels per value (0: as large as fits, at most 12).
     */
    public record Section(String heading, float[][] maps, int h, int w, boolean diverging, String[] captions, int scale) {
        public Section {
            if (maps.length == 0) {
                throw new IllegalArgumentException("map grid: section '" + heading + "' has no maps");
            }
            for (float[] m : maps) {
                if (m.length != h * w) {
                    throw new IllegalArgumentException("map grid: section '" + heading + "' has a map of " + m.length
                            + " values, expected " + h + "x" + w);
                }
            }
            if (captions != null && captions.length != maps.length) {
                throw new IllegalArgumentException("map grid: " + captions.length + " captions for " + maps.length + " maps");
            }
        }

        int pixel() {
            return scale > 0 ? scale : Math.max(1, Math.min(12, (WIDTH - 2 * GAP) / (Math.max(h, w) * 8 + GAP)));
        }
    }

    public static BufferedImage render(String title, List<Section> sections) {
        int height = TITLE_H;
        for (Section s : sections) {
            height += HEADING_H + layoutRows(s) * cellH(s) + GAP;
        }
        BufferedImage img = PngOutput.newImage(WIDTH, height);
        Graphics2D g = PngOutput.graphics(img);
        g.setColor(Color.BLACK);
        g.setFont(Style.TITLE);
        ConfusionPlot.centered(g, title, WIDTH / 2, 26);
        int y = TITLE_H;
        for (Section s : sections) {
            g.setColor(Color.BLACK);
            g.setFont(Style.LABEL);
            g.drawString(s.heading(), GAP, y + 17);
            y += HEADING_H;
            drawSection(g, s, y);
            y += layoutRows(s) * cellH(s) + GAP;
        }
        g.dispose();
        return img;
    }

    private static int perRow(Section s) {
        int cellW = s.w() * s.pixel() + GAP;
        return Math.max(1, Math.min(s.maps().length, (WIDTH - GAP) / cellW));
    }

    private static int layoutRows(Section s) {
        return (s.maps().length + perRow(s) - 1) / perRow(s);
    }

    private static int cellH(Section s) {
        return s.h() * s.pixel() + (s.captions() == null ? 0 : CAPTION_H) + GAP;
    }

    private static void drawSection(Graphics2D g, Section s, int top) {
        int px = s.pixel(), per = perRow(s), tileW = s.w() * px;
        int x0 = (WIDTH - per * tileW - (per - 1) * GAP) / 2;
        float span = 0;
        for (float[] m : s.maps()) {
            for (float v : m) {
                span = Math.max(span, Math.abs(v));
            }
        }
        g.setFont(Style.SMALL);
        for (int i = 0; i < s.maps().length; i++) {
            int x = x0 + (i % per) * (tileW + GAP), y = top + (i / per) * cellH(s);
            float[] m = s.maps()[i];
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (float v : m) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (int r = 0; r < s.h(); r++) {
                for (int c = 0; c < s.w(); c++) {
                    float v = m[r * s.w() + c];
                    g.setColor(s.diverging() ? diverging(v, span) : grey(v, lo, hi));
                    g.fillRect(x + c * px, y + r * px, px, px);
                }
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x - 1, y - 1, tileW + 1, s.h() * px + 1);
            if (s.captions() != null) {
                g.setColor(Color.DARK_GRAY);
                ConfusionPlot.centered(g, s.captions()[i], x + tileW / 2, y + s.h() * px + 11);
            }
        }
    }

    /** White at 0, toward blue (negative) or red (positive) in proportion to |v| / span. */
    static Color diverging(float v, float span) {
        if (!(span > 0) || !Float.isFinite(v)) {
            return Color.WHITE;
        }
        double t = Math.min(1, Math.abs(v) / span);
        return Style.mix(Color.WHITE, v < 0 ? NEGATIVE : POSITIVE, t);
    }

    /** White at the map's minimum, black at its maximum; a flat map is white. */
    static Color grey(float v, float lo, float hi) {
        if (!(hi > lo) || !Float.isFinite(v)) {
            return Color.WHITE;
        }
        int level = (int) Math.round(255 * (1 - (v - lo) / (double) (hi - lo)));
        return new Color(level, level, level);
    }
}
