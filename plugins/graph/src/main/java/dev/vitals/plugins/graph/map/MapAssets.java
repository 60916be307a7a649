package dev.vitals.plugins.graph.map;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RouteDoc;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The scripts the map pages load, served from the plugin's own jar: the portal serves no plugin's files, and the page
 * policy allows scripts from the portal's origin only. ECharts comes from its webjar (copied into the jar by the
 * build), the map script from {@code public/graph/}. Paths carry the version, so browsers may keep them.
 */
public final class MapAssets {

    /** The ECharts release the build bundles: the pom's {@code echarts.version}. */
    public static final String ECHARTS_VERSION = "5.3.1";
    /** The file name ECharts is served under. */
    public static final String ECHARTS = "echarts-" + ECHARTS_VERSION + ".min.js";
    /** The file name of the script that draws the maps. */
    public static final String MAP_SCRIPT = "graph-map.js";

    private static final Map<String, String> FILES = Map.of(
            ECHARTS, "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js",
            MAP_SCRIPT, "/public/graph/graph-map.js");

    /** @return the route serving the scripts */
    public ApiRoute route() {
        return ApiRoute.get("/assets/{file}", this::serve)
                .doc(RouteDoc.of("Serve the scripts the dependency map pages load")
                        .description("The files are " + ECHARTS + " (ECharts, Apache License 2.0) and "
                                + MAP_SCRIPT + "; the pages load them, nothing else needs to.")
                        .returns(200, RouteDoc.Body.text("text/javascript", "\"use strict\";\n")));
    }

    private void serve(Context ctx) {
        String file = ctx.pathParam("file");
        String resource = FILES.get(file);
        if (resource == null) {
            throw new ProblemException(404, "the map serves no file " + file,
                    List.of(new FieldError("file", "must be " + ECHARTS + " or " + MAP_SCRIPT)));
        }
        try (InputStream in = MapAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the plugin's jar");
            }
            ctx.header("Cache-Control", file.equals(ECHARTS) ? "private, max-age=31536000, immutable"
                    : "private, max-age=300");
            ctx.contentType("text/javascript; charset=utf-8").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
