package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import dev.vitals.api.RequestCaller;
import io.javalin.http.Context;
import java.time.Clock;

/** The JSON routes under {@code /api/example}. */
final class NotesApi {

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
