package dev.vitals.web.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.DemoProgress;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.core.identity.Scopes;
import dev.vitals.web.security.Caller;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * {@code /health/live} (the process answers), {@code /health/ready} (the database answers and is migrated) and
 * {@code /api/health} (the same, with every plugin's state and, with {@code --demo}, how far the demo data is). Ready
 * means serving: a portal whose demo data is still being seeded in the background is ready, as its pages answer.
 */
public final class HealthRoutes {

    private final Vitals vitals;

    public HealthRoutes(Vitals vitals) {
        this.vitals = vitals;
    }

    /**
     * A plugin as {@code /api/health} shows it. Anyone sees its id and state; only an admin sees the rest, since
     * failure reasons and errors can name hosts, files and people (who disabled it).
     *
     * @param id the plugin id
     * @param state {@code STARTED}, {@code DISABLED} or {@code FAILED}
     * @param version the plugin's version, for admins
     * @param reason why it is not started, for admins
     * @param lastError the last error its code threw while started, for admins
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PluginHealth(String id, String state, String version, String reason, String lastError) {
        static PluginHealth of(PluginStatus status, boolean detail) {
            if (!detail) {
                return new PluginHealth(status.id(), status.state().name(), null, null, null);
            }
            return new PluginHealth(status.id(), status.state().name(), status.version(), status.reason().orElse(null),
                    status.lastError().map(e -> e.at() + " " + e.during() + ": " + e.message()).orElse(null));
        }
    }

    /**
     * The body of {@code /api/health}.
     *
     * @param status {@code UP} when the database answers and is migrated, else {@code DOWN}
     * @param plugins every discovered plugin
     * @param demo with {@code --demo} only: {@code loading} while the demo data is seeded in the background, then
     *     {@code loaded}
     * @param demoPending with {@code --demo} only: what is still to be seeded, in order ({@code catalog}, then
     *     plugin ids)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, List<PluginHealth> plugins, String demo, List<String> demoPending) {
        static Health of(boolean ready, List<PluginHealth> plugins, Optional<DemoProgress> demo) {
            return new Health(ready ? "UP" : "DOWN", plugins,
                    demo.map(d -> d.loading() ? "loading" : "loaded").orElse(null),
                    demo.map(DemoProgress::pending).orElse(null));
        }
    }

    /**
     * Open to anonymous callers: load balancers and monitors probe them. They show states only; the reasons behind
     * them are for admins.
     */
    public void register(GuardedRoutes routes) {
        routes.open(HttpMethod.GET, "/health/live", ctx -> ctx.json(new Status("UP")));
        routes.open(HttpMethod.GET, "/health/ready", this::ready);
        routes.open(HttpMethod.GET, "/api/health", RouteDoc.of("Say whether the portal and each plugin run")
                .description("503 with status DOWN while the database does not answer or is not migrated. Versions, "
                        + "reasons and last errors are shown to admins only. With --demo, demo says whether the demo "
                        + "data is still being seeded (loading, with what is still to come in demoPending) or loaded: "
                        + "the portal answers first and seeds it in the background.")
                .returns(200, RouteDoc.Body.json(Health.class, """
                        {"status": "UP", "plugins": [{"id": "slo", "state": "STARTED"},
                          {"id": "deploys", "state": "FAILED", "version": "1.4.0",
                           "reason": "setting VITALS_DEPLOYS_GITHUB_SECRET is required"}],
                         "demo": "loading", "demoPending": ["slo"]}""")), this::health);
    }

    /**
     * The body of {@code /health/live} and {@code /health/ready}.
     *
     * @param status {@code UP} or {@code DOWN}
     */
    public record Status(String status) {
    }

    private void ready(Context ctx) {
        boolean ready = vitals.isReady();
        ctx.status(ready ? 200 : 503).json(new Status(ready ? "UP" : "DOWN"));
    }

    private void health(Context ctx) {
        boolean ready = vitals.isReady();
        boolean detail = isAdmin(Caller.of(ctx));
        ctx.status(ready ? 200 : 503).json(Health.of(ready,
                vitals.plugins().statuses().stream().map(status -> PluginHealth.of(status, detail)).toList(),
                vitals.plugins().demoProgress()));
    }

    /** An admin by session, proxy or token; a token only with the admin scope, as admin routes require. */
    private static boolean isAdmin(Caller caller) {
        return caller.has(Role.ADMIN) && caller.access().allowsScope(Scopes.ADMIN);
    }
}
