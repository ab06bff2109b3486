package org.scratchnet.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * The one look every figure shares: fonts, a white background, light grid lines and a class
 * palette. Fonts are the JDK's logical "SansSerif" so the output does not depend on which
 * font families a machine lists, only on what SansSerif maps to (DejaVu Sans here).
 */
public final class Style {
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    public static final Color ERROR = new Color(0xD0, 0x00, 0x00);

    /** Strong, distinguishable class colours (class k uses entry k mod 10). */
    private static final Color[] CLASSES = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
        new Color(0xBCBD22), new Color(0x17BECF),
    };

    static {
        // before any font or image is touched: plots are drawn off-screen, no display needed
        System.setProperty("java.awt.headless", "true");
    }

    private Style() {
    }

    /** The colour of class {@code k}. */
    public static Color classColor(int k) {
        return CLASSES[Math.floorMod(k, CLASSES.length)];
    }

    /** Class {@code k}'s colour mixed with white: {@code strength} 0 = white, 1 = the full colour. */
    public static Color classTint(int k, double strength) {
        return mix(Color.WHITE, classColor(k), strength);
    }

    /** Linear mix of two colours, t in [0, 1]. */
    public static Color mix(Color a, Color b, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
    }

    /** Line/series colours for curves (train, validation, ...). */
    public static Paint seriesColor(int i) {
        return classColor(i);
    }

    /**
     * Sets fonts and colours on a chart. No ChartTheme: a theme would also reset the series
     * colours the figures choose (class colours must match between points and shading).
     */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(LABEL);
            legend.setBackgroundPaint(Color.WHITE);
        }
        if (chart.getPlot() instanceof XYPlot) {
            XYPlot p = (XYPlot) chart.getPlot();
            p.setBackgroundPaint(Color.WHITE);
            p.setOutlinePaint(Color.GRAY);
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlinePaint(GRID);
            p.setDomainGridlineStroke(new BasicStroke(1f));
            p.setRangeGridlineStroke(new BasicStroke(1f));
            for (int i = 0; i < p.getDomainAxisCount(); i++) {
                axis(p.getDomainAxis(i));
            }
            for (int i = 0; i < p.getRangeAxisCount(); i++) {
                axis(p.getRangeAxis(i));
            }
        }
        return chart;
    }

    /** Label and tick fonts of one axis. */
    public static void axis(Axis a) {
        if (a != null) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICK);
            a.setLabelPaint(Color.DARK_GRAY);
            a.setTickLabelPaint(Color.DARK_GRAY);
        }
    }
}
