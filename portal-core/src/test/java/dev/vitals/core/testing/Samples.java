package dev.vitals.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared sample files (real public Backstage catalogs, webhook payloads…) that sit beside the repository. */
public final class Samples {

    private Samples() {
    }

    /** {@code shared/samples/<relative>}, found from the working directory of any module. */
    public static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/samples").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/samples/" + relative + " not found above " + Path.of("").toAbsolutePath()
                + "; the samples folder must sit beside the repository");
    }
}
