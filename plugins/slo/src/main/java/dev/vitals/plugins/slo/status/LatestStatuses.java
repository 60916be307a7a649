package dev.vitals.plugins.slo.status;

import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Each SLO's status as of its last evaluation, in table {@code latest_statuses}: the overview sorts, filters and pages
 * these in SQL, so its cost does not grow with the work of evaluating every SLO.
 */
public final class LatestStatuses {

    /** The overview's sort orders. */
    public enum Order {
        /** Least budget left first; SLOs without data or not yet evaluated last: the order of an index. */
        BUDGET("l.remaining, l.slo"),
        NAME("s.name");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /**
     * One page of the overview.
     *
     * @param rows the SLOs shown
     * @param total how many SLOs match the filters
     */
    public record Page(List<StoredStatus> rows, int total) {
    }

    private final Jdbi jdbi;

    public LatestStatuses(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores what the evaluation found, one statement for all of them. An evaluation that finishes after a later one
     * (the minute job and an ingest refresh racing) does not overwrite it.
     */
    public void saveAll(Collection<SloStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        List<SloStatus> all = List.copyOf(statuses);
        List<BudgetPolicy> verdicts = all.stream().map(BudgetPolicy::of).toList();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO latest_statuses AS l (slo, evaluated_at, attainment, remaining, verdict, summary)
                        SELECT * FROM unnest(CAST(:slo AS text[]), CAST(:at AS timestamptz[]),
                                             CAST(:attainment AS float8[]), CAST(:remaining AS float8[]),
                                             CAST(:verdict AS text[]), CAST(:summary AS text[]))
                        ON CONFLICT (slo) DO UPDATE SET evaluated_at = excluded.evaluated_at,
                            attainment = excluded.attainment, remaining = excluded.remaining,
                            verdict = excluded.verdict, summary = excluded.summary
                        WHERE l.evaluated_at IS NULL OR l.evaluated_at <= excluded.evaluated_at""")
                .bindArray("slo", String.class, all.stream().map(s -> s.slo().name()).toList())
                .bindArray("at", String.class, all.stream().map(s -> s.at().toString()).toList())
                .bindArray("attainment", Double.class, all.stream().map(s -> boxed(s.attainment())).toList())
                .bindArray("remaining", Double.class, all.stream()
                        .map(s -> s.budget().map(ErrorBudget::remaining).orElse(null)).toList())
                .bindArray("verdict", String.class, verdicts.stream().map(v -> v.status().name()).toList())
                .bindArray("summary", String.class, verdicts.stream().map(BudgetPolicy::summary).toList())
                .execute());
    }

    /**
     * @param team only the SLOs of this team, or every team
     * @param component only the SLOs of this availability component and of {@code componentServices}, or all
     * @param componentServices the services of {@code component}
     * @param page from 1
     * @param size rows per page
     */
    public Page page(Optional<String> team, Optional<String> component, Set<String> componentServices, Order order,
            int page, int size) {
        String where = """
                WHERE (CAST(:team AS text) IS NULL OR s.team = :team)
                  AND (CAST(:component AS text) IS NULL OR s.component = :component
                       OR s.service = ANY(CAST(:services AS text[])))""";
        return jdbi.withHandle(h -> {
            int total = h.createQuery("SELECT count(*) FROM slos s " + where)
                    .bind("team", team.orElse(null)).bind("component", component.orElse(null))
                    .bindArray("services", String.class, List.copyOf(componentServices)).mapTo(Integer.class).one();
            List<StoredStatus> rows = h.createQuery("SELECT s.*, l.evaluated_at, l.attainment, l.remaining, "
                            + "l.verdict, l.summary FROM slos s JOIN latest_statuses l ON l.slo = s.name "
                            + where + " ORDER BY " + order.sql + " LIMIT :size OFFSET :offset")
                    .bind("team", team.orElse(null)).bind("component", component.orElse(null))
                    .bindArray("services", String.class, List.copyOf(componentServices))
                    .bind("size", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> row(rs)).list();
            return new Page(rows, total);
        });
    }

    private static StoredStatus row(ResultSet rs) throws SQLException {
        Slo slo = SloRepository.slo(rs);
        OffsetDateTime at = rs.getObject("evaluated_at", OffsetDateTime.class);
        if (at == null) {
            return new StoredStatus(slo, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    Optional.empty());
        }
        return new StoredStatus(slo, Optional.of(at.toInstant()), optional(rs, "attainment"),
                optional(rs, "remaining"), Optional.of(new BudgetPolicy(
                        SignalStatus.valueOf(rs.getString("verdict")), rs.getString("summary"))));
    }

    private static OptionalDouble optional(ResultSet rs, String column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
