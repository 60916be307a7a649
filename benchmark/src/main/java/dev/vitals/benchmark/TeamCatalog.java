package dev.vitals.benchmark;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Backstage catalog of {@code teams} teams and {@code services} services named {@code <prefix><n>}, dealt round. */
final class TeamCatalog {

    private TeamCatalog() {
    }

    static Path write(Path file, int teams, int services, String servicePrefix) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int t = 0; t < teams; t++) {
                out.write("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-" + t
                        + "\nspec:\n  type: team\n  children: []\n---\n");
            }
            for (int i = 0; i < services; i++) {
                out.write("apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + servicePrefix + i
                        + "\nspec:\n  type: service\n  lifecycle: production\n  owner: team-" + (i % teams) + "\n");
                if (i < services - 1) {
                    out.write("---\n");
                }
            }
        }
        return file;
    }
}
