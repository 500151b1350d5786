package com.careregistry.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** A small line chart drawn with Java2D (headless), axes and ticks included, for docs/benchmarks. */
final class Plot {

    record Series(String name, Color color, double[] x, double[] y, boolean dashed) {
    }

    /** @param logarithmic the y axis in powers of ten (latencies that span milliseconds to seconds) */
    record Chart(String title, String xLabel, String yLabel, List<Series> series, boolean logarithmic) {
        Chart(String title, String xLabel, String yLabel, List<Series> series) {
            this(title, xLabel, yLabel, series, false);
        }
    }

    private static final int WIDTH = 560;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private Plot() {
    }

    /** Draws the charts side by side into one PNG. */
    static void write(Path file, List<Chart> charts) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH * charts.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            draw(g, charts.get(i), i * WIDTH);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void draw(Graphics2D g, Chart chart, int x0) {
        double maxX = 0;
        double maxY = 0;
        for (Series s : chart.series()) {
            for (double v : s.x()) {
                maxX = Math.max(maxX, v);
            }
            for (double v : s.y()) {
                if (!Double.isNaN(v)) {
                    maxY = Math.max(maxY, v);
                }
            }
        }
        maxX = nice(maxX);
        boolean log = chart.logarithmic();
        double minY = 0;
        if (log) {
            minY = 0;                                              // 10^0 = 1
            maxY = Math.max(1, Math.ceil(Math.log10(Math.max(maxY, 10))));
        } else {
            maxY = nice(maxY);
        }
        final double top = maxY;
        java.util.function.DoubleUnaryOperator scale = log ? v -> Math.log10(Math.max(v, 1)) : v -> v;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(chart.title(), x0 + LEFT, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 5; t++) {
            int px = x0 + LEFT + plotW * t / 5;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(px, TOP, px, TOP + plotH);
            g.setColor(Color.DARK_GRAY);
            String xs = label(maxX * t / 5);
            g.drawString(xs, px - g.getFontMetrics().stringWidth(xs) / 2, TOP + plotH + 16);
        }
        int ticks = log ? (int) maxY : 5;
        for (int t = 0; t <= ticks; t++) {
            int py = TOP + plotH - plotH * t / ticks;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x0 + LEFT, py, x0 + LEFT + plotW, py);
            g.setColor(Color.DARK_GRAY);
            String ys = log ? label(Math.pow(10, t)) : label(maxY * t / ticks);
            g.drawString(ys, x0 + LEFT - 6 - g.getFontMetrics().stringWidth(ys), py + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0 + LEFT, TOP, plotW, plotH);
        g.drawString(chart.xLabel(), x0 + LEFT + plotW / 2 - g.getFontMetrics().stringWidth(chart.xLabel()) / 2, HEIGHT - 28);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(chart.yLabel(), -(TOP + plotH / 2 + rotated.getFontMetrics().stringWidth(chart.yLabel()) / 2), x0 + 16);
        rotated.dispose();
        int legendX = x0 + LEFT + 8;
        int legendY = HEIGHT - 10;
        for (Series s : chart.series()) {
            g.setColor(s.color());
            g.setStroke(s.dashed() ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                    : new BasicStroke(2));
            int prevX = -1;
            int prevY = -1;
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isNaN(s.y()[i])) {
                    continue;
                }
                int px = x0 + LEFT + (int) (plotW * s.x()[i] / maxX);
                int py = TOP + plotH - (int) (plotH * (scale.applyAsDouble(s.y()[i]) - minY) / (top - minY));
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, px, py);
                }
                if (!s.dashed()) {
                    g.fillOval(px - 3, py - 3, 6, 6);
                }
                prevX = px;
                prevY = py;
            }
            g.drawLine(legendX, legendY - 4, legendX + 18, legendY - 4);
            g.setStroke(new BasicStroke(1));
            g.setColor(Color.BLACK);
            g.drawString(s.name(), legendX + 22, legendY);
            legendX += 30 + g.getFontMetrics().stringWidth(s.name());
        }
    }

    private static double nice(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value >= 100 || value == Math.rint(value) ? String.valueOf(Math.round(value)) : String.format("%.1f", value);
    }
}
