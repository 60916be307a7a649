package dev.vitals.plugins.deploys.migration;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The move from the weekly release train to independent deploys: each service's mode with the date it changed,
 * and the share of services migrated on any date.
 */
public final class MigrationTracker {

    private record Change(String mode, LocalDate since) {
    }

    private final Jdbi jdbi;

    public MigrationTracker(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records a service's mode from a date on; setting the same again changes nothing.
     *
     * @param service the service
     * @param mode {@code train} or {@code independent}
     * @param since the date in the org zone, as text
     * @param actor who
     * @param now the time
     */
    public void set(String service, String mode, String since, String actor, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (!"train".equals(mode) && !"independent".equals(mode)) {
            errors.add(new FieldError("mode", "must be train or independent, got " + mode));
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(since == null ? "" : since);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("since", "must be a date like 2026-03-02, got " + since));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the release mode cannot be saved", errors);
        }
        LocalDate from = date;
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO release_modes (service, mode, since, set_by, set_at)
                        VALUES (:service, :mode, :since, :by, :at)
                        ON CONFLICT (service, since) DO UPDATE SET mode = excluded.mode, set_by = excluded.set_by,
                            set_at = excluded.set_at
                        WHERE release_modes.mode <> excluded.mode""")
                .bind("service", service).bind("mode", mode).bind("since", from).bind("by", actor).bind("at", now)
                .execute());
    }

    private Map<String, List<Change>> history() {
        Map<String, List<Change>> changes = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT service, mode, since FROM release_modes ORDER BY service, since")
                .map((rs, ctx) -> changes.computeIfAbsent(rs.getString("service"), s -> new ArrayList<>())
                        .add(new Change(rs.getString("mode"), rs.getObject("since", LocalDate.class))))
                .list());
        return changes;
    }

    /** @param services every service @param on a date @return each service's mode on that date, in the given order */
    public List<ReleaseMode> modes(Collection<String> services, LocalDate on) {
        Map<String, List<Change>> history = history();
        List<ReleaseMode> modes = new ArrayList<>();
        for (String service : services) {
            Optional<Change> latest = history.getOrDefault(service, List.of()).stream()
                    .filter(c -> !c.since().isAfter(on)).reduce((a, b) -> b);
            modes.add(new ReleaseMode(service, latest.map(c -> c.mode().equals("independent")).orElse(false),
                    latest.map(Change::since)));
        }
        return modes;
    }

    /**
     * @param services the services counted
     * @param dates the dates to evaluate
     * @return per date, the share of the services that deploy independently (0 to 1); empty without services
     */
    public Map<LocalDate, Double> shareOver(Collection<String> services, List<LocalDate> dates) {
        Map<LocalDate, Double> share = new LinkedHashMap<>();
        if (services.isEmpty()) {
            return share;
        }
        for (LocalDate date : dates) {
            long independent = modes(services, date).stream().filter(ReleaseMode::independent).count();
            share.put(date, (double) independent / services.size());
        }
        return share;
    }
}
