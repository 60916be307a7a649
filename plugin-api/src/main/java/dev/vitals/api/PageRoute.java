package dev.vitals.api;

import io.javalin.http.Context;
import java.util.Objects;

/**
 * An HTML page of a plugin, mounted at {@code /p/<pluginId><path>}: a GET page, or a POST route that takes a form
 * submitted from one of the plugin's pages ({@link #form}).
 *
 * <p>A form route is guarded like every other change: the host checks the declared role (editor by default), that an
 * API token carries {@code <pluginId>:write}, and that a browser session's request comes from the portal's own pages.
 * For the last check the form must carry the session's form token in a hidden field named
 * {@link RequestCaller#FORM_TOKEN_FIELD} with the value of {@link RequestCaller#formToken()}. The renderer answers
 * either with {@link Page#seeOther} (Post/Redirect/Get, on success) or with a page the host wraps in the layout as for
 * GET, typically the form again with its errors after {@code ctx.status(422)}.
 *
 * @param method {@link HttpMethod#GET} for a page, {@link HttpMethod#POST} for a form submission
 * @param path the path below the plugin's prefix, starting with {@code /}
 * @param role the least role a caller needs
 * @param renderer renders the page for one request
 * @since 1.0.0
 */
public record PageRoute(HttpMethod method, String path, Role role, Renderer renderer) {

    /**
     * Checks the path's form.
     *
     * @since 1.1.0
     */
    public PageRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(renderer, "renderer");
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            throw new IllegalArgumentException("a page is read with GET or submitted with POST, not " + method);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("page path must start with '/': " + path);
        }
    }

    /**
     * A GET page.
     *
     * @param path the path below the plugin's prefix
     * @param role the least role a caller needs
     * @param renderer renders the page
     */
    public PageRoute(String path, Role role, Renderer renderer) {
        this(HttpMethod.GET, path, role, renderer);
    }

    /** A page every viewer may open. @param path below the plugin prefix @param renderer the code @return the route */
    public static PageRoute of(String path, Renderer renderer) {
        return new PageRoute(HttpMethod.GET, path, Role.VIEWER, renderer);
    }

    /**
     * A POST route for an HTML form, for editors; decide finer rights (which team's editor) in the renderer with
     * {@link RequestCaller#requireEditorOf}.
     *
     * @param path below the plugin prefix, usually the path of the GET page that shows the form
     * @param renderer takes the submitted form ({@code ctx.formParam}) and answers
     * @return the route
     * @since 1.1.0
     */
    public static PageRoute form(String path, Renderer renderer) {
        return new PageRoute(HttpMethod.POST, path, Role.EDITOR, renderer);
    }

    /**
     * The same route with another required role.
     *
     * @param required the role
     * @return a copy
     * @since 1.1.0
     */
    public PageRoute requiring(Role required) {
        return new PageRoute(method, path, required, renderer);
    }

    /** Renders a page for one request. */
    @FunctionalInterface
    public interface Renderer {
        /**
         * @param ctx the request
         * @return the page to wrap in the layout, or {@link Page#seeOther} to send the browser on
         * @throws Exception recorded against the plugin and shown as an error page
         */
        Page render(Context ctx) throws Exception;
    }
}
