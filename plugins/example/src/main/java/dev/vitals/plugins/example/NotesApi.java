package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * The JSON routes under {@code /api/example}, each described for the portal's API description ({@code /api/docs})
 * next to its handler.
 */
final class NotesApi {

    static final RouteDoc LIST = RouteDoc.of("List the latest notes, newest first")
            .query(RouteParam.optional("limit", "how many notes, 1 to 500; 50 when absent").ofType(Integer.class))
            .returns(NoteList.class);

    static final RouteDoc ADD = RouteDoc.of("Leave a note on a service")
            .description("Only editors of the team that owns the service may leave one (admins: any). The author "
                    + "is the caller; the text is trimmed and 1 to 2000 characters.")
            .accepts(NewNote.class, """
                    {"service": "recorder-api", "body": "Cache warm-up takes ~2 minutes after deploy."}""")
            .returns(201, RouteDoc.Body.json(Note.class));

    private final NoteRepository notes;
    private final Clock clock;

    NotesApi(NoteRepository notes, Clock clock) {
        this.notes = notes;
        this.clock = clock;
    }

    /** {@code GET /notes?limit=50}: any signed-in viewer. */
    void list(Context ctx) {
        ctx.json(new NoteList(notes.latest(Limit.of(ctx))));
    }

    /** {@code POST /notes}: the route's role says "an editor"; the check below says "of the service's team". */
    void add(Context ctx) {
        NewNote input = ctx.bodyAsClass(NewNote.class);
        EntityRef service = input.validate();
        // Every write route checks ownership before it writes anything: admins pass, other editors only for the
        // services their team owns.
        RequestCaller.requireEditorOf(ctx, service);
        String author = RequestCaller.of(ctx).name();
        ctx.status(201).json(notes.add(service, author, input.body().trim(), clock.instant()));
    }
}
