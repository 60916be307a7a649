package dev.vitals.plugins.cost.anomalies;

import dev.vitals.plugins.cost.web.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One anomaly as the API answers it; money as exact decimal strings.
 *
 * @param id its number, for dismissing it
 * @param service the service's key
 * @param team the key of the team that owns it, if any
 * @param date the day
 * @param cost what the day cost
 * @param expected what it was expected to cost
 * @param low the band's lower edge
 * @param high the band's upper edge, which the cost exceeded
 * @param impact cost minus expected
 * @param score how far above expected, in robust standard deviations; the band's edge is 6
 * @param method how the band was made
 * @param warmingUp true when the service had fewer than 14 days of history and the band is period-over-period
 * @param detectedAt when detection last assessed the day
 * @param dismissal who dismissed it, when and why; empty while it is open
 * @param link its page
 */
public record AnomalyView(long id, String service, Optional<String> team, LocalDate date, String cost,
        String expected, String low, String high, String impact, double score, String method, boolean warmingUp,
        Instant detectedAt, Optional<Dismissal> dismissal, String link) {

    static AnomalyView of(StoredAnomaly a, Optional<String> team, String link) {
        Expectation e = a.expectation();
        return new AnomalyView(a.id(), a.service().key(), team, e.day(), Money.text(e.cost()),
                Money.text(e.expected()), Money.text(e.low()), Money.text(e.high()), Money.text(e.impact()),
                e.score(), e.method(), !SeasonalBaseline.SEASONAL.equals(e.method()), a.detectedAt(), a.dismissal(),
                link);
    }
}
