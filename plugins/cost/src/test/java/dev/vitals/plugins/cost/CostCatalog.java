package dev.vitals.plugins.cost;

import dev.vitals.testkit.TestCatalog;

/**
 * Teams payments (checkout, ledger) and search (finder); ledger's cost is tagged {@code fin-ledger}. Program growth
 * has checkout and finder in scope, program core checkout and ledger: checkout is shared by both.
 */
public final class CostCatalog {

    private CostCatalog() {
    }

    public static TestCatalog payments() {
        return TestCatalog.of().team("payments").team("search")
                .service("checkout", "payments")
                .service("finder", "search")
                .descriptor("""
                        apiVersion: backstage.io/v1alpha1
                        kind: Component
                        metadata:
                          name: ledger
                          annotations:
                            vitals.dev/cost-tag: fin-ledger
                        spec: {type: service, lifecycle: production, owner: payments}
                        """)
                .descriptor(program("growth", "checkout", "finder"))
                .descriptor(program("core", "checkout", "ledger"));
    }

    private static String program(String name, String... services) {
        return """
                apiVersion: vitals.dev/v1
                kind: Program
                metadata:
                  name: %s
                spec:
                  owner: payments
                  outcome: Cost under control
                  services: [%s]
                """.formatted(name, String.join(", ", services));
    }
}
