package dev.vitals.plugins.deploys.gate;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The gate's own record of who changed it: append only, read on the break-glass page. */
public final class GateLog {

    /**
     * One entry.
     *
     * @param at when
     * @param actor who
     * @param action e.g. {@code break-glass.approved}
     * @param subject e.g. {@code break-glass/4} or {@code freeze/2}
     * @param detail in words
     */
    public record Entry(Instant at, String actor, String action, String subject, String detail) {
    }

    private final Jdbi jdbi;

    public GateLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static void write(Handle h, Instant at, String actor, String action, String subject, String detail) {
        h.createUpdate("INSERT INTO gate_log (at, actor, action, subject, detail) VALUES (:at, :actor, :action,"
                        + " :subject, :detail)")
                .bind("at", at).bind("actor", actor).bind("action", action).bind("subject", subject)
                .bind("detail", detail).execute();
    }

    /** @param limit how many @return the latest entries, newest first */
    public List<Entry> latest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at, actor, action, subject, detail FROM gate_log"
                        + " ORDER BY at DESC, id DESC LIMIT :limit").bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("detail"))).list());
    }
}
