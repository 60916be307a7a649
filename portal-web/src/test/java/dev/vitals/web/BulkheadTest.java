package dev.vitals.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.PluginContext;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.testing.TestPlugins;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class BulkheadTest {

    /** A plugin whose one route counts rows through its own pool; the test holds that pool's connections. */
    static final class Pinger implements VitalsPlugin {
        volatile Jdbi jdbi;

        @Override
        public RunningPlugin create(PluginContext context) {
            Jdbi own = context.jdbi();
            jdbi = own;
            return new RunningPlugin() {
                @Override
                public List<ApiRoute> apiRoutes() {
                    return List.of(ApiRoute.get("/ping", ctx -> ctx.json(own.withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM pings").mapTo(Integer.class).one()))));
                }
            };
        }
    }

    @Test
    void aPluginHoldingAllItsConnectionsStarvesOnlyItself() {
        Pinger hog = new Pinger();
        try (TestServer server = TestServer.start(TestPlugins.of().with("hog", () -> hog).with("calm", Pinger::new).source())) {
            List<Handle> held = new ArrayList<>();
            try {
                // Take every connection of hog's pool, as a plugin stuck in long queries would.
                for (int i = 0; i < 4; i++) {
                    Handle handle = hog.jdbi.open();
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one();
                    held.add(handle);
                }

                assertEquals(200, server.get("/api/calm/ping").statusCode(), "another plugin still reaches its data");
                assertEquals(200, server.get("/api/health").statusCode(), "the core still answers");
                assertEquals(200, server.getPage("/").statusCode(), "the core's pages still render");
                assertEquals(503, server.get("/api/hog/ping").statusCode(),
                        "only the hog waits for its own pool, and is told to try again later");
            } finally {
                held.forEach(Handle::close);
            }
            assertEquals(200, server.get("/api/hog/ping").statusCode(), "the hog recovers once it lets go");
        }
    }
}
