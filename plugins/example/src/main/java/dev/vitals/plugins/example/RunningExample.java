package dev.vitals.plugins.example;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.ServiceTab;
import java.time.Duration;
import java.util.List;

/**
 * The example plugin while it runs. Every field is final and built in the constructor, from the context the host
 * passed to {@link ExamplePlugin#create}: a route can never meet a half-built object, so method references are safe.
 * This class only wires; each feature is in its own file.
 */
final class RunningExample implements RunningPlugin {

    private final NoteRepository notes;
    private final NotesApi api;
    private final NotesPages pages;
    private final NoteCountSignals countSignals;
    private final NoteCountMeasures countMeasures;
    private final DemoNotes demo;
    private final Duration publishEvery;

    RunningExample(PluginContext context) {
        this.notes = new NoteRepository(context.jdbi());
        this.api = new NotesApi(notes, context.clock());
        this.pages = new NotesPages(notes, new SloVerdicts(context), context.urls(), context.orgTimeZone());
        this.countSignals = new NoteCountSignals(context.signals(), context.urls());
        this.countMeasures = new NoteCountMeasures(context.measures(), context.clock(), context.orgTimeZone());
        this.demo = new DemoNotes(notes, context.clock());
        this.publishEvery = context.settings().get(ExampleSettings.PUBLISH_EVERY);
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.get("/notes", api::list).doc(NotesApi.LIST),
                ApiRoute.post("/notes", api::add).doc(NotesApi.ADD));
    }

    @Override
    public List<PageRoute> pages() {
        return List.of(PageRoute.of("/", pages::notes));
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("Notes", "/"));
    }

    @Override
    public List<ServiceTab> serviceTabs() {
        return List.of(new ServiceTab("notes", "Notes", pages::serviceTab));
    }

    @Override
    public List<Job> jobs() {
        return List.of(new Job("publish-note-counts", publishEvery, this::publishCounts));
    }

    /**
     * Counts once and publishes the same counts twice, the measure first: whoever sees the signal of a run can read
     * that run's measure.
     */
    private void publishCounts() {
        List<NoteCount> counts = notes.countsByService();
        countMeasures.publish(counts);
        countSignals.publish(counts);
    }

    @Override
    public void seedDemoData() {
        demo.seed();
        publishCounts();
    }
}
