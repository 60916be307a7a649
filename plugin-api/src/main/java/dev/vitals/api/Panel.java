package dev.vitals.api;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * A panel a plugin adds to team pages ({@code /teams/{key}}) or program pages ({@code /programs/{key}}).
 *
 * @param id a short id, unique within the plugin
 * @param title the panel's heading
 * @param renderer renders the panel for one team or program
 * @since 1.0.0
 */
public record Panel(String id, String title, Renderer renderer) {

    /** Renders a panel. */
    @FunctionalInterface
    public interface Renderer {
        /**
         * @param ctx the request
         * @param entity the team or program, e.g. {@code group:default/team-a} (an {@link EntityRef} since 2.0.0)
         * @return the panel's content, wrapped by the host
         * @throws Exception recorded against the plugin and shown in place of the panel
         * @since 2.0.0
         */
        Content render(Context ctx, EntityRef entity) throws Exception;
    }
}
