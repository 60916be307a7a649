package dev.vitals.plugins.priorities.initiative;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Initiatives' checklists in the database: the services with their state, every change as an event (the burn-up is
 * replayed from them), and the tick rules. Each write changes the state and logs its event in one transaction.
 */
public final class Checklist {

    private final Jdbi jdbi;

    public Checklist(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return the item's checklist with its rule */
    public Initiative of(long item) {
        return jdbi.withHandle(h -> {
            List<ChecklistEntry> entries = h.createQuery("""
                            SELECT service, done, changed_by, changed_at FROM initiative_services
                            WHERE item_id = :item ORDER BY done, service""")
                    .bind("item", item)
                    .map((rs, c) -> new ChecklistEntry(rs.getString("service"), rs.getBoolean("done"),
                            rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                    .list();
            int done = (int) entries.stream().filter(ChecklistEntry::done).count();
            return new Initiative(item, entries.size(), done, entries, rule(h, item).orElse(null));
        });
    }

    /** Adds services not yet on the checklist, undone. @return the services added */
    public List<String> add(long item, Collection<String> services, String by, Instant at) {
        return jdbi.inTransaction(h -> add(h, item, services, by, at));
    }

    private static List<String> add(Handle h, long item, Collection<String> services, String by, Instant at) {
        List<String> added = new ArrayList<>();
        for (String service : services) {
            int rows = h.createUpdate("""
                            INSERT INTO initiative_services (item_id, service, done, changed_by, changed_at)
                            VALUES (:item, :service, false, :by, :at) ON CONFLICT DO NOTHING""")
                    .bind("item", item).bind("service", service).bind("by", by).bind("at", at).execute();
            if (rows == 1) {
                event(h, item, service, "added", by, at);
                added.add(service);
            }
        }
        return added;
    }

    /** Makes the checklist exactly these services, keeping the state of those that stay. */
    public void set(long item, Collection<String> services, String by, Instant at) {
        jdbi.useTransaction(h -> {
            Set<String> wanted = new LinkedHashSet<>(services);
            for (String present : h.createQuery("SELECT service FROM initiative_services WHERE item_id = :item")
                    .bind("item", item).mapTo(String.class).list()) {
                if (!wanted.contains(present)) {
                    remove(h, item, present, by, at);
                }
            }
            add(h, item, wanted, by, at);
        });
    }

    /** @return whether the service was on the checklist */
    public boolean remove(long item, String service, String by, Instant at) {
        return jdbi.inTransaction(h -> remove(h, item, service, by, at));
    }

    private static boolean remove(Handle h, long item, String service, String by, Instant at) {
        int rows = h.createUpdate("DELETE FROM initiative_services WHERE item_id = :item AND service = :service")
                .bind("item", item).bind("service", service).execute();
        if (rows == 1) {
            event(h, item, service, "removed", by, at);
        }
        return rows == 1;
    }

    /**
     * Ticks or unticks one service; ticking it again as it is changes and logs nothing.
     *
     * @return whether the service is on the checklist
     */
    public boolean tick(long item, String service, boolean done, String by, Instant at) {
        return jdbi.inTransaction(h -> {
            Optional<Boolean> now = h.createQuery("""
                            SELECT done FROM initiative_services WHERE item_id = :item AND service = :service
                            FOR UPDATE""")
                    .bind("item", item).bind("service", service).mapTo(Boolean.class).findOne();
            if (now.isEmpty()) {
                return false;
            }
            if (now.get() != done) {
                h.createUpdate("""
                                UPDATE initiative_services SET done = :done, changed_by = :by, changed_at = :at
                                WHERE item_id = :item AND service = :service""")
                        .bind("item", item).bind("service", service).bind("done", done).bind("by", by)
                        .bind("at", at).execute();
                event(h, item, service, done ? "done" : "undone", by, at);
            }
            return true;
        });
    }

    private static void event(Handle h, long item, String service, String event, String by, Instant at) {
        h.createUpdate("""
                        INSERT INTO initiative_events (item_id, service, event, by_whom, at)
                        VALUES (:item, :service, :event, :by, :at)""")
                .bind("item", item).bind("service", service).bind("event", event).bind("by", by).bind("at", at)
                .execute();
    }

    /** @return the day of the checklist's first change, in the zone; empty when it never had a service */
    public Optional<LocalDate> firstDay(long item, ZoneId zone) {
        return jdbi.withHandle(h -> h.createQuery("SELECT min(at) FROM initiative_events WHERE item_id = :item")
                .bind("item", item).mapTo(OffsetDateTime.class).findOne())
                .map(at -> LocalDate.ofInstant(at.toInstant(), zone));
    }

    /**
     * Replays the checklist's events up to the end of each day.
     *
     * @param from the first day
     * @param to the last day, inclusive
     * @return per day, the services done and on the checklist at its end
     */
    public BurnUp burnUp(long item, LocalDate from, LocalDate to, ZoneId zone) {
        record Event(String service, String event, Instant at) {
        }
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Event> events = jdbi.withHandle(h -> h.createQuery("""
                        SELECT service, event, at FROM initiative_events WHERE item_id = :item AND at < :end
                        ORDER BY at, id""")
                .bind("item", item).bind("end", end)
                .map((rs, c) -> new Event(rs.getString("service"), rs.getString("event"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list());
        Map<String, Boolean> state = new HashMap<>();
        List<BurnUp.Day> days = new ArrayList<>();
        int next = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            while (next < events.size() && events.get(next).at().isBefore(dayEnd)) {
                Event e = events.get(next++);
                switch (e.event()) {
                    case "added", "undone" -> state.put(e.service(), false);
                    case "done" -> state.put(e.service(), true);
                    default -> state.remove(e.service());
                }
            }
            int done = (int) state.values().stream().filter(Boolean::booleanValue).count();
            days.add(new BurnUp.Day(day, done, state.size()));
        }
        return new BurnUp(item, days);
    }

    /** @return the initiatives whose checklist holds the service, with whether it is done there */
    public List<ServiceInitiative> ofService(String service) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT i.id, i.title, i.owner, mine.done,
                               (SELECT count(*) FILTER (WHERE s.done) FROM initiative_services s
                                WHERE s.item_id = i.id) AS done_count,
                               (SELECT count(*) FROM initiative_services s WHERE s.item_id = i.id) AS total
                        FROM initiative_services mine JOIN items i ON i.id = mine.item_id
                        WHERE mine.service = :service ORDER BY mine.done, i.title, i.id LIMIT 100""")
                .bind("service", service)
                .map((rs, c) -> new ServiceInitiative(rs.getLong("id"), rs.getString("title"), rs.getString("owner"),
                        rs.getBoolean("done"), rs.getInt("done_count"), rs.getInt("total")))
                .list());
    }

    /** Sets the item's tick rule, replacing any. */
    public void setRule(long item, TickRule rule, String by, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO initiative_rules (item_id, source, measure, at_least, signal_plugin, signal_kind,
                            signal_status, set_by, set_at)
                        VALUES (:item, :source, :measure, :atLeast, :plugin, :kind, :status, :by, :at)
                        ON CONFLICT (item_id) DO UPDATE SET source = excluded.source, measure = excluded.measure,
                            at_least = excluded.at_least, signal_plugin = excluded.signal_plugin,
                            signal_kind = excluded.signal_kind, signal_status = excluded.signal_status,
                            set_by = excluded.set_by, set_at = excluded.set_at""")
                .bind("item", item).bind("source", rule.measure() != null ? "measure" : "signal")
                .bind("measure", rule.measure() == null ? null : rule.measure().name())
                .bind("atLeast", rule.measure() == null ? null : rule.measure().atLeast())
                .bind("plugin", rule.signal() == null ? null : rule.signal().plugin())
                .bind("kind", rule.signal() == null ? null : rule.signal().kind())
                .bind("status", rule.signal() == null ? null : rule.signal().status())
                .bind("by", by).bind("at", at).execute());
    }

    /** @return whether the item had a rule */
    public boolean removeRule(long item) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM initiative_rules WHERE item_id = :item")
                .bind("item", item).execute()) == 1;
    }

    /** @return every initiative's rule, by item */
    public Map<Long, TickRule> rules() {
        Map<Long, TickRule> rules = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM initiative_rules ORDER BY item_id")
                .map((rs, c) -> rules.put(rs.getLong("item_id"), rule(rs))).list());
        return rules;
    }

    /** @return the services of the checklist, by key */
    public List<String> services(long item) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT service FROM initiative_services WHERE item_id = :item ORDER BY service""")
                .bind("item", item).mapTo(String.class).list());
    }

    private static Optional<TickRule> rule(Handle h, long item) {
        return h.createQuery("SELECT * FROM initiative_rules WHERE item_id = :item").bind("item", item)
                .map((rs, c) -> rule(rs)).findOne();
    }

    private static TickRule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
        if (rs.getString("source").equals("measure")) {
            BigDecimal atLeast = rs.getBigDecimal("at_least");
            return new TickRule(new TickRule.MeasureRule(rs.getString("measure"), atLeast), null);
        }
        return new TickRule(null, new TickRule.SignalRule(rs.getString("signal_plugin"), rs.getString("signal_kind"),
                rs.getString("signal_status")));
    }
}
