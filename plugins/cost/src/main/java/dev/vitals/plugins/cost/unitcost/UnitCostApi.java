package dev.vitals.plugins.cost.unitcost;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.web.QueryFields;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** {@code GET /api/cost/unit-costs?service=&from=&to=}. */
public final class UnitCostApi {

    /** The longest period one answer covers, two years and a day, as the cost routes. */
    static final long MAX_DAYS = 731;
    private static final LocalDate EXAMPLE = LocalDate.parse("2024-09-01");

    private final UnitCost unitCost;
    private final CatalogView catalog;

    public UnitCostApi(UnitCost unitCost, CatalogView catalog) {
        this.unitCost = unitCost;
        this.catalog = catalog;
    }

    public void unitCost(Context ctx) {
        String key = QueryFields.text(ctx, "service").orElseThrow(() -> QueryFields.invalid("service",
                "is required: a service's key, e.g. checkout"));
        EntityRef service = EntityRef.fromKey("component", key).flatMap(catalog::entity).map(e -> e.ref())
                .orElseThrow(() -> QueryFields.invalid("service", "names no service of the catalog: '" + key + "'"));
        LocalDate from = QueryFields.requiredDay(ctx, "from", EXAMPLE);
        LocalDate to = QueryFields.requiredDay(ctx, "to", EXAMPLE.plusMonths(1));
        if (!to.isAfter(from)) {
            throw QueryFields.invalid("to", "must be after from: the period is [from, to), got from " + from
                    + ", to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw QueryFields.invalid("to", "must be at most " + MAX_DAYS + " days after from");
        }
        ctx.json(unitCost.of(service, from, to));
    }
}
