package dev.vitals.core.catalog;

import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The hosts, set by an admin, that catalog sources may fetch from besides a registered URL's own host. A Location
 * in a catalog names URLs; without this list, anyone who can edit a catalog file could make the portal fetch any
 * address it can reach.
 */
public final class CatalogAllowedHosts {

    /** A DNS name or an IPv4 address, lower case, without scheme, port or path; or an IPv6 address in brackets. */
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*|\\[[0-9a-f:.]{2,45}]");
    private static final int MAX_HOSTS = 200;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public CatalogAllowedHosts(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** The allowed hosts, sorted. */
    public Set<String> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT host FROM core.catalog_allowed_hosts ORDER BY host")
                .mapTo(String.class).collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * Replaces the list, audited with the list before and after.
     *
     * @throws InvalidHosts naming each entry that is not a host name
     */
    public Set<String> replace(List<String> hosts, Actor actor) {
        Set<String> wanted = new TreeSet<>();
        List<String> invalid = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i) == null ? "" : hosts.get(i).trim().toLowerCase(Locale.ROOT);
            if (HOST.matcher(host).matches()) {
                wanted.add(host);
            } else {
                invalid.add("hosts[" + i + "]");
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidHosts(invalid);
        }
        if (wanted.size() > MAX_HOSTS) {
            throw new InvalidHosts(List.of("hosts"));
        }
        return jdbi.inTransaction(h -> {
            // Serialises concurrent replacements, so each audit entry's "before" is what the change replaced.
            h.execute("LOCK TABLE core.catalog_allowed_hosts IN SHARE ROW EXCLUSIVE MODE");
            Set<String> before = h.createQuery("SELECT host FROM core.catalog_allowed_hosts")
                    .mapTo(String.class).collect(Collectors.toCollection(TreeSet::new));
            if (before.equals(wanted)) {
                return before;
            }
            h.createUpdate("DELETE FROM core.catalog_allowed_hosts WHERE host <> ALL(:hosts)")
                    .bindArray("hosts", String.class, wanted.toArray(String[]::new)).execute();
            for (String host : wanted) {
                h.createUpdate("INSERT INTO core.catalog_allowed_hosts (host, added_at, added_by) "
                                + "VALUES (:host, :at, :by) ON CONFLICT (host) DO NOTHING")
                        .bind("host", host).bind("at", clock.instant()).bind("by", actor.name()).execute();
            }
            audit.record(h, actor, "catalog.allowed-hosts", "catalog:allowed-hosts", Map.of("hosts", before),
                    Map.of("hosts", wanted));
            return wanted;
        });
    }

    /** Some entries of a new list are not host names; nothing was changed. */
    public static final class InvalidHosts extends IllegalArgumentException {
        private final List<String> fields;

        InvalidHosts(List<String> fields) {
            super(fields.equals(List.of("hosts")) ? "at most " + MAX_HOSTS + " hosts"
                    : "not a host name: give names such as raw.githubusercontent.com, without scheme, port or path");
            this.fields = List.copyOf(fields);
        }

        /** The fields at fault, e.g. {@code hosts[2]}. */
        public List<String> fields() {
            return fields;
        }
    }
}
