package dev.vitals.plugins.slo.objectives;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/** SLO definitions in schema {@code slo}. */
public final class SloRepository {

    /** The names the table allows (its CHECK constraint). */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final Jdbi jdbi;

    public SloRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return false when an SLO of that name exists already */
    public boolean create(Slo slo) {
        return jdbi.withHandle(h -> bind(h.createUpdate("""
                INSERT INTO slos (name, service, component, team, objective, time_window, method, slice_threshold,
                                  description, created_at, updated_at, prometheus_good, prometheus_total,
                                  prometheus_value)
                VALUES (:name, :service, :component, :team, :objective, :window, :method, :threshold, :description,
                        :at, :at, :good, :total, :value)
                ON CONFLICT (name) DO NOTHING"""), slo).execute() == 1);
    }

    /** @return false when there is no SLO of that name */
    public boolean update(Slo slo) {
        return jdbi.withHandle(h -> bind(h.createUpdate("""
                UPDATE slos SET service = :service, component = :component, team = :team, objective = :objective,
                       time_window = :window, method = :method, slice_threshold = :threshold,
                       description = :description, updated_at = :at, prometheus_good = :good,
                       prometheus_total = :total, prometheus_value = :value
                WHERE name = :name"""), slo).execute() == 1);
    }

    private static Update bind(Update update, Slo slo) {
        return update.bind("name", slo.name()).bind("service", slo.service().orElse(null))
                .bind("component", slo.component().orElse(null)).bind("team", slo.team().orElse(null))
                .bind("objective", slo.objective()).bind("window", slo.window().code())
                .bind("method", slo.method().code())
                .bind("threshold", slo.sliceThreshold().orElse(null))
                .bind("description", slo.description().orElse(null))
                .bind("at", OffsetDateTime.ofInstant(slo.updatedAt(), java.time.ZoneOffset.UTC))
                .bind("good", slo.prometheus().flatMap(PrometheusQueries::good).orElse(null))
                .bind("total", slo.prometheus().flatMap(PrometheusQueries::total).orElse(null))
                .bind("value", slo.prometheus().flatMap(PrometheusQueries::value).orElse(null));
    }

    /** Creates or replaces every SLO in one transaction, so an import is stored whole or not at all. */
    public void upsertAll(List<Slo> all) {
        jdbi.useTransaction(h -> {
            for (Slo slo : all) {
                bind(h.createUpdate("""
                        INSERT INTO slos (name, service, component, team, objective, time_window, method,
                                          slice_threshold, description, created_at, updated_at, prometheus_good,
                                          prometheus_total, prometheus_value)
                        VALUES (:name, :service, :component, :team, :objective, :window, :method, :threshold,
                                :description, :at, :at, :good, :total, :value)
                        ON CONFLICT (name) DO UPDATE SET service = excluded.service, component = excluded.component,
                            team = excluded.team, objective = excluded.objective, time_window = excluded.time_window,
                            method = excluded.method, slice_threshold = excluded.slice_threshold,
                            description = excluded.description, updated_at = excluded.updated_at,
                            prometheus_good = excluded.prometheus_good, prometheus_total = excluded.prometheus_total,
                            prometheus_value = excluded.prometheus_value"""), slo).execute();
            }
        });
    }

    /**
     * Deletes an SLO with its minute data and alert history, and logs who did it and what it was, in one transaction.
     *
     * @return false when there was no SLO of that name
     */
    public boolean delete(String name, String by, String person, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<Slo> slo = h.createQuery("SELECT * FROM slos WHERE name = :name FOR UPDATE").bind("name", name)
                    .map((rs, ctx) -> slo(rs)).findOne();
            if (slo.isEmpty()) {
                return false;
            }
            h.createUpdate("""
                    INSERT INTO slo_deletions (slo, definition, deleted_by, deleted_by_person, deleted_at)
                    VALUES (:slo, :definition, :by, :person, :at)""")
                    .bind("slo", name).bind("definition", SloDeletion.describe(slo.get())).bind("by", by)
                    .bind("person", person).bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                    .execute();
            h.createUpdate("DELETE FROM slos WHERE name = :name").bind("name", name).execute();
            return true;
        });
    }

    /** @return the latest deletions, newest first */
    public List<SloDeletion> deletions(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM slo_deletions ORDER BY deleted_at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit).map((rs, ctx) -> new SloDeletion(rs.getString("slo"), rs.getString("definition"),
                        rs.getString("deleted_by"), rs.getString("deleted_by_person"),
                        rs.getObject("deleted_at", OffsetDateTime.class).toInstant())).list());
    }

    /** @return the SLO of that name; empty for a name no SLO can have, such as one from a spoiled URL */
    public Optional<Slo> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM slos WHERE name = :name").bind("name", name)
                .map((rs, ctx) -> slo(rs)).findOne());
    }

    public Map<String, Slo> findAll(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM slos WHERE name IN (<names>)")
                .bindList("names", List.copyOf(names)).map((rs, ctx) -> slo(rs)).list())
                .stream().collect(Collectors.toMap(Slo::name, Function.identity()));
    }

    public List<Slo> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM slos ORDER BY name").map((rs, ctx) -> slo(rs)).list());
    }

    /** @return the teams that own SLOs, by name */
    public List<String> teams() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT team FROM slos WHERE team IS NOT NULL ORDER BY team")
                .mapTo(String.class).list());
    }

    /** @return the availability components SLOs are defined for, by name */
    public List<String> components() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT DISTINCT component FROM slos WHERE component IS NOT NULL ORDER BY component")
                .mapTo(String.class).list());
    }

    public List<Slo> page(int page, int size) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM slos ORDER BY name LIMIT :size OFFSET :offset")
                .bind("size", size).bind("offset", (long) (page - 1) * size).map((rs, ctx) -> slo(rs)).list());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM slos").mapTo(Long.class).one());
    }

    public List<Slo> ofService(String service) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM slos WHERE service = :s ORDER BY name")
                .bind("s", service).map((rs, ctx) -> slo(rs)).list());
    }

    /** @return the SLO of the current row of a query over {@code slos} */
    public static Slo slo(ResultSet rs) throws SQLException {
        return new Slo(rs.getString("name"), Optional.ofNullable(rs.getString("service")),
                Optional.ofNullable(rs.getString("component")), Optional.ofNullable(rs.getString("team")),
                rs.getBigDecimal("objective"), SloWindow.ofCode(rs.getString("time_window")).orElseThrow(),
                BudgetingMethod.ofCode(rs.getString("method")).orElseThrow(),
                Optional.ofNullable(rs.getBigDecimal("slice_threshold")),
                Optional.ofNullable(rs.getString("description")),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), prometheus(rs));
    }

    private static Optional<PrometheusQueries> prometheus(ResultSet rs) throws SQLException {
        Optional<String> good = Optional.ofNullable(rs.getString("prometheus_good"));
        Optional<String> total = Optional.ofNullable(rs.getString("prometheus_total"));
        Optional<String> value = Optional.ofNullable(rs.getString("prometheus_value"));
        return good.isEmpty() && total.isEmpty() && value.isEmpty() ? Optional.empty()
                : Optional.of(new PrometheusQueries(good, total, value));
    }

    /** @return the SLOs whose minute data is pulled from Prometheus */
    public List<Slo> pulled() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM slos WHERE prometheus_good IS NOT NULL OR prometheus_value IS NOT NULL
                ORDER BY name""").map((rs, ctx) -> slo(rs)).list());
    }
}
