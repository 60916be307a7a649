package dev.vitals.plugins.cost.unitcost;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The answer of {@code GET /api/cost/unit-costs}: what a thousand requests of a service cost over a period.
 *
 * @param service the service's key
 * @param currency the reporting currency
 * @param from the first day
 * @param to the day after the last
 * @param cost the service's effective cost over the period, an exact decimal string
 * @param requests the requests it served, summed from the SLO plugin's {@code slo.requests}; null when no day of the
 *     period has a count
 * @param perThousandRequests cost × 1000 / requests, to 16 significant digits; null when there is no count or it is
 *     zero
 * @param requestDays the days of the period that have a request count
 * @param reason why there is no unit cost, or why it may mislead (counts on some days only); null otherwise
 */
public record UnitCostAnswer(String service, String currency, LocalDate from, LocalDate to, String cost,
        Optional<String> requests, Optional<String> perThousandRequests, int requestDays, Optional<String> reason) {
}
