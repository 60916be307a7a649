package dev.vitals.plugins.example;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import gg.jte.Content;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Map;

/** The HTML the plugin shows: its own page and a tab on every service page. */
final class NotesPages {

    private final NoteRepository notes;
    private final SloVerdicts slo;
    private final PluginUrls urls;
    private final ZoneId zone;

    NotesPages(NoteRepository notes, SloVerdicts slo, PluginUrls urls, ZoneId zone) {
        this.notes = notes;
        this.slo = slo;
        this.urls = urls;
        this.zone = zone;
    }

    /** {@code GET /p/example/}. */
    Page notes(Context ctx) {
        return new Page("Notes", Templates.render("notes.jte", Map.of("notes", notes.latest(Limit.of(ctx)),
                "apiUrl", urls.api("/notes"), "zone", zone)));
    }

    /** The "Notes" tab of a service page. */
    Content serviceTab(Context ctx, EntityRef service) {
        return Templates.render("service-notes.jte", Map.of("service", service, "notes", notes.forService(service),
                "slo", slo.about(service), "zone", zone, "apiUrl", urls.api("/notes")));
    }
}
