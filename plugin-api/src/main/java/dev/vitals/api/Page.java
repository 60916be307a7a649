package dev.vitals.api;

import gg.jte.Content;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * What a plugin page renders: a title and the body, which the host wraps in the portal's layout (header,
 * navigation, one look).
 *
 * @param title the page title, shown in the browser tab and as the heading
 * @param body the page's content, usually a precompiled jte template of the plugin
 * @since 1.0.0
 */
public record Page(String title, Content body) {

    /**
     * Answers a form submission with {@code 303 See Other}, so that the browser follows with a GET and reloading the
     * result does not submit the form again (Post/Redirect/Get). The host sends no layout for a redirect.
     *
     * @param ctx the request of a {@link PageRoute#form} route
     * @param location where to go, e.g. {@code /p/slo/slos/checkout-availability}
     * @return the page for the renderer to return
     * @since 1.1.0
     */
    public static Page seeOther(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
        return new Page("See other", output -> {
        });
    }
}
