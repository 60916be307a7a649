package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.CatalogView;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Setting;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.ingest.InputRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Break-glass: one person asks with a reason, a different person approves, and the gate opens for that service for
 * a limited time. Requests not approved in time expire. Every step, refusals included, goes into the gate log.
 *
 * <p>Both people must edit for the team that owns the service (or be admins). "Different" means different people,
 * not different credentials: an API token is its maker ({@link RequestCaller#person()}), so asking in the browser
 * and approving with one's own token is refused.
 */
public final class BreakGlass {

    /** {@code VITALS_DEPLOYS_BREAK_GLASS_REQUEST_HOURS}. */
    public static final Setting<Long> REQUEST_HOURS = Setting.integer("break_glass_request_hours",
            "How many hours a break-glass request waits for approval").withDefault(4L);
    /** {@code VITALS_DEPLOYS_BREAK_GLASS_OPEN_MINUTES}. */
    public static final Setting<Long> OPEN_MINUTES = Setting.integer("break_glass_open_minutes",
            "How many minutes an approval opens the gate").withDefault(60L);

    private final Jdbi jdbi;
    private final CatalogView catalog;
    private final Duration requestLifetime;
    private final Duration openFor;

    /**
     * @param requestLifetime how long a request waits for approval ({@link #REQUEST_HOURS})
     * @param openFor how long an approval opens the gate ({@link #OPEN_MINUTES})
     */
    public BreakGlass(Jdbi jdbi, CatalogView catalog, Duration requestLifetime, Duration openFor) {
        if (requestLifetime.isNegative() || requestLifetime.isZero()) {
            throw new IllegalArgumentException(REQUEST_HOURS.environmentVariable("deploys")
                    + " must be a whole number above 0, got " + requestLifetime.toHours());
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException(OPEN_MINUTES.environmentVariable("deploys")
                    + " must be a whole number above 0, got " + openFor.toMinutes());
        }
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.requestLifetime = requestLifetime;
        this.openFor = openFor;
    }

    /**
     * @param body the request as sent
     * @param caller who asks: an editor of the service's team
     * @param now the time
     * @return the request
     */
    public BreakGlassRequest request(SentBreakGlassRequest body, RequestCaller caller, Instant now) {
        String actor = caller.name();
        List<FieldError> errors = new ArrayList<>();
        InputRow row = new InputRow("", errors);
        String sent = row.requiredText("service", body.service(), "\"recorder-api\"");
        String reason = row.requiredText("reason", body.reason(), "\"hotfix for the checkout outage, INC-1234\"");
        String service = sent == null ? null : ServiceRefs.service(catalog, sent).map(e -> e.ref().key()).orElse(null);
        if (sent != null && service == null) {
            row.error("service", "is not a service in the catalog: " + sent);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the break-glass request cannot be made", errors);
        }
        requireEditorOf(caller, service, "ask to open the gate of");
        long id = jdbi.inTransaction(h -> {
            long made = h.createQuery("""
                    INSERT INTO break_glass_requests (service, reason, requested_by, requested_by_person,
                        requested_at, request_expires_at)
                    VALUES (:service, :reason, :by, :person, :at, :expires) RETURNING id""")
                    .bind("service", service).bind("reason", reason).bind("by", actor)
                    .bind("person", caller.person()).bind("at", now)
                    .bind("expires", now.plus(requestLifetime)).mapTo(Long.class).one();
            GateLog.write(h, now, actor, "break-glass.requested", "break-glass/" + made, service + ": " + reason);
            return made;
        });
        return find(id).orElseThrow();
    }

    /**
     * @param id the request
     * @param caller who approves: an editor of the service's team, and a person other than the requester
     * @param now the time
     * @return the approved request, open for the configured time
     */
    public BreakGlassRequest approve(long id, RequestCaller caller, Instant now) {
        String actor = caller.name();
        BreakGlassRequest request = find(id).orElseThrow(() -> ProblemException.notFound("no break-glass request "
                + id));
        requireEditorOf(caller, request.service(), "approve opening the gate of");
        String refusal = null;
        int status = 409;
        if (request.approvedBy().isPresent()) {
            refusal = "it was already approved by " + request.approvedBy().get();
        } else if (request.requestedBy().equals(actor) || request.requestedByPerson().equals(caller.person())) {
            refusal = actor.equals(caller.person())
                    ? "the requester cannot approve their own request; a second person must"
                    : actor + " is a token made by " + caller.person() + ", who asked for this; a second person"
                            + " must approve";
            status = 403;
        } else if (!now.isBefore(request.requestExpiresAt())) {
            refusal = "it expired at " + request.requestExpiresAt() + " without approval; ask again";
        }
        if (refusal != null) {
            String why = refusal;
            jdbi.useHandle(h -> GateLog.write(h, now, actor, "break-glass.approval-refused", "break-glass/" + id,
                    why));
            throw new ProblemException(status, "break-glass request " + id + " cannot be approved: " + why, List.of());
        }
        Instant until = now.plus(openFor);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                    UPDATE break_glass_requests SET approved_by = :by, approved_by_person = :person,
                        approved_at = :at, open_until = :until
                    WHERE id = :id AND approved_by IS NULL""")
                    .bind("by", actor).bind("person", caller.person()).bind("at", now).bind("until", until).bind("id", id).execute();
            if (updated != 1) {
                throw ProblemException.conflict("break-glass request " + id + " was approved meanwhile");
            }
            GateLog.write(h, now, actor, "break-glass.approved", "break-glass/" + id,
                    request.service() + " open until " + until + " (asked by " + request.requestedBy() + ")");
        });
        return find(id).orElseThrow();
    }

    public Optional<BreakGlassRequest> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM break_glass_requests WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> request(rs)).findOne());
    }

    /** @param service a service @param now the time @return an approval holding the gate open, if any */
    public Optional<BreakGlassRequest> openFor(String service, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM break_glass_requests WHERE service = :service AND open_until > :now
                        ORDER BY open_until DESC LIMIT 1""")
                .bind("service", service).bind("now", now).map((rs, ctx) -> request(rs)).findOne());
    }

    /** @param service a service @param limit how many @return its requests, newest first */
    public List<BreakGlassRequest> ofService(String service, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM break_glass_requests WHERE service = :service
                        ORDER BY requested_at DESC, id DESC LIMIT :l""")
                .bind("service", service).bind("l", limit).map((rs, ctx) -> request(rs)).list());
    }

    /** @return how long a request waits for its second person */
    public Duration requestLifetime() {
        return requestLifetime;
    }

    /** @return how long an approval holds the gate open */
    public Duration openFor() {
        return openFor;
    }

    /** @param offset rows to skip @param limit how many @return requests, newest first */
    public List<BreakGlassRequest> latest(int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM break_glass_requests ORDER BY requested_at DESC, id DESC OFFSET :o LIMIT :l")
                .bind("o", offset).bind("l", limit).map((rs, ctx) -> request(rs)).list());
    }

    private static BreakGlassRequest request(ResultSet rs) throws SQLException {
        return new BreakGlassRequest(rs.getLong("id"), rs.getString("service"), rs.getString("reason"),
                rs.getString("requested_by"), instant(rs, "requested_at").orElseThrow(),
                instant(rs, "request_expires_at").orElseThrow(), Optional.ofNullable(rs.getString("approved_by")),
                instant(rs, "approved_at"), instant(rs, "open_until"), rs.getString("requested_by_person"));
    }

    /**
     * Opening a service's gate changes what its team owns. Refused before anything is written, the gate log too: a
     * stranger to the team cannot fill it.
     */
    private void requireEditorOf(RequestCaller caller, String service, String what) {
        // The service was checked against the catalog when the request was made, so its key is a reference.
        if (!caller.mayEdit(ServiceRefs.ref(service))) {
            throw new ProblemException(403, caller.name() + " may not " + what + " " + service
                    + ": only an editor of the team that owns it may", List.of());
        }
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
