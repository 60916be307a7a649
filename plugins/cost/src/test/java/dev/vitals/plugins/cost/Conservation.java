package dev.vitals.plugins.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vitals.testkit.VitalsPortal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Checks, day by day, that the services' cost plus the unallocated cost is all the effective cost stored for the
 * day, summed here straight from the table in the reporting currency; that each group's cost is its direct plus its
 * shared cost; and that the daily answer says the same. Every test dataset of the plugin runs through it.
 */
public final class Conservation {

    private Conservation() {
    }

    public static void assertConserved(VitalsPortal portal, ZoneId zone, LocalDate from, LocalDate to) {
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            LocalDate d = day;
            BigDecimal stored = portal.pluginJdbi().withHandle(h -> h.createQuery("""
                    SELECT coalesce(sum(cost), 0) FROM charges
                    WHERE charge_period_start >= :from AND charge_period_start < :to""")
                    .bind("from", d.atStartOfDay(zone).toOffsetDateTime())
                    .bind("to", d.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                    .mapTo(BigDecimal.class).one());
            JsonNode answer = portal.viewer().get("/api/cost/costs?groupBy=service&from=" + d + "&to=" + d.plusDays(1))
                    .expect(200).json();
            BigDecimal services = BigDecimal.ZERO;
            for (JsonNode group : answer.get("groups")) {
                BigDecimal cost = new BigDecimal(group.get("cost").asText());
                services = services.add(cost);
                assertEquals(0, cost.compareTo(new BigDecimal(group.get("direct").asText())
                        .add(new BigDecimal(group.get("shared").asText()))), d + ": " + group + " direct + shared");
            }
            BigDecimal unallocated = new BigDecimal(answer.get("unallocated").asText());
            assertEquals(0, stored.compareTo(services.add(unallocated)), d + ": services " + services
                    + " + unallocated " + unallocated + " against " + stored + " stored");
            assertEquals(0, stored.compareTo(new BigDecimal(answer.get("total").asText())), d + ": total");
            JsonNode daily = portal.viewer().get("/api/cost/costs/daily?from=" + d + "&to=" + d.plusDays(1))
                    .expect(200).json();
            assertEquals(0, stored.compareTo(new BigDecimal(daily.get("days").get(0).get("cost").asText())),
                    d + ": daily");
        }
    }
}
