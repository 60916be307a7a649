package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.catalog.CatalogEditor;
import dev.vitals.api.EntityRef;
import dev.vitals.core.testing.TestPlugins;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The home grid and the services list cache their filter option lists, totals and signal counts; what they show must
 * still follow every import, edit and signal at once.
 */
class HealthGridFreshnessTest {

    private static TestServer server;
    private static volatile PluginContext publisher;

    static final class Publisher implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            publisher = context;
            return new RunningPlugin() { };
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("watch", Publisher::new).source(), Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String team(String name) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: " + name
                + "\nspec:\n  type: team\n  children: []\n";
    }

    private static String service(String name, String owner) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
                + "\nspec:\n  type: service\n  lifecycle: production\n  owner: " + owner + "\n";
    }

    private static void importYaml(String source, String yaml) {
        assertEquals(200, server.asAdmin("POST", "/api/catalog/import?source=" + source, yaml).statusCode());
    }

    /**
     * A service of its own team, with a latency signal, and the grid filtered to that team as first shown.
     *
     * @return the grid's address filtered to the team
     */
    private static String teamPageShowing(String service, SignalStatus status, String summary) {
        importYaml("freshness-" + service, team("team-" + service) + "---\n" + service(service, "team-" + service));
        publisher.signals().publish(EntityRef.of("component", service), "latency", status, summary,
                OptionalDouble.empty(), Optional.empty());
        String page = "/?team=group:default/team-" + service;
        String first = server.getPage(page).body();
        assertTrue(first.contains(summary), first);
        return page;
    }

    @Test
    void filterListsAndTotalsShowWhatWasImportedAfterThePagesWereFirstShown() {
        importYaml("freshness-1", team("team-fresh-a") + "---\n" + service("fresh-one", "team-fresh-a"));
        String before = server.getPage("/").body();
        assertTrue(before.contains(">team-fresh-a</option>"), before);
        assertFalse(before.contains("team-fresh-b"));
        assertFalse(server.getPage("/services").body().contains("team-fresh-b"));
        long servicesBefore = server.vitals().catalog().countsByKind().get("Component");

        importYaml("freshness-2", team("team-fresh-b") + "---\n" + service("fresh-two", "team-fresh-b"));

        String after = server.getPage("/").body();
        assertTrue(after.contains(">team-fresh-b</option>"), after);
        assertTrue(after.contains("<strong>" + (servicesBefore + 1) + "</strong> <span>services</span>"), after);
        String services = server.getPage("/services").body();
        assertTrue(services.contains(">team-fresh-b</option>"), services);
        assertTrue(services.contains((servicesBefore + 1) + " services"), services);
    }

    @Test
    void anEditedTeamTitleShowsInTheFilterListsAtOnce() {
        importYaml("freshness-3", team("team-renamed") + "---\n" + service("renamed-one", "team-renamed"));
        assertTrue(server.getPage("/").body().contains(">team-renamed</option>"));

        server.vitals().catalogEditor().editMetadata(new EntityRef("group", "default", "team-renamed"),
                new CatalogEditor.MetadataEdit("The Renamed Team", null, List.of()), new Actor("ada", Optional.empty()));

        assertTrue(server.getPage("/").body().contains(">The Renamed Team</option>"));
        assertTrue(server.getPage("/services").body().contains(">The Renamed Team</option>"));
    }

    @Test
    void theGridTotalsFollowASignalFromCriticalToOk() {
        importYaml("freshness-4", team("team-signals") + "---\n" + service("signalled", "team-signals"));
        publisher.signals().publish(EntityRef.of("component", "signalled"), "error-budget", SignalStatus.CRITICAL,
                "budget spent", OptionalDouble.of(-0.2), Optional.empty());
        String critical = server.getPage("/").body();
        assertTrue(critical.contains("<strong>1</strong> <span>critical</span>"), critical);

        publisher.signals().publish(EntityRef.of("component", "signalled"), "error-budget", SignalStatus.OK,
                "budget left", OptionalDouble.of(0.8), Optional.empty());

        String ok = server.getPage("/").body();
        assertTrue(ok.contains("<strong>0</strong> <span>critical</span>"), ok);
        assertTrue(server.getPage("/?team=group:default/team-signals").body().contains("<strong>0</strong> <span>critical</span>"));
    }

    /**
     * The grid keeps the body it rendered for a page and reuses it while the page's rows come back equal: a new
     * summary under the same verdict changes no total and no order, only the row's cells, and must show at once.
     */
    @Test
    void aNewSummaryUnderTheSameVerdictShowsOnAPageShownBefore() {
        String page = teamPageShowing("summarised", SignalStatus.WARN, "p99 at 120% of its objective");

        publisher.signals().publish(EntityRef.of("component", "summarised"), "latency", SignalStatus.WARN,
                "p99 at 140% of its objective", OptionalDouble.of(1.4), Optional.empty());

        String second = server.getPage(page).body();
        assertTrue(second.contains("p99 at 140% of its objective"), second);
        assertFalse(second.contains("p99 at 120% of its objective"), second);
    }

    /**
     * The grid keeps a rendered page while the database's count of the grid's changes reads the same; a writer that is
     * not this portal (another instance, a process writing the table) changes it in the same transaction.
     */
    @Test
    void aSignalChangedByAnotherWriterShowsOnAPageShownBefore() {
        String page = teamPageShowing("elsewhere", SignalStatus.OK, "p99 within its objective");
        assertTrue(server.getPage(page).body().contains("p99 within its objective"), "shown again, unchanged");

        server.vitals().database().jdbi().useHandle(h -> h.execute("UPDATE core.signal_latest SET status = 'CRITICAL', "
                + "summary = 'p99 at 300% of its objective' WHERE subject = 'component:default/elsewhere'"));

        String second = server.getPage(page).body();
        assertTrue(second.contains("p99 at 300% of its objective"), second);
        assertTrue(second.contains("<strong>1</strong> <span>critical</span>"), second);
    }
}
