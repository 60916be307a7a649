package dev.vitals.web.faults;

import dev.vitals.api.Job;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import java.time.Duration;
import java.util.List;
import org.pf4j.Extension;

/**
 * A plugin packed into a real plugin jar by {@link TwoPortalsOneKilledMidJobIT}. Its one job waits for the test's
 * go (both portals up), records the run's start, then writes its items one by one and its completion in one slow
 * transaction: a run killed midway leaves a start and nothing else, a finished run all its items and one completion.
 */
@Extension
public final class CountedJobPlugin implements VitalsPlugin {

    static final int ITEMS = 40;
    private static final long PAUSE_MILLIS = 100;
    private static final Setting<String> INSTANCE = Setting.string("instance", "Which portal this is, in the runs it "
            + "records").withDefault("unnamed");

    @Override
    public List<Setting<?>> settings() {
        return List.of(INSTANCE);
    }

    @Override
    public RunningPlugin create(PluginContext context) {
        String instance = context.settings().get(INSTANCE);
        return new RunningPlugin() {
            @Override
            public List<Job> jobs() {
                // Hourly: within a test, the first execution is the only one.
                return List.of(new Job("count", Duration.ofHours(1), () -> count(context, instance)));
            }
        };
    }

    private static void count(PluginContext context, String instance) throws InterruptedException {
        while (context.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM go").mapTo(Long.class).one()) == 0) {
            Thread.sleep(PAUSE_MILLIS);
        }
        long run = context.jdbi().withHandle(h -> h.createQuery(
                        "INSERT INTO runs (instance) VALUES (:instance) RETURNING id")
                .bind("instance", instance).mapTo(Long.class).one());
        context.jdbi().<InterruptedException>useTransaction(h -> {
            for (int item = 0; item < ITEMS; item++) {
                h.execute("INSERT INTO items (run, item) VALUES (?, ?)", run, item);
                Thread.sleep(PAUSE_MILLIS);
            }
            h.execute("INSERT INTO completions (run, instance) VALUES (?, ?)", run, instance);
        });
    }
}
