package dev.vitals.core.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Backstage descriptor files — multi-document YAML — from a file, a folder, a URL or uploaded text, and follows
 * {@code Location} entities to the files they list, relative to the Location itself. Each file is read once however
 * many Locations point at it.
 *
 * <p>Reading stays within bounds, since whoever edits a catalog file chooses what its Locations point at: files only
 * inside the registered folder (or the folder of the registered file), real paths compared so that neither
 * {@code ..} nor a symbolic link leads out, and only {@code .yaml}/{@code .yml}; URLs only over http(s), to the
 * registered URL's own host or a host on the admin's allowed list, within a time and size limit
 * ({@link CatalogHttp}).
 *
 * <p>Parsing is defensive: no custom tags (SnakeYAML's safe constructor), few aliases (a billion-laughs document is
 * refused instead of expanded), bounded nesting, and a size limit per file. Problems name the file, document and
 * field but never quote the document's text.
 */
public final class DescriptorReader {

    /** The largest file accepted. A 10,000-service catalog in one file is about 4 MiB. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    /** The largest document fetched over http(s): the portal holds it in memory while it is read. */
    public static final int MAX_URL_BYTES = 5 * 1024 * 1024;
    /** How long one http(s) document may take, connecting included. */
    public static final Duration URL_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 64;
    private static final int MAX_FILES = 50_000;
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private final CatalogHttp http;

    public DescriptorReader() {
        this(URL_TIMEOUT);
    }

    /** @param urlTimeout how long one http(s) document may take, connecting included */
    public DescriptorReader(Duration urlTimeout) {
        this.http = new CatalogHttp(urlTimeout, MAX_URL_BYTES);
    }

    /**
     * What was read.
     *
     * @param descriptors every non-empty YAML document, in reading order
     * @param problems files or documents that could not be read
     * @param files how many files were read
     */
    public record Result(List<Descriptor> descriptors, List<ImportProblem> problems, int files) {
    }

    /** Where one source's reading may go: files below its folder, URLs on its hosts. */
    private record Bounds(Optional<Path> folder, Optional<Path> realFolder, Set<String> hosts) {
    }

