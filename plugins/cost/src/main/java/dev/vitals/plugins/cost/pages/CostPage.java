package dev.vitals.plugins.cost.pages;

import dev.vitals.api.Page;
import dev.vitals.plugins.cost.costs.CostAnswer;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.costs.GroupBy;
import dev.vitals.plugins.cost.imports.ImportHistory;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** {@code /p/cost/}: the cost per team over the last 30 days, and the imports with billed against effective cost. */
public final class CostPage {

    /** The days the page sums, today included. */
    static final int DAYS = 30;

    private final CostLedger ledger;
    private final ImportHistory history;
    private final Clock clock;
    private final ZoneId zone;

    public CostPage(CostLedger ledger, ImportHistory history, Clock clock, ZoneId zone) {
        this.ledger = ledger;
        this.history = history;
        this.clock = clock;
        this.zone = zone;
    }

    public Page render(Context ctx) {
        LocalDate to = LocalDate.now(clock.withZone(zone)).plusDays(1);
        LocalDate from = to.minusDays(DAYS);
        CostAnswer teams = ledger.costs(GroupBy.TEAM, from, to, Optional.empty());
        return new Page("Cost", Templates.render("cost.jte", Map.of(
                "from", from,
                "last", to.minusDays(1),
                "currency", teams.currency(),
                "teams", teams.groups().stream().map(g -> new TeamLine(g.key(), cents(g.cost()))).toList(),
                "total", cents(teams.total()),
                "unallocated", cents(teams.unallocated()),
                "imports", history.list().imports(),
                "zone", zone)));
    }

    /** Rounding is for display only: the API and the tables keep every digit. */
    static String cents(String exact) {
        return new BigDecimal(exact).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
