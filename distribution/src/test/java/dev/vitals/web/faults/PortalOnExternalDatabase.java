package dev.vitals.web.faults;

import dev.vitals.core.Vitals;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.plugins.deploys.DeploysPlugin;
import dev.vitals.plugins.example.ExamplePlugin;
import dev.vitals.plugins.slo.SloPlugin;
import dev.vitals.web.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A whole portal with the repository's own plugins, in production mode against a database the test supplies. */
final class PortalOnExternalDatabase {

    private PortalOnExternalDatabase() {
    }

    /** The host's catalog refresh runs every second, so a test sees quickly whether jobs run. */
    static TestServer start(DatabaseSettings database) {
        return TestServer.start(database, TestPlugins.of().with("slo", SloPlugin::new)
                        .with("deploys", DeploysPlugin::new).with("example", ExamplePlugin::new).source(), Map.of(),
                new Vitals.Options(Clock.systemUTC(), Duration.ofMillis(200), Duration.ofMillis(500),
                        Duration.ofSeconds(1)));
    }
}
