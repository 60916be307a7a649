package dev.vitals.plugins.deploys.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.plugins.deploys.DeploysTestPortal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How far a stored batch's change reaches per service, which decides whose verdict is refreshed: its new
 * deployments' latest finish, or later, the finish of a deployment that lost a commit's first deployment to one of
 * them.
 */
class ChangedThroughTest {

    private static DeploysTestPortal portal;
    private static DeploymentStore store;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("UTC", Map.of());
        store = new DeploymentStore(portal.context().jdbi(), new EnvironmentNames(Set.of("prod")));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @BeforeEach
    void clear() {
        portal.clear();
    }

    @Test
    void aBatchReachesToItsLatestNewDeploymentPerService() {
        IngestResult result = store.ingest(List.of(
                deployment("a-1", "alpha", "2026-01-10T10:00:00Z", "c1"),
                deployment("a-2", "alpha", "2026-01-12T10:00:00Z", "c2"),
                deployment("b-1", "beta", "2026-01-11T10:00:00Z", "c3")), "api");

        assertEquals(Map.of("alpha", Instant.parse("2026-01-12T10:00:00Z"),
                "beta", Instant.parse("2026-01-11T10:00:00Z")), result.changedThrough());
        assertEquals(Map.of(), store.ingest(List.of(deployment("a-1", "alpha", "2026-01-10T10:00:00Z", "c1")), "api")
                .changedThrough(), "a replay changes nothing");
    }

    @Test
    void aLateDeploymentThatTakesACommitFromALaterOneReachesToTheLaterOne() {
        store.ingest(List.of(deployment("later", "alpha", "2026-03-01T10:00:00Z", "shared")), "api");

        // Shipped the same commit a year before: the later deployment's lead time for it is gone.
        IngestResult late = store.ingest(List.of(deployment("earlier", "alpha", "2025-03-01T10:00:00Z", "shared")),
                "api");

        assertEquals(Map.of("alpha", Instant.parse("2026-03-01T10:00:00Z")), late.changedThrough());
    }

    private static DeploymentEvent deployment(String id, String service, String finished, String sha) {
        Instant at = Instant.parse(finished);
        return new DeploymentEvent(id, service, "production", DeploymentStatus.SUCCESS, at.minusSeconds(600), at,
                Optional.empty(), List.of(new Commit(sha, Instant.parse("2025-01-01T00:00:00Z"))), Optional.empty());
    }
}
