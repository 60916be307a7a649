package dev.vitals.core.signals;

import dev.vitals.api.SignalStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The health of teams and programs as their lists and pages show it: the worst latest signal about the services a
 * team owns, or a program has in scope, from the plugins that count (the started ones), and how many of those
 * services have a Warning or Critical one. A team's own signals are not its health; its services' are.
 */
public final class ServicesHealth {

    private final Jdbi jdbi;

    public ServicesHealth(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A team's or program's verdict.
     *
     * @param status the worst status among its services' latest signals
     * @param service the reference of the service that signal is about
     * @param summary that signal's summary
     * @param link that signal's link, if it has one
     * @param servicesNotOk how many of its services have a Warning or Critical signal
     * @param servicesJudged how many of its services have any signal
     */
    public record Verdict(SignalStatus status, String service, String summary, Optional<String> link,
            int servicesNotOk, int servicesJudged) {
    }

    /** The verdict of each team given that owns a service with a signal; teams without are left out. */
    public Map<String, Verdict> ofTeams(List<String> teams, List<String> plugins) {
        return verdicts("""
                SELECT e.owner_ref AS holder, s.subject, s.status, s.summary, s.link, s.kind
                FROM core.catalog_entities e JOIN core.signal_latest s ON s.subject = e.ref
                WHERE e.kind = 'Component' AND e.owner_ref IN (<holders>) AND s.plugin IN (<plugins>)""", teams, plugins);
    }

    /** The verdict of each program given that has a service in scope with a signal; others are left out. */
    public Map<String, Verdict> ofPrograms(List<String> programs, List<String> plugins) {
        return verdicts("""
                SELECT r.source_ref AS holder, s.subject, s.status, s.summary, s.link, s.kind
                FROM core.catalog_relations r JOIN core.signal_latest s ON s.subject = r.target_ref
                WHERE r.type = 'inScope' AND r.source_ref IN (<holders>) AND s.plugin IN (<plugins>)""", programs, plugins);
    }

    private record Found(String holder, String subject, SignalStatus status, String summary, Optional<String> link,
            String kind) {
    }

    private Map<String, Verdict> verdicts(String sql, List<String> holders, List<String> plugins) {
        if (holders.isEmpty() || plugins.isEmpty()) {
            return Map.of();
        }
        List<Found> found = jdbi.withHandle(h -> h.createQuery(sql).bindList("holders", holders)
                .bindList("plugins", plugins)
                .map((rs, ctx) -> new Found(rs.getString("holder"), rs.getString("subject"),
                        SignalStatus.valueOf(rs.getString("status")), rs.getString("summary"),
                        Optional.ofNullable(rs.getString("link")), rs.getString("kind"))).list());
        Map<String, List<Found>> byHolder = new HashMap<>();
        found.forEach(f -> byHolder.computeIfAbsent(f.holder(), k -> new ArrayList<>()).add(f));
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        for (String holder : holders) {
            List<Found> signals = byHolder.get(holder);
            if (signals == null) {
                continue;
            }
            // Worst first; among equals the service and kind first by name, so the choice does not change by itself.
            Found worst = signals.stream().max(Comparator.comparing(Found::status)
                    .thenComparing(Found::subject, Comparator.reverseOrder())
                    .thenComparing(Found::kind, Comparator.reverseOrder())).orElseThrow();
            Set<String> notOk = new HashSet<>();
            Set<String> judged = new HashSet<>();
            for (Found f : signals) {
                judged.add(f.subject());
                if (f.status() == SignalStatus.WARN || f.status() == SignalStatus.CRITICAL) {
                    notOk.add(f.subject());
                }
            }
            verdicts.put(holder, new Verdict(worst.status(), worst.subject(), worst.summary(), worst.link(),
                    notOk.size(), judged.size()));
        }
        return verdicts;
    }
}
