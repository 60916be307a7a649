package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.TestPlugins;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The home grid's cells come from the worst signal kept per service and plugin; the grid still pages and groups its
 * services, and shows only started plugins' cells, current again when a plugin is enabled again.
 */
class HealthGridCellsTest {

    private static final Actor ADA = new Actor("ada", Optional.empty());
    private static TestServer server;
    private static volatile PluginContext alpha;

    static final class Beta implements VitalsPlugin {
        @Override
        public RunningPlugin create(PluginContext context) {
            context.signals().publish(EntityRef.of("component", "grid-00"), "freshness", SignalStatus.OK,
                    "beta looked today", OptionalDouble.empty(), Optional.empty());
            return new RunningPlugin() { };
        }
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(TestPlugins.of().with("alpha", () -> context -> {
            alpha = context; // the test publishes as this plugin
            return new RunningPlugin() { };
        }).with("beta", Beta::new).source(), Map.of());
        // 55 services: team-y owns the even ones, team-x the odd ones.
        String yaml = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-x\nspec:\n  type: team\n"
                + "  children: []\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-y\n"
                + "spec:\n  type: team\n  children: []\n---\n" + IntStream.range(0, 55).mapToObj(i -> String.format(
                        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: grid-%02d\nspec:\n"
                                + "  type: service\n  lifecycle: production\n  owner: team-%s\n", i, i % 2 == 0 ? "y" : "x"))
                        .collect(Collectors.joining("---\n"));
        assertEquals(200, server.asAdmin("POST", "/api/catalog/import?source=grid", yaml).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The services of a grid page, in the order shown. */
    private static String servicesShown(String page) {
        Matcher m = Pattern.compile("scope=\"row\"[^>]*>\\s*<a href=\"/services/(grid-\\d\\d)\"").matcher(page);
        StringBuilder shown = new StringBuilder();
        while (m.find()) {
            shown.append(shown.isEmpty() ? "" : " ").append(m.group(1));
        }
        return shown.toString();
    }

    /** A total above the grid as it reads, such as {@code 1 critical}, or empty when the page has none. */
    private static String total(String page, String label) {
        Matcher m = Pattern.compile("<strong>(\\d+)</strong> <span>" + label + "</span>").matcher(page);
        return m.find() ? m.group(1) + " " + label : "";
    }

    @Test
    void theGridPagesAndGroupsItsServices() {
        assertEquals(IntStream.range(0, 50).mapToObj(i -> String.format("grid-%02d", i)).collect(Collectors.joining(" ")),
                servicesShown(server.getPage("/").body()));
        assertEquals("grid-50 grid-51 grid-52 grid-53 grid-54", servicesShown(server.getPage("/?page=2").body()));
        String grouped = servicesShown(server.getPage("/?group=team").body());
        assertEquals(IntStream.concat(IntStream.range(0, 55).filter(i -> i % 2 == 1), IntStream.range(0, 23).map(i -> 2 * i))
                .mapToObj(i -> String.format("grid-%02d", i)).collect(Collectors.joining(" ")), grouped,
                "team-x's 27 services, then the first 23 of team-y's");
    }

    @Test
    void aCellShowsThePluginsWorstSignalAndOnlyWhileThePluginIsStarted() {
        EntityRef service = EntityRef.of("component", "grid-00");
        alpha.signals().publish(service, "error-budget", SignalStatus.CRITICAL, "budget spent", OptionalDouble.of(-0.1),
                Optional.of("/p/alpha/budgets/grid-00"));
        alpha.signals().publish(service, "latency", SignalStatus.WARN, "p99 900 ms", OptionalDouble.of(900),
                Optional.of("/p/alpha/latency/grid-00"));
        String shown = server.getPage("/").body();
        assertTrue(shown.contains("href=\"/p/alpha/budgets/grid-00\""), "the worst signal's link: " + shown);
        assertTrue(shown.contains("error-budget: budget spent; latency: p99 900 ms"), shown);
        assertTrue(shown.contains("beta looked today"), shown);
        assertEquals("grid-00", servicesShown(server.getPage("/?status=critical").body()));
        assertEquals("1 critical", total(shown, "critical"));

        server.vitals().plugins().setEnabled("alpha", false, ADA);
        String disabled = server.getPage("/").body();
        assertFalse(disabled.contains("/p/alpha/budgets/grid-00") || disabled.contains("budget spent"),
                "a disabled plugin's cells leave the grid with its column: " + disabled);
        assertTrue(disabled.contains("beta looked today"), disabled);
        assertEquals("0 critical", total(disabled, "critical"), "nor do its signals count in the totals");
        assertEquals("1 OK", total(disabled, "OK"), "grid-00 counts under beta's verdict");
        assertEquals("", servicesShown(server.getPage("/?status=critical").body()));

        server.vitals().plugins().setEnabled("alpha", true, ADA);
        alpha.signals().publish(service, "error-budget", SignalStatus.OK, "budget left", OptionalDouble.of(0.4),
                Optional.of("/p/alpha/budgets/grid-00"));
        String enabled = server.getPage("/").body();
        assertTrue(enabled.contains("href=\"/p/alpha/latency/grid-00\"")
                && enabled.contains("latency: p99 900 ms; error-budget: budget left"),
                "enabled again, the cell shows the latest signals, the latency warning now the worst: " + enabled);
    }
}
