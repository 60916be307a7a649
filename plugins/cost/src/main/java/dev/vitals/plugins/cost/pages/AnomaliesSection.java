package dev.vitals.plugins.cost.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.cost.anomalies.Anomalies;
import dev.vitals.plugins.cost.anomalies.AnomalyView;
import gg.jte.Content;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open anomalies of the last {@value #DAYS} days, the highest impact first, as a section any cost page can
 * include ({@code ${section.content(Optional.empty())}}, or for one team's services), linking to the anomalies page.
 */
public final class AnomaliesSection {

    /** The days the section looks back, today included. */
    public static final int DAYS = 14;
    /** The anomalies it lists at most. */
    public static final int SHOWN = 10;

    private final Anomalies anomalies;
    private final PluginUrls urls;
    private final Clock clock;
    private final ZoneId zone;

    public AnomaliesSection(Anomalies anomalies, PluginUrls urls, Clock clock, ZoneId zone) {
        this.anomalies = anomalies;
        this.urls = urls;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param services only these services' anomalies, when present
     * @param filter the query that the "all anomalies" link keeps, e.g. {@code Map.of("team", "payments")}
     * @return the section's markup
     */
    public Content content(Optional<Collection<EntityRef>> services, Map<String, String> filter) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<AnomalyView> open = anomalies.list(today.minusDays(DAYS - 1), today.plusDays(1), services,
                Optional.of(true)).anomalies();
        List<AnomalyView> top = open.stream()
                .sorted((a, b) -> new java.math.BigDecimal(b.impact()).compareTo(new java.math.BigDecimal(
                        a.impact())))
                .limit(SHOWN).toList();
        return Templates.render("anomalies-section.jte", Map.of(
                "anomalies", top,
                "total", open.size(),
                "days", DAYS,
                "currency", anomalies.currency(),
                "allUrl", PluginUrls.withQuery(urls.page("/anomalies"), filter)));
    }
}