    /**
     * Reads a file, or every {@code .yaml}/{@code .yml} file below a folder, following Locations within that folder
     * (the file's own folder for a file) and to URLs on the allowed hosts.
     */
    public Result read(Path start, Set<String> allowedHosts, Consumer<String> progress) {
        Path absolute = start.toAbsolutePath().normalize();
        Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            return new Result(List.of(), List.of(new ImportProblem(start.toString(), -1, "", "cannot read: "
                    + describe(e))), 0);
        }
        Bounds bounds = new Bounds(Optional.of(folder), Optional.of(realFolder), Set.copyOf(allowedHosts));
        Deque<String> queue = new ArrayDeque<>();
        if (Files.isDirectory(absolute)) {
            try (Stream<Path> files = Files.walk(absolute)) {
                files.filter(Files::isRegularFile)
                        .filter(DescriptorReader::isYamlName)
                        .sorted()
                        .forEach(p -> queue.add(p.toAbsolutePath().normalize().toString()));
            } catch (IOException | UncheckedIOException e) {
                return new Result(List.of(), List.of(new ImportProblem(start.toString(), -1, "", "cannot list: "
                        + describe(e))), 0);
            }
        } else {
            queue.add(absolute.toString());
        }
        return drain(queue, bounds, progress);
    }

    /** Reads one URL, following Locations relative to it, to its own host and the allowed hosts. */
    public Result read(URI url, Set<String> allowedHosts, Consumer<String> progress) {
        if (!CatalogHttp.isHttp(url)) {
            return new Result(List.of(), List.of(new ImportProblem(url.toString(), -1, "",
                    "only http and https URLs are read")), 0);
        }
        Set<String> hosts = new HashSet<>(allowedHosts);
        hosts.add(CatalogHttp.host(url));
        Deque<String> queue = new ArrayDeque<>();
        queue.add(url.toString());
        return drain(queue, new Bounds(Optional.empty(), Optional.empty(), Set.copyOf(hosts)), progress);
    }

    /** Reads uploaded text. Locations in it cannot be followed: there is nothing they could be relative to. */
    public Result read(String name, String yaml) {
        List<Descriptor> descriptors = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        if (yaml.length() > MAX_FILE_BYTES) {
            problems.add(new ImportProblem(name, -1, "", "larger than " + MAX_FILE_BYTES + " bytes; split it"));
            return new Result(descriptors, problems, 1);
        }
        parse(name, yaml, descriptors, problems);
        for (Descriptor d : descriptors) {
            if ("Location".equals(d.document().get("kind"))) {
                problems.add(new ImportProblem(name, d.index(), "spec.targets",
                        "a Location in uploaded YAML cannot be followed; register the folder or URL as a source instead"));
            }
        }
        return new Result(descriptors, problems, 1);
    }

    private Result drain(Deque<String> queue, Bounds bounds, Consumer<String> progress) {
        Set<String> seen = new LinkedHashSet<>();
        List<Descriptor> descriptors = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        while (!queue.isEmpty()) {
            String location = queue.poll();
            if (!seen.add(location)) {
                continue;
            }
            if (seen.size() > MAX_FILES) {
                problems.add(new ImportProblem(location, -1, "", "more than " + MAX_FILES + " files; import in parts"));
                break;
            }
            String text;
            try {
                text = load(location, bounds);
            } catch (OutOfBounds e) {
                problems.add(new ImportProblem(location, -1, "", e.getMessage()));
                continue;
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new ImportProblem(location, -1, "", "cannot read: " + describe(e)));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add(new ImportProblem(location, -1, "", "interrupted"));
                break;
            }
            int before = descriptors.size();
            parse(location, text, descriptors, problems);
            for (Descriptor d : descriptors.subList(before, descriptors.size())) {
                if ("Location".equals(d.document().get("kind"))) {
                    queue.addAll(targets(d, bounds, problems));
                }
            }
            if (seen.size() % 100 == 0) {
                progress.accept("read " + seen.size() + " files, " + descriptors.size() + " documents");
            }
        }
        progress.accept("read " + seen.size() + " files, " + descriptors.size() + " documents");
        return new Result(descriptors, problems, seen.size());
    }

    private String load(String location, Bounds bounds) throws IOException, InterruptedException {
        if (isHttpText(location)) {
            URI url = URI.create(location);
            check(url, bounds);
            return http.get(url);
        }
        Path path = Path.of(location);
        check(path, bounds);
        Path real = path.toRealPath();
        // The real path, links resolved, must stay inside too: a link in the folder may point anywhere.
        if (!real.startsWith(bounds.realFolder().orElseThrow()) || !isYamlName(real)) {
            throw new OutOfBounds("a link that leads outside " + bounds.folder().orElseThrow()
                    + " or to a file that is not .yaml or .yml; only those are read");
        }
        if (Files.size(real) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes; split it");
        }
        return Files.readString(real);
    }

    private static void check(URI url, Bounds bounds) throws OutOfBounds {
        if (!CatalogHttp.isHttp(url)) {
            throw new OutOfBounds("only http and https URLs are read");
        }
        if (!bounds.hosts().contains(CatalogHttp.host(url))) {
            throw new OutOfBounds("host " + CatalogHttp.host(url) + " is not allowed: an admin adds it to the "
                    + "allowed hosts on /admin/catalog");
        }
    }

    private static void check(Path path, Bounds bounds) throws OutOfBounds {
        if (bounds.folder().isEmpty()) {
            throw new OutOfBounds("a URL source reads only URLs, not files");
        }
        if (!path.toAbsolutePath().normalize().startsWith(bounds.folder().get())) {
            throw new OutOfBounds("outside " + bounds.folder().get() + "; only files in the registered folder are read");
        }
        if (!isYamlName(path)) {
            throw new OutOfBounds("not a .yaml or .yml file; only those are read");
        }
    }

    private static boolean isYamlName(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static boolean isHttpText(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** An exception's message without a stack or its cause's: a type name when it has no message. */
    private static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A place this source may not read. */
    private static final class OutOfBounds extends IOException {
        OutOfBounds(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unchecked")
    private static void parse(String file, String text, List<Descriptor> out, List<ImportProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        int index = 0;
        try {
            for (Object document : yaml.loadAll(text)) {
                if (document instanceof Map<?, ?> map) {
                    out.add(new Descriptor(file, index, (Map<String, Object>) plain(map)));
                } else if (document != null) {
                    problems.add(new ImportProblem(file, index, "", "not an entity: expected a mapping with apiVersion, "
                            + "kind, metadata and spec"));
                }
                index++;
            }
        } catch (YAMLException e) {
            problems.add(new ImportProblem(file, index, "", YamlErrorReason.of(e)));
        }
    }

    /** Dates become ISO strings and keys strings, so that every document stores as JSON unchanged. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DescriptorReader::plain).toList();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }

    private static List<String> targets(Descriptor location, Bounds bounds, List<ImportProblem> problems) {
        Object spec = location.document().get("spec");
        Map<String, String> targets = new LinkedHashMap<>();
        if (spec instanceof Map<?, ?> s) {
            if (s.get("target") instanceof String t) {
                targets.put("spec.target", t);
            }
            if (s.get("targets") instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    targets.put("spec.targets[" + i + "]", String.valueOf(list.get(i)));
                }
            }
        }
        List<String> resolved = new ArrayList<>();
        targets.forEach((field, target) -> {
            try {
                resolved.add(resolve(location.file(), target, bounds));
            } catch (OutOfBounds e) {
                // The target is not quoted: it is the file's text, and the field names where it is.
                problems.add(new ImportProblem(location.file(), location.index(), field, "cannot be followed: "
                        + e.getMessage()));
            }
        });
        return resolved;
    }

    private static String resolve(String base, String target, Bounds bounds) throws OutOfBounds {
        String trimmed = target.trim();
        URI uri;
        if (isHttpText(trimmed)) {
            uri = parse(trimmed);
        } else if (SCHEME.matcher(trimmed).matches()) {
            throw new OutOfBounds("only http and https URLs and relative paths are followed");
        } else if (isHttpText(base)) {
            uri = URI.create(base).resolve(parse(trimmed));
        } else {
            Path path;
            try {
                path = Path.of(base).getParent().resolve(trimmed).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new OutOfBounds("not a valid path");
            }
            check(path, bounds);
            return path.toString();
        }
        check(uri, bounds);
        return uri.toString();
    }

    private static URI parse(String text) throws OutOfBounds {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new OutOfBounds("not a valid URL");
        }
    }
}
