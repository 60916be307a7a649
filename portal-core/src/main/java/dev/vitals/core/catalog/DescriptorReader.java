package dev.vitals.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
 * <p>Parsing is defensive: no custom tags (SnakeYAML's safe constructor), few aliases (a billion-laughs document is
 * refused instead of expanded), bounded nesting, and a size limit per file.
 */
public final class DescriptorReader {

    /** The largest file accepted. A 10,000-service catalog in one file is about 4 MiB. */
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 64;
    private static final int MAX_FILES = 50_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /**
     * What was read.
     *
     * @param descriptors every non-empty YAML document, in reading order
     * @param problems files or documents that could not be read
     * @param files how many files were read
     */
    public record Result(List<Descriptor> descriptors, List<ImportProblem> problems, int files) {
    }

    /** Reads a file, or every {@code .yaml}/{@code .yml} file below a folder, following Locations. */
    public Result read(Path start, Consumer<String> progress) {
        Deque<String> queue = new ArrayDeque<>();
        if (Files.isDirectory(start)) {
            try (Stream<Path> files = Files.walk(start)) {
                files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .sorted()
                        .forEach(p -> queue.add(p.toAbsolutePath().normalize().toString()));
            } catch (IOException e) {
                return new Result(List.of(), List.of(new ImportProblem(start.toString(), -1, "", "cannot list: " + e)), 0);
            }
        } else {
            queue.add(start.toAbsolutePath().normalize().toString());
        }
        return drain(queue, progress);
    }

    /** Reads one URL, following Locations relative to it. */
    public Result read(URI url, Consumer<String> progress) {
        Deque<String> queue = new ArrayDeque<>();
        queue.add(url.toString());
        return drain(queue, progress);
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

    private Result drain(Deque<String> queue, Consumer<String> progress) {
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
                text = load(location);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new ImportProblem(location, -1, "", "cannot read: " + e.getMessage()));
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
                    queue.addAll(targets(d, problems));
                }
            }
            if (seen.size() % 100 == 0) {
                progress.accept("read " + seen.size() + " files, " + descriptors.size() + " documents");
            }
        }
        progress.accept("read " + seen.size() + " files, " + descriptors.size() + " documents");
        return new Result(descriptors, problems, seen.size());
    }

    private String load(String location) throws IOException, InterruptedException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(location))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw new IOException("larger than " + MAX_FILE_BYTES + " bytes; split it");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        Path path = Path.of(location);
        if (Files.size(path) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes; split it");
        }
        return Files.readString(path);
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
            problems.add(new ImportProblem(file, index, "", "not valid YAML: " + firstLine(e.getMessage())));
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

    private static List<String> targets(Descriptor location, List<ImportProblem> problems) {
        Object spec = location.document().get("spec");
        List<String> targets = new ArrayList<>();
        if (spec instanceof Map<?, ?> s) {
            if (s.get("target") instanceof String t) {
                targets.add(t);
            }
            if (s.get("targets") instanceof List<?> list) {
                list.forEach(t -> targets.add(String.valueOf(t)));
            }
        }
        List<String> resolved = new ArrayList<>();
        for (String target : targets) {
            try {
                resolved.add(resolve(location.file(), target));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(location.file(), location.index(), "spec.targets",
                        "cannot follow target '" + target + "': " + e.getMessage()));
            }
        }
        return resolved;
    }

    static String resolve(String base, String target) {
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return target;
        }
        if (base.startsWith("http://") || base.startsWith("https://")) {
            return URI.create(base).resolve(target).toString();
        }
        return Path.of(base).getParent().resolve(target).normalize().toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }
}
