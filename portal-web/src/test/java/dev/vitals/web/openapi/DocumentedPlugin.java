package dev.vitals.web.openapi;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PluginContext;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.api.WebhookRoute;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A plugin whose routes are described the way a real one describes them: bodies of every kind of field the portal's
 * mapper writes, query parameters, path parameters, a webhook, and one route left undescribed.
 */
public final class DocumentedPlugin implements VitalsPlugin {

    /**
     * A note as the plugin answers with it.
     *
     * @param id its number
     * @param service the service it is about
     * @param status a verdict, an enum written by name
     * @param written when, an instant
     * @param due a day, if any
     * @param cost an exact amount
     * @param score a number or null
     * @param tags labels and their values, a map
     * @param author who wrote it, if known
     */
    public record Note(long id, String service, SignalStatus status, Instant written, Optional<LocalDate> due,
            BigDecimal cost, OptionalDouble score, Map<String, String> tags, Optional<Author> author) {
    }

    /** @param login who @param name their name */
    public record Author(String login, String name) {
    }

    /** @param notes a page of notes @param total how many there are */
    public record NoteList(List<Note> notes, int total) {
    }

    /** @param service the service @param body the text @param due an optional day */
    public record NewNote(String service, String body, Optional<LocalDate> due) {
    }

    /** @param action what the sender reports */
    public record Delivery(String action) {
    }

    static final String NOTE = """
            {"id": 7, "service": "component:default/artist-lookup", "status": "WARN",
             "written": "2030-01-02T03:04:05Z", "due": "2030-02-01", "cost": 12.50, "score": null,
             "tags": {"area": "search"}, "author": {"login": "rita", "name": "Rita"}}""";

    @Override
    public Optional<String> displayName() {
        return Optional.of("Documented notes");
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        return new RunningPlugin() {
            @Override
            public List<ApiRoute> apiRoutes() {
                return List.of(
                        ApiRoute.get("/notes", ctx -> ctx.json(new NoteList(List.of(), 0)))
                                .doc(RouteDoc.of("List the notes of a service")
                                        .query(RouteParam.required("service", "a service, e.g. artist-lookup"),
                                                RouteParam.optional("status", "only notes of this verdict")
                                                        .ofType(SignalStatus.class),
                                                RouteParam.optional("since", "from this day on")
                                                        .ofType(LocalDate.class))
                                        .returns(200, RouteDoc.Body.json(NoteList.class,
                                                "{\"notes\": [" + NOTE + "], \"total\": 1}"))),
                        ApiRoute.post("/notes", ctx -> ctx.status(201))
                                .doc(RouteDoc.of("Write a note")
                                        .accepts(NewNote.class, """
                                                {"service": "artist-lookup", "body": "Pager rotation", "due": null}""")
                                        .returns(201, RouteDoc.Body.json(Note.class, NOTE))
                                        .alsoReturns(200, "the same note again: nothing new was written")),
                        ApiRoute.delete("/notes/{id}", ctx -> ctx.status(204))
                                .doc(RouteDoc.of("Remove a note").returnsNothing(204)),
                        ApiRoute.get("/export", ctx -> ctx.result("id\n7\n"))
                                .requiring(Role.ADMIN)
                                .doc(RouteDoc.of("Export the notes as CSV")
                                        .returns(200, RouteDoc.Body.text("text/csv", "id\n7\n"))),
                        ApiRoute.get("/plain", ctx -> ctx.result("undescribed")).scoped("documented:peek"));
            }

            @Override
            public List<WebhookRoute> webhooks() {
                return List.of(new WebhookRoute("/hook", ctx -> ctx.status(204))
                        .doc(RouteDoc.of("Receive a delivery").accepts(Delivery.class, "{\"action\": \"created\"}")
                                .returnsNothing(204)));
            }

            @Override
            public List<NavEntry> navigation() {
                return List.of(new NavEntry("Documented notes", "/"));
            }
        };
    }

    @Override
    public List<String> scopes() {
        return List.of("documented:peek");
    }
}
