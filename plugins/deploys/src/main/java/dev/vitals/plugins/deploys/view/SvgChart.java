package dev.vitals.plugins.deploys.view;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn as inline SVG on the server: they show without JavaScript and need no library. Only numbers the
 * code computes go into the markup, never text from users.
 */
public final class SvgChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 160;

    private SvgChart() {
    }

    /** @param values one bar per value, left to right @param label what the chart shows @return the SVG */
    public static String bars(List<Long> values, String label) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder svg = open(label);
        double step = values.isEmpty() ? WIDTH : (double) WIDTH / values.size();
        for (int i = 0; i < values.size(); i++) {
            double h = values.get(i) * (HEIGHT - 10.0) / max;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"currentColor\">"
                            + "<title>%d</title></rect>",
                    i * step + 1, HEIGHT - h, Math.max(1, step - 2), h, values.get(i)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"10\" font-size=\"10\">%d</text>", max));
        return svg.append("</svg>").toString();
    }

    /** @param shares values from 0 to 1, left to right @param label what the chart shows @return the SVG */
    public static String line(List<Double> shares, String label) {
        StringBuilder svg = open(label);
        for (double grid : new double[] {0.25, 0.5, 0.75}) {
            double y = HEIGHT - grid * HEIGHT;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"0\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#ccc\"/>", WIDTH, y, y));
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < shares.size(); i++) {
            double x = shares.size() == 1 ? 0 : i * (double) WIDTH / (shares.size() - 1);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, HEIGHT - shares.get(i) * HEIGHT));
        }
        svg.append("<polyline class=\"line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"")
                .append(points.toString().trim()).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String label) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" height=\"%d\""
                + " role=\"img\" aria-label=\"%s\" preserveAspectRatio=\"none\">", WIDTH, HEIGHT, HEIGHT,
                label.replaceAll("[^A-Za-z0-9 ,.%()-]", "")));
    }
}
