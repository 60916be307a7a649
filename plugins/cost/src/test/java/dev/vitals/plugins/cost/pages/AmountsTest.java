package dev.vitals.plugins.cost.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.ui.Chart;
import dev.vitals.api.ui.ChartKind;
import dev.vitals.api.ui.ChartSeries;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void aSumEndingInHalfACentIsChartedAsThePageAndTheApiRoundIt() {
        BigDecimal down = new BigDecimal("3209.3050");
        BigDecimal up = new BigDecimal("3209.3150");

        String html = Chart.builder("Cost", ChartKind.STACKED_BARS)
                .days("Month from", List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1)))
                .yAxis("Cost", "EUR/month").decimals(2)
                .series(ChartSeries.of("Compute", List.of(Amounts.charted(down), Amounts.charted(up))))
                .build().html();

        assertEquals("3209.30", Amounts.cents(down));
        assertEquals("3209.32", Amounts.cents(up));
        assertTrue(html.contains("<td>3209.30</td>"), html);
        assertTrue(html.contains("<td>3209.32</td>"), html);
    }
}
