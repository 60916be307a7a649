package dev.vitals.plugins.priorities.pages;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.ui.PluginAssets;

/** The script and stylesheet of the backlog tree's drag to reorder, served from the plugin's jar. */
public final class BacklogAssets {

    /** The script that drags, moves by keyboard and asks why. */
    public static final String SCRIPT = "backlog-drag.js";
    /** Its looks: what is dragged and where it would land. */
    public static final String STYLES = "backlog.css";

    private static final PluginAssets FILES = PluginAssets.of(BacklogAssets.class)
            .file(SCRIPT, "/public/priorities/backlog-drag.js")
            .file(STYLES, "/public/priorities/backlog.css");

    private BacklogAssets() {
    }

    /** @return the route serving them */
    public static ApiRoute route() {
        return FILES.route("Serve the script and stylesheet of the backlog tree's drag to reorder");
    }
}
