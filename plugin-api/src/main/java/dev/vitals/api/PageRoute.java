package dev.vitals.api;

import io.javalin.http.Context;
import java.util.Objects;

/**
 * An HTML page of a plugin, mounted at {@code /p/<pluginId><path>}.
 *
 * @param path the path below the plugin's prefix, starting with {@code /}
 * @param role the least role a caller needs
 * @param renderer renders the page for one request
 */
public record PageRoute(String path, Role role, Renderer renderer) {

    /** Checks the path's form. */
    public PageRoute {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(renderer, "renderer");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("page path must start with '/': " + path);
        }
    }

    /** A page every viewer may open. @param path below the plugin prefix @param renderer the code @return the route */
    public static PageRoute of(String path, Renderer renderer) {
        return new PageRoute(path, Role.VIEWER, renderer);
    }

    /** Renders a page for one request. */
    @FunctionalInterface
    public interface Renderer {
        /**
         * @param ctx the request
         * @return the page to wrap in the layout
         * @throws Exception recorded against the plugin and shown as an error page
         */
        Page render(Context ctx) throws Exception;
    }
}
