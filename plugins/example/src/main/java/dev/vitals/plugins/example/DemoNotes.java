package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import java.time.Clock;

/** The notes a demo portal ({@code --demo}) shows. Seeding runs on every start, so it must be idempotent. */
final class DemoNotes {

    private final NoteRepository notes;
    private final Clock clock;

    DemoNotes(NoteRepository notes, Clock clock) {
        this.notes = notes;
        this.clock = clock;
    }

    void seed() {
        EntityRef recorder = EntityRef.of("component", "recorder-api");
        notes.add(recorder, "demo", "Pager rotation is in the #recording channel.", clock.instant());
        notes.add(recorder, "demo", "Cache warm-up takes ~2 minutes after deploy.", clock.instant());
        notes.add(EntityRef.of("component", "auth-service"), "demo", "Migrating to independent deploys this quarter.",
                clock.instant());
    }
}
