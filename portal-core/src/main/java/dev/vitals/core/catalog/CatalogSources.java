package dev.vitals.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.Json;
import dev.vitals.core.audit.Actor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    private final CatalogAllowedHosts allowedHosts;
    private final DescriptorReader reader;
    private final ObjectMapper json = Json.mapper();

    public CatalogSources(Jdbi jdbi, CatalogImporter importer, CatalogAllowedHosts allowedHosts) {
        this(jdbi, importer, allowedHosts, new DescriptorReader());
    }

    /** @param reader reads the sources; tests give one with a short time limit */
    public CatalogSources(Jdbi jdbi, CatalogImporter importer, CatalogAllowedHosts allowedHosts,
            DescriptorReader reader) {
        this.jdbi = jdbi;
        this.importer = importer;
        this.allowedHosts = allowedHosts;
        this.reader = reader;
    }

    /** The hosts URL sources and Locations may be fetched from, besides a registered URL's own host. */
    public CatalogAllowedHosts allowedHosts() {
        return allowedHosts;
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

    /**
     * Imports a file, folder or http(s) URL now; it stays registered and the refresh job re-imports it. Its
     * Locations are followed within the folder (the file's folder for a file) and to the URL's own host and the
     * {@linkplain #allowedHosts() allowed hosts}.
     *
     * @throws IllegalArgumentException when the location is no existing folder, {@code .yaml}/{@code .yml} file or
     *     http(s) URL
     */
    public ImportReport importLocation(String location, Actor actor, Consumer<String> progress) {
        String canonical = canonical(location);
        Set<String> hosts = allowedHosts.list();
        DescriptorReader.Result read = isUrl(canonical)
                ? reader.read(URI.create(canonical), hosts, progress)
                : reader.read(Path.of(canonical), hosts, progress);
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
            try {
                ImportReport report = importLocation(source.location(), Actor.SYSTEM, message -> { });
                if (!report.applied()) {
                    LOG.warn("Catalog source {}: {}", source.location(), report.summary());
                }
            } catch (IllegalArgumentException e) {
                // A folder since removed, or a source these rules no longer accept: the others still refresh.
                LOG.warn("Catalog source {} cannot be imported: {}", source.location(), e.getMessage());
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
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String canonical(String location) {
        if (isUrl(location)) {
            try {
                URI url = new URI(location.trim());
                if (url.getHost() == null) {
                    throw new IllegalArgumentException("a URL needs a host, e.g. https://git.example.com/catalog.yaml");
                }
                return url.toString();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid URL: " + e.getReason());
            }
        }
        if (location.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("only http and https URLs are read");
        }
        Path path;
        try {
            path = Path.of(location).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path");
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no file or folder at " + path);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(path) && !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
            throw new IllegalArgumentException("not a folder or a .yaml or .yml file: " + path);
        }
        return path.toString();
    }
}
