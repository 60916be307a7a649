package ${package};

import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import java.time.Duration;
import java.util.List;

/**
 * The ${pluginId} plugin while it runs. Every field is final and built here from the context, so routes, pages and
 * jobs only ever see whole objects. This class only wires; each feature is in its own file.
 */
final class Running${pluginName} implements RunningPlugin {

    /** The job's name, as the portal's scheduler and the tests know it. */
    static final String PUBLISH_COUNTS = "publish-greeting-counts";

    private final GreetingsApi api;
    private final GreetingsPage page;
    private final GreetingCountSignals counts;
    private final Duration publishEvery;

    Running${pluginName}(PluginContext context) {
        Greetings greetings = new Greetings(context.jdbi());
        String word = context.settings().get(${pluginName}Plugin.GREETING);
        this.api = new GreetingsApi(greetings, word, context.clock());
        this.page = new GreetingsPage(greetings, context.urls());
        this.counts = new GreetingCountSignals(greetings, context.signals(), context.urls());
        this.publishEvery = context.settings().get(${pluginName}Plugin.PUBLISH_EVERY);
    }

    @Override
    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.get("/greetings", api::list),
                ApiRoute.post("/greetings", api::add));
    }

    @Override
    public List<PageRoute> pages() {
        return List.of(PageRoute.of("/", page::render));
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("Greetings", "/"));
    }

    @Override
    public List<Job> jobs() {
        return List.of(new Job(PUBLISH_COUNTS, publishEvery, counts::publish));
    }
}
