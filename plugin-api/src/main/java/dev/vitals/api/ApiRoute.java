package dev.vitals.api;

import io.javalin.http.Handler;
import java.util.Objects;

/**
 * A JSON API route of a plugin, mounted at {@code /api/<pluginId><path>}. Path parameters use Javalin's syntax
 * ({@code /slos/{name}}) and are read with {@code ctx.pathParam}. Errors thrown as Javalin
 * {@code HttpResponseException}s become {@code application/problem+json} responses.
 *
 * @param method the HTTP method
 * @param path the path below the plugin's prefix, starting with {@code /}
 * @param role the least role a caller needs
 * @param handler the code that answers
 */
public record ApiRoute(HttpMethod method, String path, Role role, Handler handler) {

    /** Checks the path's form, so a mistake surfaces when the plugin is discovered rather than on the first request. */
    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(handler, "handler");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
    }

    /** A GET route open to every viewer. @param path below the plugin prefix @param handler the code @return the route */
    public static ApiRoute get(String path, Handler handler) {
        return new ApiRoute(HttpMethod.GET, path, Role.VIEWER, handler);
    }

    /** A POST route for editors. @param path below the plugin prefix @param handler the code @return the route */
    public static ApiRoute post(String path, Handler handler) {
        return new ApiRoute(HttpMethod.POST, path, Role.EDITOR, handler);
    }

    /** A PUT route for editors. @param path below the plugin prefix @param handler the code @return the route */
    public static ApiRoute put(String path, Handler handler) {
        return new ApiRoute(HttpMethod.PUT, path, Role.EDITOR, handler);
    }

    /** A DELETE route for editors. @param path below the plugin prefix @param handler the code @return the route */
    public static ApiRoute delete(String path, Handler handler) {
        return new ApiRoute(HttpMethod.DELETE, path, Role.EDITOR, handler);
    }

    /** The same route with another required role. @param required the role @return a copy */
    public ApiRoute requiring(Role required) {
        return new ApiRoute(method, path, required, handler);
    }
}
