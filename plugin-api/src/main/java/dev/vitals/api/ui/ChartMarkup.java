package dev.vitals.api.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes a {@link Chart} as HTML: caption, the drawing's place with its data as JSON, and the data table. The JSON and
 * the table carry the same rounded numbers, so what the legend shows on hover and what the table says agree.
 */
final class ChartMarkup {

    private final ChartSpec chart;

    ChartMarkup(ChartSpec chart) {
        this.chart = chart;
    }

    String html() {
        StringBuilder out = new StringBuilder("<figure class=\"vitals-chart\">");
        out.append("<figcaption>").append(escape(chart.title())).append("</figcaption>");
        if (chart.empty()) {
            return out.append("<p class=\"empty-state\">").append(escape(chart.emptyMessage())).append("</p></figure>")
                    .toString();
        }
        out.append("<div class=\"vitals-chart-plot\" role=\"img\" tabindex=\"0\" aria-label=\"")
                .append(escape(accessibleName())).append("\"></div>");
        out.append("<script type=\"application/json\" class=\"vitals-chart-data\">").append(json()).append("</script>");
        out.append("<details class=\"vitals-chart-table\"><summary>Data table</summary>")
                .append("<table class=\"data\"><caption>").append(escape(chart.title())).append("</caption>")
                .append("<thead><tr><th scope=\"col\">").append(escape(chart.xHeading())).append("</th>");
        for (Column c : columns()) {
            out.append("<th scope=\"col\">").append(escape(withUnit(c.label()))).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (int i = 0; i < chart.xLabels().size(); i++) {
            out.append("<tr><th scope=\"row\">").append(escape(chart.xLabels().get(i))).append("</th>");
            for (Column c : columns()) {
                out.append("<td>").append(number(c.series().values().get(i)).orElse("")).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table></details></figure>").toString();
    }

    /** The chart's numbers and labels for the chart script; strings are escaped so the block cannot end early. */
    String json() {
        StringBuilder out = new StringBuilder("{");
        field(out, "kind", chart.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        field(out, "title", chart.title());
        field(out, "yLabel", chart.yLabel());
        field(out, "unit", chart.unit());
        field(out, "timeZone", chart.timeZone());
        out.append("\"decimals\":").append(chart.decimals()).append(',');
        if (chart.yMin().isPresent()) {
            out.append("\"yMin\":").append(plain(chart.yMin().getAsDouble())).append(',');
        }
        if (chart.yMax().isPresent()) {
            out.append("\"yMax\":").append(plain(chart.yMax().getAsDouble())).append(',');
        }
        out.append("\"x\":[");
        join(out, chart.xSeconds().stream().map(String::valueOf).toList());
        out.append("],\"xLabels\":[");
        join(out, chart.xLabels().stream().map(ChartMarkup::string).toList());
        out.append("],\"series\":[");
        List<String> series = new ArrayList<>();
        for (Column c : columns()) {
            series.add("{\"label\":" + string(c.label()) + ",\"role\":" + string(c.role()) + ",\"values\":["
                    + String.join(",", c.series().values().stream().map(v -> number(v).orElse("null")).toList())
                    + "]}");
        }
        join(out, series);
        out.append("],\"bands\":[");
        List<String> bands = new ArrayList<>();
        int first = chart.series().size();
        for (int b = 0; b < chart.bands().size(); b++) {
            bands.add("{\"label\":" + string(chart.bands().get(b).label()) + ",\"low\":" + (first + 2 * b)
                    + ",\"high\":" + (first + 2 * b + 1) + "}");
        }
        join(out, bands);
        return out.append("]}").toString();
    }

    /** A series as drawn and tabled: the chart's own series first, then each band's low and high edge. */
    private record Column(String label, String role, ChartSeries series) {
    }

    private List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        chart.series().forEach(s -> columns.add(new Column(s.label(), "series", s)));
        chart.bands().forEach(b -> {
            columns.add(new Column(b.low().label(), "band-low", b.low()));
            columns.add(new Column(b.high().label(), "band-high", b.high()));
        });
        return columns;
    }

    private String accessibleName() {
        List<String> labels = chart.xLabels();
        String axis = chart.yLabel().isEmpty() ? "" : " " + withUnit(chart.yLabel()) + ",";
        String span = labels.isEmpty() ? "" : " " + labels.get(0) + " to " + labels.get(labels.size() - 1) + ".";
        return chart.title() + "." + axis + span + " Arrow keys step through the values; the data table below"
                + " lists them all.";
    }

    private String withUnit(String label) {
        return chart.unit().isEmpty() ? label : label + " (" + chart.unit() + ")";
    }

    private Optional<String> number(OptionalDouble value) {
        return value.isPresent() ? Optional.of(plain(value.getAsDouble())) : Optional.empty();
    }

    private String plain(double value) {
        return BigDecimal.valueOf(value).setScale(chart.decimals(), RoundingMode.HALF_UP).toPlainString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":").append(string(value)).append(',');
    }

    private static void join(StringBuilder out, List<String> items) {
        out.append(String.join(",", items));
    }

    /** A JSON string whose {@code <}, {@code >} and {@code &} are escaped too, so it is safe inside a script block. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
