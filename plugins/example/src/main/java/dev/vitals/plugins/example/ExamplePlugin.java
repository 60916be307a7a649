package dev.vitals.plugins.example;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.EntityRef;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.VitalsPlugin;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pf4j.Extension;

/**
 * Notes on services. Small on purpose: it uses every capability of the plugin API once, so a team can copy it and
 * delete what they don't need. See this module's README.
 */
@Extension
public final class ExamplePlugin implements VitalsPlugin {

    /**
     * Templates are precompiled into this plugin's package and loaded through this plugin's class loader, so they
     * never clash with the host's or another plugin's.
     */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            ExamplePlugin.class.getClassLoader(), "dev.vitals.plugins.example.jte");

    private PluginContext context;
    private NoteRepository notes;

    @Override
    public void start(PluginContext started) {
        this.context = started;
        this.notes = new NoteRepository(started.jdbi());
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.get("/notes", ctx -> ctx.json(Map.of("notes", notes.latest(limit(ctx))))),
                ApiRoute.post("/notes", this::addNote));
    }

    private void addNote(Context ctx) {
        NewNote input = ctx.bodyAsClass(NewNote.class);
        input.validate();
        String service = input.service().trim();
        // A note belongs to the service, so only its team's editors (and admins) write one. Check every write route
        // like this: the route's role says "an editor", not "an editor of this".
        RequestCaller.requireEditorOf(ctx, EntityRef.ofKey("component", service).toString());
        String author = RequestCaller.of(ctx).name();
        ctx.status(201).json(notes.add(service, author, input.body().trim(), context.clock().instant()));
    }

    private static int limit(Context ctx) {
        if (ctx.queryParam("limit") == null) {
            return 50;
        }
        return ctx.queryParamAsClass("limit", Integer.class).check(n -> n >= 1 && n <= 500, "must be 1 to 500").get();
    }

    @Override
    public List<PageRoute> pages() {
        return List.of(PageRoute.of("/", ctx -> new Page("Notes",
                render("notes.jte", Map.of("notes", notes.latest(limit(ctx)))))));
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("Notes", "/"));
    }

    @Override
    public List<ServiceTab> serviceTabs() {
        return List.of(new ServiceTab("notes", "Notes",
                (ctx, service) -> render("service-notes.jte", Map.of("service", service,
                        "notes", notes.forService(service)))));
    }

    /** Publishes how many notes each service has, as a signal other plugins and the home page can use. */
    @Override
    public List<Job> jobs() {
        return List.of(new Job("publish-note-counts", Duration.ofMinutes(5), this::publishNoteCounts));
    }

    void publishNoteCounts() {
        // Notes kept from before keys were checked may name no service; they have no subject to publish on.
        notes.countsByService().forEach((service, count) -> EntityRef.fromKey("component", service).ifPresent(
                ref -> context.signals().publish(ref.toString(), "notes", SignalStatus.OK,
                        count + (count == 1 ? " note" : " notes"), OptionalDouble.of(count), Optional.of("/p/example/"))));
    }

    @Override
    public void seedDemoData(PluginContext ctx) {
        notes.add("recorder-api", "demo", "Pager rotation is in the #recording channel.", ctx.clock().instant());
        notes.add("recorder-api", "demo", "Cache warm-up takes ~2 minutes after deploy.", ctx.clock().instant());
        notes.add("auth-service", "demo", "Migrating to independent deploys this quarter.", ctx.clock().instant());
        publishNoteCounts();
    }

    private static Content render(String template, Map<String, Object> params) {
        return output -> TEMPLATES.render(template, params, output);
    }
}
