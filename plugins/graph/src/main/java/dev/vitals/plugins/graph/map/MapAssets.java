package dev.vitals.plugins.graph.map;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.ui.PluginAssets;

/**
 * The scripts the map pages load, served from the plugin's own jar through the UI kit's {@link PluginAssets}: the
 * portal serves no plugin's files, and the page policy allows scripts from the portal's origin only. ECharts comes
 * from its webjar (copied into the jar by the build), the map script from {@code public/graph/}.
 */
public final class MapAssets {

    /** The ECharts release the build bundles: the pom's {@code echarts.version}. */
    public static final String ECHARTS_VERSION = "5.3.1";
    /** The file name ECharts is served under. */
    public static final String ECHARTS = "echarts-" + ECHARTS_VERSION + ".min.js";
    /** The file name of the script that draws the maps. */
    public static final String MAP_SCRIPT = "graph-map.js";

    private static final PluginAssets FILES = PluginAssets.of(MapAssets.class)
            .versioned(ECHARTS, "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js")
            .file(MAP_SCRIPT, "/public/graph/graph-map.js");

    /** @return the route serving the scripts */
    public ApiRoute route() {
        return FILES.route("Serve the scripts the dependency map pages load (ECharts, Apache License 2.0, and the "
                + "map script)");
    }
}
