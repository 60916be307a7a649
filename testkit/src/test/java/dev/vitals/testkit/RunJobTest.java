package dev.vitals.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A test runs a plugin's job when it needs it, instead of waiting for the job's turn. */
class RunJobTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPlugin(SamplePluginModule.get())
            .setting("greeting", "hello")
            .build();

    private static long ticks(VitalsPortal portal) {
        return portal.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sample.ticks").mapTo(Long.class)
                .one());
    }

    @Test
    void aJobAskedToRunHasRunOnceMoreWhenTheCallReturns(VitalsPortal portal) {
        portal.awaitJobRun("tick");
        long before = ticks(portal);

        portal.runJob("tick");

        assertTrue(ticks(portal) > before, "the tick job inserts a row each run");
    }
}
