package dev.vitals.api.ui;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RouteDoc;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The scripts and stylesheets a plugin's pages load, served from the plugin's own jar by one API route. The portal
 * serves no plugin's files, and its page policy allows scripts and styles from the portal's origin only, so a page
 * that needs a script loads it from {@code /api/<id>/assets/<file>}. Only the files named here are served, each
 * with the content type its extension says; a file whose name carries a version is cached for a year, any other for
 * five minutes.
 *
 * <pre>{@code
 * private static final PluginAssets ASSETS = PluginAssets.of(BacklogPages.class)
 *         .file("backlog-drag.js", "/public/priorities/backlog-drag.js")
 *         .versioned("echarts-5.3.1.min.js", "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js");
 *
 * ApiRoute route = ASSETS.route("Serve the scripts the backlog pages load");   // GET /assets/{file}
 * String src = context.urls().api("/assets/{file}", "backlog-drag.js");       // in the page's <script src>
 * }</pre>
 *
 * @since 2.1.0
 */
public final class PluginAssets {

    /** The path of the route, under the plugin's {@code /api/<id>}. @since 2.1.0 */
    public static final String PATH = "/assets/{file}";

    private static final String YEAR = "private, max-age=31536000, immutable";
    private static final String MINUTES = "private, max-age=300";

    private record Asset(String resource, String cacheControl) {
    }

    private final Class<?> anchor;
    private final Map<String, Asset> files;

    private PluginAssets(Class<?> anchor, Map<String, Asset> files) {
        this.anchor = anchor;
        this.files = files;
    }

    /**
     * @param anchor a class of the plugin: the files are read through its class loader, from the plugin's jar
     * @return assets serving nothing yet
     * @since 2.1.0
     */
    public static PluginAssets of(Class<?> anchor) {
        return new PluginAssets(Objects.requireNonNull(anchor, "anchor"), Map.of());
    }

    /**
     * A file that may change from one release of the plugin to the next under the same name: browsers keep it for
     * five minutes.
     *
     * @param name the name it is served under, e.g. {@code graph-map.js}
     * @param resource where it is on the plugin's class path, absolute, e.g. {@code /public/graph/graph-map.js}
     * @return a copy serving that file too
     * @since 2.1.0
     */
    public PluginAssets file(String name, String resource) {
        return with(name, resource, MINUTES);
    }

    /**
     * A file whose name changes with its content, such as a library's with its version: browsers keep it a year.
     *
     * @param name the name it is served under, carrying the version, e.g. {@code echarts-5.3.1.min.js}
     * @param resource where it is on the plugin's class path, absolute
     * @return a copy serving that file too
     * @since 2.1.0
     */
    public PluginAssets versioned(String name, String resource) {
        return with(name, resource, YEAR);
    }

    private PluginAssets with(String name, String resource, String cacheControl) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resource, "resource");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || contentType(name) == null) {
            throw new IllegalArgumentException("an asset's name is one path segment ending in .js, .mjs, .css, "
                    + ".json, .svg or .map, got '" + name + "'");
        }
        if (!resource.startsWith("/")) {
            throw new IllegalArgumentException("a resource is an absolute class path, got '" + resource + "'");
        }
        Map<String, Asset> all = new LinkedHashMap<>(files);
        all.put(name, new Asset(resource, cacheControl));
        return new PluginAssets(anchor, Map.copyOf(all));
    }

    /**
     * @param summary what the files are for, e.g. {@code Serve the scripts the dependency map pages load}
     * @return the route {@code GET /assets/{file}} (any viewer) serving the named files, 404 naming {@code file}
     *     for any other
     * @since 2.1.0
     */
    public ApiRoute route(String summary) {
        String names = String.join(", ", files.keySet().stream().sorted().toList());
        return ApiRoute.get(PATH, this::serve)
                .doc(RouteDoc.of(summary)
                        .description("The files are " + names + "; the pages load them, nothing else needs to.")
                        .returns(200, RouteDoc.Body.text("text/javascript", "\"use strict\";\n")));
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("file");
        Asset asset = files.get(name);
        if (asset == null) {
            throw new ProblemException(404, "no file " + name + " is served here",
                    List.of(new FieldError("file", "must be one of " + String.join(", ",
                            files.keySet().stream().sorted().toList()))));
        }
        try (InputStream in = anchor.getResourceAsStream(asset.resource())) {
            if (in == null) {
                throw new IllegalStateException(asset.resource() + " is missing from the plugin's jar");
            }
            ctx.header("Cache-Control", asset.cacheControl());
            ctx.contentType(contentType(name)).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json", "map" -> "application/json";
            case "svg" -> "image/svg+xml";
            default -> null;
        };
    }
}
