package dev.vitals.plugins.graph.pages;

import dev.vitals.plugins.graph.map.MapJson;
import io.javalin.http.Context;

/**
 * A small drawing's answer written into the page as a JSON block, which the map script reads as data and never runs.
 * {@code <}, {@code >} and {@code &} are escaped so the block cannot be ended early by a name in the catalog.
 *
 * @param id the id of the JSON block
 * @param json the answer, escaped for a script block
 * @param label what a screen reader hears for the drawing, pointing at the list beside it
 */
public record Drawing(String id, String json, String label) {

    /**
     * @param ctx the request, whose JSON writer the portal configured
     * @param id the id of the JSON block, unique on the page
     * @param map the drawing's answer
     * @param label what a screen reader hears for the drawing
     * @return the drawing
     */
    static Drawing of(Context ctx, String id, MapJson map, String label) {
        String json = ctx.jsonMapper().toJsonString(map, MapJson.class)
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        return new Drawing(id, json, label);
    }
}
