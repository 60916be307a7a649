package dev.vitals.plugins.priorities;

import dev.vitals.testkit.TestCatalog;

/**
 * The catalog the tests share: teams green, blue and red with a service each, and program availability, whose
 * stakeholders are green (role lead) and blue (role engineering).
 */
final class PrioritiesCatalog {

    private PrioritiesCatalog() {
    }

    static TestCatalog of() {
        return TestCatalog.twoTeams().team("red").service("red-api", "red").descriptor("""
                apiVersion: vitals.dev/v1
                kind: Program
                metadata: {name: availability, title: Availability}
                spec:
                  owner: green
                  outcome: Every service meets its SLO every month
                  stakeholders:
                  - {team: green, role: Lead}
                  - {team: blue, role: Engineering}
                """);
    }
}
