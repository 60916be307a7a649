package dev.vitals.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.testing.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a catalog source may read: which hosts, which redirects, how much, how long, which files. */
class DescriptorReaderBoundsTest {

    private static final String SECRET = "hunter2-do-not-echo";
    private final DescriptorReader reader = new DescriptorReader(Duration.ofSeconds(3));
    private CatalogHosts here;
    private CatalogHosts elsewhere;

    @BeforeEach
    void startHosts() {
        here = CatalogHosts.on("127.0.0.1");
        elsewhere = CatalogHosts.on("localhost");
    }

    @AfterEach
    void stopHosts() {
        here.close();
        elsewhere.close();
    }

    private DescriptorReader.Result readUrl(String url, Set<String> allowedHosts) {
        return reader.read(URI.create(url), allowedHosts, message -> { });
    }

    private DescriptorReader.Result readPath(Path path) {
        return reader.read(path, Set.of(), message -> { });
    }

    /** The real Backstage samples, served by path under /backstage/. */
    private static void serveSamples(CatalogHosts host) {
        Path samples = Samples.path("backstage");
        try (var files = Files.walk(samples)) {
            files.filter(Files::isRegularFile).forEach(f -> host.file("/backstage/"
                    + samples.relativize(f).toString().replace('\\', '/'), read(f)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String location(String... targets) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Location
                metadata: {name: entry}
                spec:
                  targets: [%s]
                """.formatted(String.join(", ", targets));
    }

    @Test
    void aLocationPointingAtAnotherHostIsNotFollowedUnlessThatHostIsAllowed() {
        serveSamples(here);
        serveSamples(elsewhere);
        AtomicInteger elsewhereHits = new AtomicInteger();
        elsewhere.answer("/backstage/acme-corp.yaml", exchange -> {
            elsewhereHits.incrementAndGet();
            CatalogHosts.send(exchange, 200, read(Samples.path("backstage/acme-corp.yaml")));
        });
        here.file("/catalog-info.yaml", location("./backstage/all.yaml", elsewhere.url("/backstage/acme-corp.yaml")));

        DescriptorReader.Result refused = readUrl(here.url("/catalog-info.yaml"), Set.of());

        assertEquals(List.of(new ImportProblem(here.url("/catalog-info.yaml"), 0, "spec.targets[1]",
                "cannot be followed: host localhost is not allowed: an admin adds it to the allowed hosts on "
                        + "/admin/catalog")), refused.problems());
        assertEquals(0, elsewhereHits.get(), "the other host was never asked");
        assertEquals(38, refused.files(), "the entry, all.yaml and the 36 files it leads to on the source's own host");

        DescriptorReader.Result allowed = readUrl(here.url("/catalog-info.yaml"), Set.of("localhost"));

        assertEquals(List.of(), allowed.problems());
        assertEquals(1, elsewhereHits.get());
        assertEquals(48, allowed.files(), "…and acme-corp.yaml, org.yaml and its 8 group files from the other host");
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() {
        AtomicInteger elsewhereHits = new AtomicInteger();
        elsewhere.answer("/catalog.yaml", exchange -> {
            elsewhereHits.incrementAndGet();
            CatalogHosts.send(exchange, 200, CatalogImportTest.component("bounced", "team-a"));
        });
        here.redirect("/catalog.yaml", elsewhere.url("/catalog.yaml"));

        DescriptorReader.Result result = readUrl(here.url("/catalog.yaml"), Set.of());

        assertEquals(List.of(new ImportProblem(here.url("/catalog.yaml"), -1, "", "cannot read: redirected to another "
                + "host (localhost); only redirects within 127.0.0.1 are followed")), result.problems());
        assertEquals(0, elsewhereHits.get());
    }

    @Test
    void aRedirectWithinTheSameHostIsFollowed() {
        here.redirect("/old/catalog.yaml", "/new/catalog.yaml")
                .file("/new/catalog.yaml", CatalogImportTest.component("moved", "team-a"));

        DescriptorReader.Result result = readUrl(here.url("/old/catalog.yaml"), Set.of());

        assertEquals(List.of(), result.problems());
        assertEquals("moved", ((java.util.Map<?, ?>) result.descriptors().get(0).document().get("metadata")).get("name"));
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWhetherOrNotItsLengthIsDeclared() {
        String big = "# " + "x".repeat(DescriptorReader.MAX_URL_BYTES) + "\n";
        here.file("/declared.yaml", big).answer("/chunked.yaml", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: the length is only known at the end
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 6; i++) {
                    body.write(new byte[1024 * 1024]);
                }
            }
        });

        for (String path : List.of("/declared.yaml", "/chunked.yaml")) {
            DescriptorReader.Result result = readUrl(here.url(path), Set.of());

            assertEquals(List.of(new ImportProblem(here.url(path), -1, "", "cannot read: larger than "
                    + DescriptorReader.MAX_URL_BYTES + " bytes; split it")), result.problems());
        }
    }

    @Test
    void aBodyThatTricklesIsAbandonedAtTheTimeLimit() {
        CountDownLatch testOver = new CountDownLatch(1);
        here.answer("/slow.yaml", exchange -> {
            exchange.sendResponseHeaders(200, 10_000);
            exchange.getResponseBody().write("apiVersion: backstage.io/v1alpha1\n".getBytes());
            exchange.getResponseBody().flush();
            try {
                testOver.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            DescriptorReader impatient = new DescriptorReader(Duration.ofMillis(500));
            DescriptorReader.Result result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> impatient.read(URI.create(here.url("/slow.yaml")), Set.of(), m -> { }));

            assertEquals(List.of(new ImportProblem(here.url("/slow.yaml"), -1, "",
                    "cannot read: no complete answer within 500 ms")), result.problems());
        } finally {
            testOver.countDown();
        }
    }

    @Test
    void onlyHttpAndHttpsAreRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("catalog-info.yaml"), location("file:///etc/passwd", "ftp://localhost/x.yaml"));

        assertEquals(List.of(new ImportProblem("file:///etc/passwd", -1, "", "only http and https URLs are read")),
                reader.read(URI.create("file:///etc/passwd"), Set.of("localhost"), m -> { }).problems());
        assertEquals(List.of("spec.targets[0]", "spec.targets[1]"),
                readPath(dir.resolve("catalog-info.yaml")).problems().stream().map(ImportProblem::field).toList());
    }

    @Test
    void aFileLocationStaysInsideTheRegisteredFolderAndReadsOnlyYaml(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("catalogs/team"));
        Files.writeString(dir.resolve("catalogs/outside.yaml"), CatalogImportTest.component("outside", "team-a"));
        Files.writeString(folder.resolve("notes.txt"), SECRET);
        Files.writeString(folder.resolve("inside.yaml"), CatalogImportTest.component("inside", "team-a"));
        Files.writeString(folder.resolve("catalog-info.yaml"), location("../../etc/passwd", "../outside.yaml",
                "/etc/hosts", "./notes.txt", "./sub/../inside.yaml", here.url("/x.yaml")));

        DescriptorReader.Result result = readPath(folder.resolve("catalog-info.yaml"));

        assertEquals(List.of("spec.targets[0]", "spec.targets[1]", "spec.targets[2]", "spec.targets[3]",
                "spec.targets[5]"), result.problems().stream().map(ImportProblem::field).toList());
        assertTrue(result.problems().get(0).reason().contains("only files in the registered folder are read"),
                result.problems().toString());
        assertTrue(result.problems().get(3).reason().contains("not a .yaml or .yml file"), result.problems().toString());
        assertTrue(result.problems().get(4).reason().contains("host 127.0.0.1 is not allowed"),
                "a file source reaches only allowed hosts");
        assertEquals(List.of("entry", "inside"), result.descriptors().stream()
                .map(d -> ((java.util.Map<?, ?>) d.document().get("metadata")).get("name")).toList());
        assertFalse(result.problems().toString().contains("passwd") || result.problems().toString().contains(SECRET),
                "the targets are named by field, not quoted");
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsNotRead(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("catalog"));
        Files.writeString(dir.resolve("secret.yaml"), "password: " + SECRET + "\n");
        Files.writeString(folder.resolve("fine.yaml"), CatalogImportTest.component("fine", "team-a"));
        Files.createSymbolicLink(folder.resolve("link.yaml"), dir.resolve("secret.yaml"));
        Files.createSymbolicLink(folder.resolve("notes.yaml"), Files.writeString(folder.resolve("notes.txt"), SECRET));

        DescriptorReader.Result result = readPath(folder);

        assertEquals(List.of(folder.resolve("link.yaml").toString(), folder.resolve("notes.yaml").toString()),
                result.problems().stream().map(ImportProblem::file).toList());
        assertTrue(result.problems().get(0).reason().contains("a link that leads outside"), result.problems().toString());
        assertEquals(1, result.descriptors().size(), "only fine.yaml");
        assertFalse(result.problems().toString().contains(SECRET));
    }

    @Test
    void aYamlErrorNamesLineAndColumnButNeverQuotesTheText(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("indent.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: svc
                  annotations:
                    vault/token: %s
                   broken: %s: more
                """.formatted(SECRET, SECRET));
        Files.writeString(dir.resolve("duplicate.yaml"), "%s: 1\n%s: 2\n".formatted(SECRET, SECRET));
        Files.writeString(dir.resolve("alias.yaml"), "a: *%s\n".formatted(SECRET));
        Files.writeString(dir.resolve("quote.yaml"), "a: \"%s\n".formatted(SECRET));
        Files.writeString(dir.resolve("tab.yaml"), "a:\n\t%s: 1\n".formatted(SECRET));
        Files.writeString(dir.resolve("escape.yaml"), "a: \"\\q%s\"\n".formatted(SECRET));
        Files.writeString(dir.resolve("tag.yaml"), "a: !%s x\n".formatted(SECRET));

        DescriptorReader.Result result = readPath(dir);

        assertEquals(7, result.problems().size(), result.problems().toString());
        for (ImportProblem problem : result.problems()) {
            assertTrue(problem.reason().startsWith("not valid YAML at line "), problem.toString());
            assertFalse(problem.toString().contains(SECRET), problem.toString());
            assertFalse(problem.toString().contains("hunter2"), problem.toString());
        }
        assertTrue(result.problems().contains(new ImportProblem(dir.resolve("duplicate.yaml").toString(), 0, "",
                "not valid YAML at line 2, column 1: a key appears twice in one mapping")), result.problems().toString());
        assertTrue(result.problems().contains(new ImportProblem(dir.resolve("indent.yaml").toString(), 0, "",
                "not valid YAML at line 7, column 4: while parsing a block mapping, expected <block end>, but found "
                        + "'<block mapping start>'")), result.problems().toString());
    }

    @Test
    void aFieldAtFaultIsNamedWithoutItsValue() {
        EntityParser.Parsed parsed = new EntityParser().parse(new Descriptor("f.yaml", 0, java.util.Map.of(
                "apiVersion", "backstage.io/v1alpha1", "kind", "Component",
                "metadata", java.util.Map.of("name", SECRET + " !", "title", 42, "tags", List.of(SECRET + " x")),
                "spec", java.util.Map.of("type", "service", "lifecycle", "production", "owner", "bad ref " + SECRET))));

        assertFalse(parsed.problems().isEmpty());
        assertFalse(parsed.problems().toString().contains(SECRET), parsed.problems().toString());
        assertFalse(parsed.problems().toString().contains("42"), parsed.problems().toString());
    }
}
