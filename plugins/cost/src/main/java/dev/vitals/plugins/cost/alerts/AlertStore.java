package dev.vitals.plugins.cost.alerts;

import dev.vitals.api.EntityRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/** The alerts table: replaced per assessed period like the anomalies. */
public final class AlertStore {

    private final Jdbi jdbi;

    public AlertStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores what was found over [from, to) and forgets that period's alerts no longer found, in a few set-based
     * statements whatever the count: a 13-month backfill finds tens of thousands.
     *
     * @return the alerts of [from, to) that were not stored before, in the order found
     */
    public List<Alert> replace(LocalDate from, LocalDate to, List<Alert> found, Function<EntityRef,
            Optional<EntityRef>> teamOf, Instant now) {
        return jdbi.inTransaction(h -> {
            List<String> kinds = new ArrayList<>(found.size());
            List<String> subjects = new ArrayList<>(found.size());
            List<String> teams = new ArrayList<>(found.size());
            List<String> periods = new ArrayList<>(found.size());
            List<String> days = new ArrayList<>(found.size());
            List<String> currents = new ArrayList<>(found.size());
            List<String> previouses = new ArrayList<>(found.size());
            for (Alert a : found) {
                Optional<EntityRef> team = a.aboutTeam() ? Optional.of(a.subject()) : teamOf.apply(a.subject());
                kinds.add(kind(a));
                subjects.add(a.subject().toString());
                teams.add(team.map(EntityRef::toString).orElse(null));
                periods.add(a.period().word());
                days.add(a.day().toString());
                currents.add(a.current().toPlainString());
                previouses.add(a.previous().toPlainString());
            }
            h.execute("""
                    CREATE TEMP TABLE found_alerts (kind text, subject text, team text, period text, day date,
                                                    current_cost numeric, previous_cost numeric) ON COMMIT DROP""");
            h.createUpdate("""
                    INSERT INTO found_alerts
                    SELECT * FROM unnest(:kinds, :subjects, :teams, :periods, CAST(:days AS date[]),
                                         CAST(:currents AS numeric[]), CAST(:previouses AS numeric[]))""")
                    .bindArray("kinds", String.class, kinds).bindArray("subjects", String.class, subjects)
                    .bindArray("teams", String.class, teams).bindArray("periods", String.class, periods)
                    .bindArray("days", String.class, days).bindArray("currents", String.class, currents)
                    .bindArray("previouses", String.class, previouses).execute();
            h.execute("ANALYZE found_alerts");
            h.createUpdate("""
                    DELETE FROM alerts a WHERE a.day >= :from AND a.day < :to AND NOT EXISTS (
                        SELECT 1 FROM found_alerts f WHERE f.kind = a.subject_kind AND f.subject = a.subject
                          AND f.period = a.period AND f.day = a.day)""")
                    .bind("from", from).bind("to", to).execute();
            h.execute("""
                    UPDATE alerts a SET team = f.team, current_cost = f.current_cost, previous_cost = f.previous_cost
                    FROM found_alerts f
                    WHERE f.kind = a.subject_kind AND f.subject = a.subject AND f.period = a.period AND f.day = a.day
                      AND (a.team, a.current_cost, a.previous_cost)
                          IS DISTINCT FROM (f.team, f.current_cost, f.previous_cost)""");
            Set<String> added = new HashSet<>(h.createQuery("""
                    INSERT INTO alerts (subject_kind, subject, team, period, day, current_cost, previous_cost,
                                        detected_at)
                    SELECT kind, subject, team, period, day, current_cost, previous_cost, :now FROM found_alerts
                    ON CONFLICT (subject_kind, subject, period, day) DO NOTHING
                    RETURNING subject_kind || ' ' || subject || ' ' || period || ' ' || day AS key""")
                    .bind("now", now).mapTo(String.class).list());
            return found.stream().filter(a -> added.contains(kind(a) + " " + a.subject() + " " + a.period().word()
                    + " " + a.day())).toList();
        });
    }

    private static String kind(Alert a) {
        return a.aboutTeam() ? "team" : "service";
    }

    /**
     * @param subjects only alerts about these services or teams, when present
     * @return the alerts of [from, to), the latest day first
     */
    public List<Alert> list(LocalDate from, LocalDate to, Optional<Collection<EntityRef>> subjects) {
        String scope = subjects.isPresent() ? " AND subject = ANY(:subjects)" : "";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("""
                    SELECT subject, period, day, current_cost, previous_cost FROM alerts
                    WHERE day >= :from AND day < :to""" + scope + " ORDER BY day DESC, subject, period")
                    .bind("from", from).bind("to", to);
            subjects.ifPresent(s -> query.bindArray("subjects", String.class,
                    s.stream().map(EntityRef::toString).toList()));
            return query.map((rs, ctx) -> new Alert(EntityRef.parse(rs.getString("subject")),
                    Period.of(rs.getString("period")).orElseThrow(), rs.getObject("day", LocalDate.class),
                    rs.getBigDecimal("current_cost"), rs.getBigDecimal("previous_cost"))).list();
        });
    }
}
