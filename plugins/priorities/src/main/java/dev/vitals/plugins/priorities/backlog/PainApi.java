package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Pain reports: several people's pain bucketed onto one item. */
public final class PainApi {

    public static final RouteDoc REPORT = RouteDoc.of("Report pain on an item")
            .description("Who (the caller), their team (the caller must be its editor), what hurts, how often "
                    + "(daily, weekly, monthly or rarely) and a link. The item then shows the count and the teams.")
            .accepts(NewPain.class, """
                    {"team": "search", "what": "Checkout times out when the card issuer is slow",
                     "howOften": "weekly", "link": "https://tickets.example.com/SUP-881"}""")
            .returns(201, RouteDoc.Body.json(PainReport.class));

    public static final RouteDoc LIST = RouteDoc.of("Read the pain reports of an item")
            .returns(PainReport.Reports.class);

    static final List<String> HOW_OFTEN = List.of("daily", "weekly", "monthly", "rarely");

    private final ItemsApi items;
    private final Owners owners;
    private final Jdbi jdbi;
    private final Clock clock;

    public PainApi(ItemsApi items, Owners owners, Jdbi jdbi, Clock clock) {
        this.items = items;
        this.owners = owners;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** {@code POST /items/{id}/pain}. */
    public void report(Context ctx) {
        Item item = items.found(ctx);
        NewPain pain = ctx.bodyAsClass(NewPain.class);
        ctx.status(201).json(report(ctx, item, pain));
    }

    public PainReport report(Context ctx, Item item, NewPain pain) {
        Optional<EntityRef> team = Optional.ofNullable(pain.team()).flatMap(Owners::parse)
                .filter(t -> t.kind().equals(Owners.TEAM));
        List<FieldError> errors = new ArrayList<>();
        if (team.isEmpty()) {
            errors.add(new FieldError("team", "is required: the reporter's team, e.g. search"));
        } else if (!owners.exists(team.get())) {
            errors.add(new FieldError("team", "the catalog has no team " + team.get()));
        }
        if (pain.what() == null || pain.what().isBlank() || pain.what().length() > 2000) {
            errors.add(new FieldError("what", "is required: what hurts, 1 to 2000 characters"));
        }
        NewItem.oneOf("howOften", pain.howOften(), HOW_OFTEN, true, errors);
        if (pain.link() != null && !pain.link().isBlank() && (pain.link().length() > 2000
                || !isWebLink(pain.link()))) {
            errors.add(new FieldError("link", "must be an http or https address, got '" + pain.link() + "'"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the pain report was not stored", errors);
        }
        RequestCaller.requireEditorOfTeam(ctx, team.get());
        String link = pain.link() == null || pain.link().isBlank() ? null : pain.link().trim();
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO pain_reports (item_id, reporter, team, what, how_often, link, reported_at)
                        VALUES (:item, :reporter, :team, :what, :howOften, :link, :at) RETURNING *""")
                .bind("item", item.id()).bind("reporter", RequestCaller.of(ctx).name())
                .bind("team", team.get().toString()).bind("what", pain.what().trim())
                .bind("howOften", pain.howOften()).bind("link", link).bind("at", clock.instant())
                .map((rs, c) -> row(rs)).one());
    }

    static boolean isWebLink(String text) {
        try {
            URI uri = URI.create(text.trim());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code GET /items/{id}/pain}. */
    public void list(Context ctx) {
        ctx.json(reports(items.found(ctx).id()));
    }

    public PainReport.Reports reports(long item) {
        List<PainReport> reports = jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM pain_reports WHERE item_id = :item ORDER BY reported_at DESC, id DESC""")
                .bind("item", item).map((rs, c) -> row(rs)).list());
        return new PainReport.Reports(item, reports.size(),
                reports.stream().map(PainReport::team).distinct().sorted().toList(), reports);
    }

    private static PainReport row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PainReport(rs.getLong("id"), rs.getLong("item_id"), rs.getString("reporter"),
                rs.getString("team"), rs.getString("what"), rs.getString("how_often"), rs.getString("link"),
                rs.getObject("reported_at", OffsetDateTime.class).toInstant());
    }
}
