package dev.vitals.core.signals;

import dev.vitals.api.SignalStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily {@link HealthScore} of a set of subjects over the last days: for each day in the organisation's time zone,
 * the score of every signal's last status before that day ended. Days before any signal have no score.
 */
public final class HealthHistory {

    private final Jdbi jdbi;

    public HealthHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One day's score.
     *
     * @param day the date in the organisation's zone
     * @param score the score at the end of that day, empty when nothing was known yet
     */
    public record DailyScore(LocalDate day, OptionalDouble score) {
    }

    /** The signal history rows of these subjects, oldest first. */
    private record Observation(String key, SignalStatus status, Instant at) {
    }

    public List<DailyScore> lastDays(List<String> subjects, int days, LocalDate today, ZoneId zone) {
        LocalDate first = today.minusDays(days - 1L);
        Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<Observation> observations = jdbi.withHandle(h -> h.createQuery("""
                        SELECT plugin || ' ' || subject || ' ' || kind AS key, status, observed_at FROM core.signal_history
                         WHERE subject = ANY(:subjects) AND observed_at < :end ORDER BY observed_at, id""")
                .bindArray("subjects", String.class, subjects.toArray(String[]::new)).bind("end", end)
                .map((rs, ctx) -> new Observation(rs.getString("key"), SignalStatus.valueOf(rs.getString("status")),
                        rs.getObject("observed_at", java.time.OffsetDateTime.class).toInstant()))
                .list());
        Map<String, SignalStatus> current = new HashMap<>();
        List<DailyScore> scores = new ArrayList<>();
        int next = 0;
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            Instant dayEnd = ZonedDateTime.of(day.plusDays(1).atStartOfDay(), zone).toInstant();
            while (next < observations.size() && observations.get(next).at().isBefore(dayEnd)) {
                current.put(observations.get(next).key(), observations.get(next).status());
                next++;
            }
            scores.add(new DailyScore(day, HealthScore.of(current.values())));
        }
        return scores;
    }

    /**
     * Each subject's worst status as it stood at a moment: the last status of each of its signals observed before
     * then, from the plugins given. Subjects with no signal by then are left out.
     *
     * @param subjects the subjects' references
     * @param plugins the plugins whose signals count
     * @param at the moment, excluded
     * @return the worst status per subject
     */
    public Map<String, SignalStatus> worstAt(List<String> subjects, List<String> plugins, Instant at) {
        if (subjects.isEmpty() || plugins.isEmpty()) {
            return Map.of();
        }
        Map<String, SignalStatus> worst = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT DISTINCT ON (plugin, subject, kind) subject, status FROM core.signal_history
                         WHERE subject = ANY(:subjects) AND plugin = ANY(:plugins) AND observed_at < :at
                         ORDER BY plugin, subject, kind, observed_at DESC, id DESC""")
                .bindArray("subjects", String.class, subjects.toArray(String[]::new))
                .bindArray("plugins", String.class, plugins.toArray(String[]::new)).bind("at", at)
                .map((rs, ctx) -> Map.entry(rs.getString("subject"), SignalStatus.valueOf(rs.getString("status"))))
                .forEach(e -> worst.merge(e.getKey(), e.getValue(), (a, b) -> a.compareTo(b) >= 0 ? a : b)));
        return worst;
    }
}
