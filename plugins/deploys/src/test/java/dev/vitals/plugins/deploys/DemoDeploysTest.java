package dev.vitals.plugins.deploys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo data is seeded once: a portal restarted on the same database adds nothing. The story the data tells is
 * {@code demo.DemoStoryTest}'s; restarting on one database is what the test kit, a portal per class, does not do.
 */
class DemoDeploysTest {

    @Test
    void aSecondStartOnTheSameDatabaseAddsNothing() {
        var db = TestPostgres.freshDatabase();
        Map<String, String> demo = Map.of("VITALS_DEMO", "true");
        long first;
        try (Vitals portal = TestPortal.start(db, TestPlugins.of().with("deploys", DeploysPlugin::new).source(), demo)) {
            first = count(portal, "deploys.deployments");
            assertTrue(first > 500, "deployments: " + first);
        }
        try (Vitals again = TestPortal.start(db, TestPlugins.of().with("deploys", DeploysPlugin::new).source(), demo)) {
            assertEquals(first, count(again, "deploys.deployments"));
        }
    }

    private static long count(Vitals portal, String table) {
        return portal.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                .mapTo(Long.class).one());
    }
}
