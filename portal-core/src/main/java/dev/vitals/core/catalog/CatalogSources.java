package dev.vitals.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.Json;
import dev.vitals.core.audit.Actor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ways descriptors get into the catalog: a path or URL imported once or registered and refreshed by a job, and
 * YAML posted to the API. Each source's last result is kept for the admin page.
 */
public final class CatalogSources {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogSources.class);
    /** Sources named with this prefix hold YAML posted to the API; they have nothing to refresh from. */
    public static final String API_PREFIX = "api:";
    private final Jdbi jdbi;
    private final CatalogImporter importer;
    private final DescriptorReader reader = new DescriptorReader();
    private final ObjectMapper json = Json.mapper();

    public CatalogSources(Jdbi jdbi, CatalogImporter importer) {
        this.jdbi = jdbi;
        this.importer = importer;
    }

    /**
     * A registered source and how its last import went.
     *
     * @param id its id
     * @param location a path, a URL, or {@code api:<name>}
     * @param registeredAt when it was first imported
     * @param registeredBy by whom
     * @param lastImportAt when it was last imported
     * @param lastResult the last import's report
     */
    public record Source(long id, String location, Instant registeredAt, String registeredBy,
            Optional<Instant> lastImportAt, Optional<ImportReport> lastResult) {
    }

    /** Imports a file, folder or URL now; it stays registered and the refresh job re-imports it. */
    public ImportReport importLocation(String location, Actor actor, Consumer<String> progress) {
        String canonical = canonical(location);
        DescriptorReader.Result read = isUrl(canonical)
                ? reader.read(URI.create(canonical), progress)
                : reader.read(Path.of(canonical), progress);
        return importer.apply(canonical, read, actor, progress);
    }

    /** Imports YAML posted to the API as source {@code api:<name>}. */
    public ImportReport importText(String name, String yaml, Actor actor) {
        String location = API_PREFIX + name;
        return importer.apply(location, reader.read(location, yaml), actor, message -> { });
    }

    /** Re-imports every registered file, folder and URL; the refresh job calls this. */
    public void refreshAll() {
        for (Source source : list()) {
            if (source.location().startsWith(API_PREFIX)) {
                continue;
            }
            ImportReport report = importLocation(source.location(), Actor.SYSTEM, message -> { });
            if (!report.applied()) {
                LOG.warn("Catalog source {}: {}", source.location(), report.summary());
            }
        }
    }

    public List<Source> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, location, registered_at, registered_by, last_import_at, "
                        + "last_result::text AS last_result FROM core.catalog_sources ORDER BY location")
                .map((rs, ctx) -> new Source(rs.getLong("id"), rs.getString("location"),
                        rs.getObject("registered_at", OffsetDateTime.class).toInstant(), rs.getString("registered_by"),
                        Optional.ofNullable(rs.getObject("last_import_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                        Optional.ofNullable(rs.getString("last_result")).map(this::report)))
                .list());
    }

    private ImportReport report(String text) {
        try {
            return json.readValue(text, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUrl(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    private static String canonical(String location) {
        if (isUrl(location)) {
            return location;
        }
        Path path = Path.of(location).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no file or folder at " + path);
        }
        return path.toString();
    }
}
