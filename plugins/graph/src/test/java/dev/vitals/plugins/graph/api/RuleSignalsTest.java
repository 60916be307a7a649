package dev.vitals.plugins.graph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.SignalStatus;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dependency rules' job publishes one signal per service through the portal's signals. */
class RuleSignalsTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("web")
                    .descriptor("""
                            apiVersion: backstage.io/v1alpha1
                            kind: Component
                            metadata: {name: checkout, annotations: {vitals.dev/tier: "1"}}
                            spec: {type: service, lifecycle: production, owner: web, dependsOn: [component:recs]}
                            """)
                    .descriptor("""
                            apiVersion: backstage.io/v1alpha1
                            kind: Component
                            metadata: {name: recs, annotations: {vitals.dev/tier: "3"}}
                            spec: {type: service, lifecycle: production, owner: web}
                            """)
                    .service("ping", "web", "pong").service("pong", "web", "ping"))
            .build();

    private static Signal about(VitalsPortal portal, String service) {
        List<Signal> signals = portal.latestSignals(SignalFilter.about(EntityRef.of("component", service))
                .plugin("graph").kind("dependency-rules"));
        assertEquals(1, signals.size(), signals.toString());
        return signals.get(0);
    }

    @Test
    void tierAndCycleRulesWarnAndAServiceKeepingThemIsOk(VitalsPortal portal) {
        GraphStatus.awaitFresh(portal, status -> status.nodes() > 0);
        portal.runJob("publish-dependency-rules");

        Signal checkout = about(portal, "checkout");
        assertEquals(SignalStatus.WARN, checkout.status());
        assertTrue(checkout.summary().contains("tier 1 depends on tier 3"), checkout.summary());
        assertEquals(SignalStatus.WARN, about(portal, "ping").status());
        assertTrue(about(portal, "pong").summary().contains("dependency cycle"));
        assertEquals(SignalStatus.OK, about(portal, "recs").status());
    }
}
