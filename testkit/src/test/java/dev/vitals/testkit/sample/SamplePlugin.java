package dev.vitals.testkit.sample;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.Job;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.PluginContext;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.SignalStatus;
import dev.vitals.api.VitalsPlugin;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.pf4j.Extension;
import org.pf4j.PluginClassLoader;

/**
 * The test kit's own plugin under test: a team marks its services, each mark is stored in the plugin's schema,
 * published as a signal and counted as a daily measure. It lives in the kit's test classes with a
 * {@code plugin.properties} beside it, so the kit's tests load it the way a plugin author's tests load theirs.
 */
@Extension
public final class SamplePlugin implements VitalsPlugin {

    static final Setting<String> GREETING = Setting.string("greeting", "What the plugin says hello with")
            .withDefault("hello");
    static final Setting<Long> MARKS_LIMIT = Setting.integer("marks_limit", "Most marks one service may have")
            .withDefault(100L);

    /** What {@code GET /api/sample/about} answers. */
    record About(String greeting, String caller, boolean loadedByPf4j, Instant now) {
    }

    /** A mark on a service, as posted. */
    record NewMark(String service) {
    }

    /** A mark on a service, as stored. */
    record Mark(long id, String service, String markedBy) {
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(GREETING, MARKS_LIMIT);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        String greeting = context.settings().get(GREETING);
        long limit = context.settings().get(MARKS_LIMIT);
        return new RunningPlugin() {
            @Override
            public List<ApiRoute> apiRoutes() {
                return List.of(
                        ApiRoute.get("/about", ctx -> ctx.json(new About(greeting, RequestCaller.of(ctx).name(),
                                SamplePlugin.class.getClassLoader() instanceof PluginClassLoader,
                                context.clock().instant()))),
                        ApiRoute.get("/marks", ctx -> ctx.json(context.jdbi().withHandle(h -> h.createQuery(
                                "SELECT id, service, marked_by FROM marks ORDER BY id").map((rs, c) -> new Mark(
                                        rs.getLong("id"), rs.getString("service"), rs.getString("marked_by")))
                                .list()))),
                        ApiRoute.post("/marks", ctx -> mark(ctx, context, limit)));
            }

            @Override
            public List<Job> jobs() {
                return List.of(new Job("tick", Duration.ofSeconds(1), () -> context.jdbi().useHandle(h ->
                        h.execute("INSERT INTO ticks DEFAULT VALUES"))));
            }
        };
    }

    private static void mark(Context ctx, PluginContext context, long limit) {
        NewMark mark = ctx.bodyAsClass(NewMark.class);
        EntityRef service = Optional.ofNullable(mark.service()).flatMap(key -> EntityRef.fromKey("component", key))
                .orElseThrow(() -> ProblemException.unprocessable("the mark names no service",
                        List.of(new FieldError("service", "is required: a service's name"))));
        RequestCaller.requireEditorOf(ctx, service);
        long count = context.jdbi().inTransaction(h -> {
            long marks = h.createQuery("SELECT count(*) FROM marks WHERE service = :service")
                    .bind("service", service.toString()).mapTo(Long.class).one();
            if (marks >= limit) {
                throw ProblemException.conflict(service + " has " + marks + " marks already, the most it may have");
            }
            h.createUpdate("INSERT INTO marks (service, marked_by) VALUES (:service, :by)")
                    .bind("service", service.toString()).bind("by", RequestCaller.of(ctx).person()).execute();
            return marks + 1;
        });
        context.signals().publish(service, "marks", count > 1 ? SignalStatus.WARN : SignalStatus.OK,
                count + " mark" + (count == 1 ? "" : "s"), OptionalDouble.of(count), Optional.empty());
        LocalDate today = LocalDate.ofInstant(context.clock().instant(), context.orgTimeZone());
        context.measures().publish(List.of(new MeasurePoint("sample.marks", service, today,
                BigDecimal.valueOf(count))));
        ctx.status(201).json(new Mark(count, service.toString(), RequestCaller.of(ctx).person()));
    }
}
