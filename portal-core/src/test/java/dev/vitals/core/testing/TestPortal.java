package dev.vitals.core.testing;

import dev.vitals.core.Vitals;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.pluginhost.PluginSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starts the host core against a test database, the way {@code Main} does but with test plugins and settings. */
public final class TestPortal {

    private TestPortal() {
    }

    /** The environment a test portal runs with: the database given, plus any extra variables. */
    public static Map<String, String> environment(DatabaseSettings database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("VITALS_DB_URL", database.url());
        env.put("VITALS_DB_USER", database.user());
        env.put("VITALS_DB_PASSWORD", database.password());
        return env;
    }

    public static Vitals start(DatabaseSettings database, PluginSource plugins) {
        return start(database, plugins, Map.of());
    }

    public static Vitals start(DatabaseSettings database, PluginSource plugins, Map<String, String> extraEnv) {
        VitalsConfig config = VitalsConfig.fromEnvironment(environment(database, extraEnv));
        return Vitals.start(config, plugins, new SimpleMeterRegistry(),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)));
    }
}
