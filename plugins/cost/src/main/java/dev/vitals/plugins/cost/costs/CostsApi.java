package dev.vitals.plugins.cost.costs;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.web.Parameters;
import dev.vitals.plugins.cost.web.SubjectScope;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/cost/costs} and {@code GET /api/cost/costs/daily}. */
public final class CostsApi {

    /** The longest period one answer covers, two years and a day. */
    static final long MAX_DAYS = 731;

    private final CostLedger ledger;
    private final Organisation organisation;

    public CostsApi(CostLedger ledger, Organisation organisation) {
        this.ledger = ledger;
        this.organisation = organisation;
    }

    public void costs(Context ctx) {
        GroupBy by = Parameters.text(ctx, "groupBy").map(word -> GroupBy.of(word).orElseThrow(() ->
                Parameters.bad("groupBy", "must be one of " + GroupBy.CHOICES + ", got '" + word + "'")))
                .orElse(GroupBy.SERVICE);
        Period period = period(ctx);
        ctx.json(ledger.costs(by, period.from(), period.to(), scope(ctx)));
    }

    public void daily(Context ctx) {
        Period period = period(ctx);
        ctx.json(ledger.daily(period.from(), period.to(), scope(ctx)));
    }

    private static Period period(Context ctx) {
        LocalDate from = Parameters.day(ctx, "from");
        LocalDate to = Parameters.day(ctx, "to");
        if (!to.isAfter(from)) {
            throw Parameters.bad("to", "must be after from: the period is [from, to), got from " + from + ", to "
                    + to);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw Parameters.bad("to", "must be at most " + MAX_DAYS + " days after from");
        }
        return new Period(from, to);
    }

    /** The services of {@code service=}, {@code team=} or {@code program=}, at most one of them. */
    private Optional<Set<EntityRef>> scope(Context ctx) {
        return SubjectScope.of(ctx, organisation, Parameters::bad, "give one of service, team and program");
    }

    private record Period(LocalDate from, LocalDate to) {
    }
}
