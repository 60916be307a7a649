package ${package};

import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import io.javalin.http.Context;
import java.util.Map;

/** {@code GET /p/${pluginId}/}: the latest greetings, in the portal's layout. */
final class GreetingsPage {

    private final Greetings greetings;
    private final PluginUrls urls;

    GreetingsPage(Greetings greetings, PluginUrls urls) {
        this.greetings = greetings;
        this.urls = urls;
    }

    Page render(Context ctx) {
        return new Page("Greetings", Templates.render("greetings.jte",
                Map.of("greetings", greetings.latest(50), "apiUrl", urls.api("/greetings"))));
    }
}
