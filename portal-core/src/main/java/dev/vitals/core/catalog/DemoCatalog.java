package dev.vitals.core.catalog;

import dev.vitals.core.audit.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * The demo organisation ({@code VITALS_DEMO=true}): teams, services with dependencies, systems, availability
 * components and programs, imported as source {@code api:demo} like any other catalog, so re-seeding changes nothing.
 */
public final class DemoCatalog {

    private DemoCatalog() {
    }

    public static void seed(CatalogSources sources) {
        ImportReport report = sources.importText("demo", text(), new Actor("demo", java.util.Optional.empty()));
        if (!report.applied()) {
            throw new IllegalStateException("the demo catalog does not import: " + report.problems());
        }
        LoggerFactory.getLogger(DemoCatalog.class).info("Demo catalog: {}", report.summary());
    }

    static String text() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/catalog.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
