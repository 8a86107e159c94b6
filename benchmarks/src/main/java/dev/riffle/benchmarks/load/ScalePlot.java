package dev.riffle.benchmarks.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The scale workload as a PNG: final-result latency percentiles (p50, p90, p99) and client CPU per stream
 * against the number of streams, for both clients. Drawn with Java2D (headless), so it needs nothing installed.
 */
final class ScalePlot {

    private static final int PANEL_WIDTH = 560;
    private static final int HEIGHT = 460;
    private static final int MARGIN = 70;
    private static final Color RIFFLE = new Color(0x1f77b4);
    private static final Color SDK = new Color(0xd62728);
    private static final float[][] DASHES = {{1000f}, {8f, 5f}, {2f, 4f}};

    private ScalePlot() {
    }

    /** Writes the plot of both clients' scale runs to {@code file}. */
    static void write(List<RunFigures> riffle, List<RunFigures> sdk, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(PANEL_WIDTH * 2, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        String[] percentiles = {"p50", "p90", "p99"};
        Panel latency = new Panel(g, 0, "final-result latency (ms) vs streams", maxX(riffle, sdk),
                maxY(riffle, sdk, "finalLatencyMillis.p99"));
        for (int p = 0; p < percentiles.length; p++) {
            String figure = "finalLatencyMillis." + percentiles[p];
            latency.line(riffle, f -> f.get(figure), RIFFLE, DASHES[p], "riffle " + percentiles[p]);
            latency.line(sdk, f -> f.get(figure), SDK, DASHES[p], "SDK " + percentiles[p]);
        }
        Panel cpu = new Panel(g, PANEL_WIDTH, "client CPU per stream (% of one core) vs streams", maxX(riffle, sdk),
                Math.max(maxOf(riffle, ScalePlot::cpuPercentPerStream), maxOf(sdk, ScalePlot::cpuPercentPerStream)));
        cpu.line(riffle, ScalePlot::cpuPercentPerStream, RIFFLE, DASHES[0], "riffle");
        cpu.line(sdk, ScalePlot::cpuPercentPerStream, SDK, DASHES[0], "AWS SDK v2");
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** CPU per real-time stream as a share of one core: CPU seconds per audio second, in percent. */
    static double cpuPercentPerStream(RunFigures run) {
        return run.get(RunFigures.CPU_PER_AUDIO_HOUR) / 3600 * 100;
    }

    private static double maxX(List<RunFigures> a, List<RunFigures> b) {
        return Math.max(maxOf(a, RunFigures::streams), maxOf(b, RunFigures::streams));
    }

    private static double maxY(List<RunFigures> a, List<RunFigures> b, String figure) {
        return Math.max(maxOf(a, f -> f.get(figure)), maxOf(b, f -> f.get(figure)));
    }

    private static double maxOf(List<RunFigures> runs, ToDoubleFunction<RunFigures> figure) {
        return runs.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).max().orElse(1);
    }

    /** One chart: axes from zero to a rounded-up maximum, a title, a legend that grows down the right. */
    private static final class Panel {
        private final Graphics2D g;
        private final int left;
        private final double maxX;
        private final double maxY;
        private int legendRow;

        Panel(Graphics2D g, int offset, String title, double maxX, double maxY) {
            this.g = g;
            this.left = offset + MARGIN;
            this.maxX = niceCeiling(maxX);
            this.maxY = niceCeiling(maxY);
            g.setColor(Color.BLACK);
            g.drawString(title, left, MARGIN / 2);
            g.drawLine(left, bottom(), left + plotWidth(), bottom());
            g.drawLine(left, bottom(), left, MARGIN);
            for (int tick = 0; tick <= 4; tick++) {
                int x = left + plotWidth() * tick / 4;
                int y = bottom() - plotHeight() * tick / 4;
                g.drawString(label(this.maxX * tick / 4), x - 10, bottom() + 18);
                g.drawString(label(this.maxY * tick / 4), left - 50, y + 4);
                g.setColor(new Color(0xdddddd));
                g.drawLine(left + 1, y, left + plotWidth(), y);
                g.setColor(Color.BLACK);
            }
        }

        void line(List<RunFigures> runs, ToDoubleFunction<RunFigures> figure, Color color, float[] dash,
                  String name) {
            g.setColor(color);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            int previousX = -1;
            int previousY = -1;
            for (RunFigures run : runs) {
                double value = figure.applyAsDouble(run);
                if (Double.isNaN(value)) {
                    continue;
                }
                int x = left + (int) Math.round(plotWidth() * run.streams() / maxX);
                int y = bottom() - (int) Math.round(plotHeight() * Math.min(value, maxY) / maxY);
                g.fillOval(x - 3, y - 3, 6, 6);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            int legendY = MARGIN + 10 + 16 * legendRow++;
            g.drawLine(left + plotWidth() - 120, legendY, left + plotWidth() - 95, legendY);
            g.setStroke(new BasicStroke(1f));
            g.drawString(name, left + plotWidth() - 90, legendY + 4);
        }

        private int plotWidth() {
            return PANEL_WIDTH - MARGIN - 30;
        }

        private int plotHeight() {
            return HEIGHT - 2 * MARGIN;
        }

        private int bottom() {
            return HEIGHT - MARGIN;
        }

        private static String label(double value) {
            return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.2f", value);
        }

        /** 1, 2 or 5 times a power of ten, at least {@code value}. */
        private static double niceCeiling(double value) {
            if (!(value > 0)) {
                return 1;
            }
            double power = Math.pow(10, Math.floor(Math.log10(value)));
            for (double step : new double[] {1, 2, 5, 10}) {
                if (step * power >= value) {
                    return step * power;
                }
            }
            return 10 * power;
        }
    }
}
