package dev.vitals.plugins.deploys;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.testkit.PluginModule;
import dev.vitals.testkit.VitalsPortal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pf4j.Extension;

/**
 * Stands in for the SLO plugin: under its id, {@code slo}, it publishes the verdicts a test sends it, so the deploy
 * gate hears of error budgets exactly as it does from the real one, through the portal's signals. It is compiled
 * into this module's test classes, with its {@code plugin.properties} from the test resources, and loaded by PF4J
 * beside the plugin under test with {@code alsoLoad(SloStandIn.module())}.
 */
@Extension
public final class SloStandIn implements VitalsPlugin {

    /** A verdict as a test sends it. */
    public record Verdict(SignalStatus status, String summary) {
    }

    /** @return the stand-in as a module: this module's test classes */
    public static PluginModule module() {
        return new PluginModule(Path.of("target/test-classes"), Path.of("target/test-classes"));
    }

    /**
     * Publishes a verdict on a service as the SLO plugin.
     *
     * @param kind e.g. {@code error-budget}
     */
    public static void publish(VitalsPortal portal, String service, String kind, SignalStatus status,
            String summary) {
        portal.admin().put("/api/slo/verdicts/" + service + "/" + kind, new Verdict(status, summary)).expect(204);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        return new RunningPlugin() {
            @Override
            public List<ApiRoute> apiRoutes() {
                return List.of(ApiRoute.put("/verdicts/{service}/{kind}", ctx -> {
                    Verdict verdict = ctx.bodyAsClass(Verdict.class);
                    context.signals().publish(EntityRef.of("component", ctx.pathParam("service")),
                            ctx.pathParam("kind"), verdict.status(), verdict.summary(), OptionalDouble.empty(),
                            Optional.empty());
                    ctx.status(204);
                }));
            }
        };
    }
}
