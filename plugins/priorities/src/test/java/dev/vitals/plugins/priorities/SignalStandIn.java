package dev.vitals.plugins.priorities;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.testkit.PluginModule;
import dev.vitals.testkit.VitalsPortal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * Stands in for another plugin (slo, deploys, graph, cost): under that plugin's id it publishes the signals a test
 * sends it, so the priorities plugin hears them exactly as it hears the real ones, through the portal. One module is
 * laid out per id under {@code target/stand-ins/<id>}: this class, its extension index and a descriptor.
 */
@Extension
public final class SignalStandIn implements VitalsPlugin {

    /** A signal as a test sends it. */
    public record Sent(String subject, SignalStatus status, String summary, Double value) {
    }

    /** A measure's value as a test sends it. */
    public record Measured(String subject, String day, java.math.BigDecimal value) {
    }

    /** @return a module of this stand-in under the plugin id given */
    public static PluginModule module(String pluginId) {
        Path classes = Path.of("target/stand-ins", pluginId).toAbsolutePath();
        Path compiled = Path.of("target/test-classes").toAbsolutePath();
        String packagePath = SignalStandIn.class.getPackageName().replace('.', '/');
        try {
            Files.createDirectories(classes.resolve(packagePath));
            Files.createDirectories(classes.resolve("META-INF"));
            try (Stream<Path> files = Files.list(compiled.resolve(packagePath))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("SignalStandIn")).toList()) {
                    Files.copy(file, classes.resolve(packagePath).resolve(file.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(classes.resolve("META-INF/extensions.idx"), SignalStandIn.class.getName() + "\n");
            Files.writeString(classes.resolve("plugin.properties"), """
                    plugin.id=%s
                    plugin.version=1.0.0
                    plugin.description=Stands in for %s in the priorities plugin's tests: publishes what a test sends
                    plugin.provider=Vitals
                    plugin.requires=>=2.0.0 & <3.0.0
                    """.formatted(pluginId, pluginId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PluginModule(classes, classes);
    }

    /** Publishes a signal as the stand-in of {@code pluginId}. */
    public static void publish(VitalsPortal portal, String pluginId, String kind, String subject, SignalStatus status,
            String summary) {
        portal.admin().put("/api/" + pluginId + "/signals/" + kind, new Sent(subject, status, summary, 1.0))
                .expect(204);
    }

    /** Publishes one day's value of a measure, {@code <pluginId>.<what>}, as the stand-in of {@code pluginId}. */
    public static void measure(VitalsPortal portal, String pluginId, String name, String subject,
            java.time.LocalDate day, String value) {
        portal.admin().put("/api/" + pluginId + "/measures/" + name,
                new Measured(subject, day.toString(), new java.math.BigDecimal(value))).expect(204);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        return new RunningPlugin() {
            @Override
            public List<ApiRoute> apiRoutes() {
                return List.of(ApiRoute.put("/signals/{kind}", ctx -> {
                    Sent sent = ctx.bodyAsClass(Sent.class);
                    context.signals().publish(EntityRef.parse(sent.subject(), "component"), ctx.pathParam("kind"),
                            sent.status(), sent.summary(),
                            sent.value() == null ? OptionalDouble.empty() : OptionalDouble.of(sent.value()),
                            Optional.empty());
                    ctx.status(204);
                }), ApiRoute.put("/measures/{name}", ctx -> {
                    Measured sent = ctx.bodyAsClass(Measured.class);
                    context.measures().publish(List.of(new dev.vitals.api.MeasurePoint(ctx.pathParam("name"),
                            EntityRef.parse(sent.subject(), "component"), java.time.LocalDate.parse(sent.day()),
                            sent.value())));
                    ctx.status(204);
                }));
            }
        };
    }
}
