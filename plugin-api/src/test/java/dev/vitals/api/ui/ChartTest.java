package dev.vitals.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartTest {

    private static final List<LocalDate> THREE_DAYS = List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 3));

    private static String dataBlock(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" class=\"vitals-chart-data\">(.*?)</script>")
                .matcher(html);
        assertTrue(m.find(), "no data block in " + html);
        return m.group(1);
    }

    @Test
    void textFromUsersIsEscapedInTheMarkupAndCannotEndTheDataBlock() {
        String evil = "<script>alert('x')</script> & \"q\"";
        String html = Chart.builder(evil, ChartKind.LINES).days("Day", THREE_DAYS).yAxis("Score", "%")
                .series(ChartSeries.of(evil, List.of(1, 2, 3))).build().html();

        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("<figcaption>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
                + "</figcaption>"), html);
        String json = dataBlock(html);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertTrue(json.contains("\"title\":\"\\u003cscript\\u003ealert('x')\\u003c/script\\u003e \\u0026 \\\"q\\\"\""),
                json);
        assertEquals(1, html.split("</script>", -1).length - 1, "exactly one script end tag, the block's own");
    }

    @Test
    void aMissingValueIsNullInTheDataAndAnEmptyCellInTheTable() {
        Chart chart = Chart.builder("Health", ChartKind.LINES).days("Day", THREE_DAYS).yAxis("Score", "")
                .series(new ChartSeries("Score", List.of(OptionalDouble.of(80), OptionalDouble.empty(),
                        OptionalDouble.of(60))))
                .build();

        String html = chart.html();

        assertTrue(dataBlock(html).contains("\"values\":[80,null,60]"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">2026-11-02</th><td></td></tr>"), html);
    }

    @Test
    void theTableHeadingsCarryTheUnitAndTheCellsTheRoundedNumbersTheDataHolds() {
        Chart chart = Chart.builder("Budget", ChartKind.LINES).days("Day", THREE_DAYS)
                .yAxis("Error budget left", "%").decimals(1)
                .series(ChartSeries.of("checkout availability", List.of(99.94, -12.25, 0)))
                .build();

        String html = chart.html();

        assertTrue(html.contains("<th scope=\"col\">Day</th><th scope=\"col\">checkout availability (%)</th>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">2026-11-01</th><td>99.9</td></tr>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">2026-11-02</th><td>-12.3</td></tr>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">2026-11-03</th><td>0.0</td></tr>"), html);
        assertTrue(dataBlock(html).contains("\"values\":[99.9,-12.3,0.0]"), html);
        assertTrue(dataBlock(html).contains("\"unit\":\"%\""), html);
    }

    @Test
    void aBandAddsItsLowAndHighEdgesAsSeriesAndColumnsAndNamesThemInTheBands() {
        Chart chart = Chart.builder("Forecast", ChartKind.LINES).days("Day", THREE_DAYS).yAxis("Cost", "EUR")
                .series(ChartSeries.of("expected", List.of(10, 11, 12)))
                .band(new ChartBand("80 % interval", ChartSeries.of("lower bound", List.of(8, 9, 10)),
                        ChartSeries.of("upper bound", List.of(12, 13, 14))))
                .build();

        String html = chart.html();
        String json = dataBlock(html);

        assertTrue(json.contains("{\"label\":\"lower bound\",\"role\":\"band-low\",\"values\":[8,9,10]}"), json);
        assertTrue(json.contains("{\"label\":\"upper bound\",\"role\":\"band-high\",\"values\":[12,13,14]}"), json);
        assertTrue(json.contains("\"bands\":[{\"label\":\"80 % interval\",\"low\":1,\"high\":2}]"), json);
        assertTrue(html.contains("<th scope=\"col\">expected (EUR)</th><th scope=\"col\">lower bound (EUR)</th>"
                + "<th scope=\"col\">upper bound (EUR)</th>"), html);
        assertTrue(html.contains("<tr><th scope=\"row\">2026-11-02</th><td>11</td><td>9</td><td>13</td></tr>"), html);
    }

    @Test
    void stackedBarsSayTheirKindAndKeepEachSeriesOwnValuesInTheTable() {
        Chart chart = Chart.builder("Deploys", ChartKind.STACKED_BARS).days("Week from", THREE_DAYS)
                .yAxis("Deploys", "deploys/week")
                .series(ChartSeries.of("api", List.of(1, 2, 3)), ChartSeries.of("web", List.of(4, 5, 6)))
                .build();

        String html = chart.html();

        assertTrue(dataBlock(html).contains("\"kind\":\"stacked-bars\""), html);
        assertTrue(html.contains("<tr><th scope=\"row\">2026-11-03</th><td>3</td><td>6</td></tr>"), html);
    }

    @Test
    void instantsAreLabelledInTheGivenZoneAndSentAsEpochSeconds() {
        Chart chart = Chart.builder("Latency", ChartKind.LINES)
                .instants("Time", List.of(Instant.parse("2026-11-01T12:00:00Z")), ZoneId.of("Europe/Berlin"))
                .yAxis("p99", "ms").series(ChartSeries.of("p99", List.of(250))).build();

        String html = chart.html();

        assertTrue(html.contains("<th scope=\"row\">2026-11-01 13:00</th>"), html);
        assertTrue(dataBlock(html).contains("\"x\":[1793534400]"), html);
        assertTrue(dataBlock(html).contains("\"timeZone\":\"Europe/Berlin\""), html);
    }

    @Test
    void theChartIsNamedByItsTitleAndItsAxisForAssistiveTechnology() {
        String html = Chart.builder("Health of team a", ChartKind.LINES).days("Day", THREE_DAYS)
                .yAxis("Score", "points").series(ChartSeries.of("Score", List.of(1, 2, 3))).build().html();

        assertTrue(html.contains("<figcaption>Health of team a</figcaption>"), html);
        assertTrue(html.contains("role=\"img\" tabindex=\"0\" aria-label=\"Health of team a. Score (points),"
                + " 2026-11-01 to 2026-11-03."), html);
        assertFalse(html.contains("style="), "no inline style attribute: " + html);
    }

    @Test
    void aChartWithoutAnyValueShowsItsEmptyMessageAndNoDrawing() {
        Chart chart = Chart.builder("Health", ChartKind.LINES).days("Day", THREE_DAYS).yAxis("Score", "")
                .series(new ChartSeries("Score", List.of(OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty())))
                .emptyMessage("No history <yet>.").build();

        String html = chart.html();

        assertTrue(chart.isEmpty());
        assertTrue(html.contains("<p class=\"empty-state\">No history &lt;yet&gt;.</p>"), html);
        assertFalse(html.contains("vitals-chart-data"), html);
    }

    @Test
    void aSeriesOfTheWrongLengthIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Chart.builder("Health", ChartKind.BARS).days("Day", THREE_DAYS)
                        .series(ChartSeries.of("short", List.of(1, 2))).build());

        assertTrue(e.getMessage().contains("series 'short'"), e.getMessage());
    }

    @Test
    void aValueThatIsNotANumberIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ChartSeries.of("bad", List.of(1.0, Double.NaN)));
    }
}
