package dev.vitals.api;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * A tab a plugin adds to every service page ({@code /services/{key}}).
 *
 * @param id a short id, unique within the plugin, used in the tab's URL
 * @param title the tab's label
 * @param renderer renders the tab's content for one service
 * @since 1.0.0
 */
public record ServiceTab(String id, String title, Renderer renderer) {

    /** Renders a service tab. */
    @FunctionalInterface
    public interface Renderer {
        /**
         * @param ctx the request
         * @param service the service the page shows (an {@link EntityRef} since 2.0.0)
         * @return the tab's content, wrapped by the host
         * @throws Exception recorded against the plugin and shown in place of the tab
         * @since 2.0.0
         */
        Content render(Context ctx, EntityRef service) throws Exception;
    }
}
