package dev.vitals.web.admin;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.audit.AuditLog.AuditEntry;
import dev.vitals.core.audit.AuditQuery;
import dev.vitals.core.identity.Scopes;
import dev.vitals.web.pages.Layout;
import dev.vitals.web.pages.Templates;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log for admins: {@code GET /api/admin/audit} (JSON, or CSV with {@code format=csv}) and the page
 * {@code /admin/audit}, both filtered by {@code actor}, {@code action} (prefix), {@code subject} (part), {@code from},
 * {@code to} and {@code limit}.
 */
public final class AuditAdminApi {

    private final AuditLog audit;
    private final Layout layout;

    public AuditAdminApi(AuditLog audit, Layout layout) {
        this.audit = audit;
        this.layout = layout;
    }

    /**
     * The JSON answer of {@code GET /api/admin/audit}.
     *
     * @param entries the entries found, newest first
     */
    public record AuditEntries(List<AuditEntry> entries) {
    }

    public void register(GuardedRoutes routes) {
        routes.get("/api/admin/audit", Role.ADMIN, Scopes.ADMIN, RouteDoc.of("Search the audit log")
                .description("JSON, or RFC 4180 CSV with format=csv.")
                .query(RouteParam.optional("actor", "who acted, e.g. ada"),
                        RouteParam.optional("action", "the start of the action, e.g. token. or plugin.enable"),
                        RouteParam.optional("subject", "a part of what was acted on, e.g. artist-lookup"),
                        RouteParam.optional("from", "from this instant on").ofType(Instant.class),
                        RouteParam.optional("to", "before this instant").ofType(Instant.class),
                        RouteParam.optional("limit", "at most this many entries, 1 to 10000; default 200")
                                .ofType(Integer.class),
                        RouteParam.optional("format", "csv for a CSV file"))
                .returns(200, RouteDoc.Body.json(AuditEntries.class, """
                        {"entries": [{"id": 1, "at": "2030-01-02T03:04:05Z", "actor": "ada", "action": "token.create",
                          "subject": "token:12", "before": null, "after": "{\\"name\\": \\"ci-deploys\\"}",
                          "sourceAddress": "203.0.113.7"}]}""")), this::api);
        routes.get("/admin/audit", Role.ADMIN, Scopes.ADMIN, this::page);
    }

    private void api(Context ctx) {
        List<AuditEntry> entries = audit.search(query(ctx));
        if ("csv".equals(ctx.queryParam("format"))) {
            ctx.header("Content-Disposition", "attachment; filename=\"vitals-audit.csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(csv(entries));
            return;
        }
        ctx.json(new AuditEntries(entries));
    }

    private void page(Context ctx) {
        AuditQuery query = query(ctx);
        String csvLink = "/api/admin/audit?format=csv" + (ctx.queryString() == null ? "" : "&" + ctx.queryString()
                .replaceAll("(^|&)format=[^&]*", ""));
        layout.render(ctx, "Audit log", Templates.content("audit.jte", Map.of(
                "entries", audit.search(query),
                "actor", query.actor().orElse(""),
                "action", query.action().orElse(""),
                "subject", query.subject().orElse(""),
                "from", query.from().map(Instant::toString).orElse(""),
                "to", query.to().map(Instant::toString).orElse(""),
                "csv", csvLink)));
    }

    private static AuditQuery query(Context ctx) {
        int limit = ctx.queryParam("limit") == null ? 200
                : ctx.queryParamAsClass("limit", Integer.class).check(n -> n >= 1 && n <= 10_000, "must be 1 to 10000").get();
        return new AuditQuery(text(ctx, "actor"), text(ctx, "action"), text(ctx, "subject"), instant(ctx, "from"),
                instant(ctx, "to"), limit);
    }

    private static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Optional<Instant> instant(Context ctx, String name) {
        return text(ctx, name).map(raw -> {
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException e) {
                throw new ProblemException(400, "invalid parameter " + name, List.of(new FieldError(name,
                        "expected an ISO-8601 instant such as 2030-01-01T00:00:00Z, got " + raw)));
            }
        });
    }

    /** RFC 4180, with cells that a spreadsheet would run as a formula defused by a leading quote. */
    static String csv(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder("id,at,actor,action,subject,before,after,source_address\r\n");
        for (AuditEntry e : entries) {
            out.append(e.id()).append(',').append(cell(e.at().toString())).append(',').append(cell(e.actor()))
                    .append(',').append(cell(e.action())).append(',').append(cell(e.subject())).append(',')
                    .append(cell(e.before().orElse(""))).append(',').append(cell(e.after().orElse(""))).append(',')
                    .append(cell(e.sourceAddress().orElse(""))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
