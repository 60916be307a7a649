package dev.vitals.api;

import io.javalin.http.Handler;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JSON API route of a plugin, mounted at {@code /api/<pluginId><path>}. Path parameters use Javalin's syntax
 * ({@code /slos/{name}}) and are read with {@code ctx.pathParam}. Errors thrown as Javalin
 * {@code HttpResponseException}s become {@code application/problem+json} responses.
 *
 * <p>The host checks the caller before the handler runs: signed in, holding {@code role}, and, when the caller is an
 * API token, carrying {@code scope}. A route that names no scope needs {@code <pluginId>:read} for GET and
 * {@code <pluginId>:write} otherwise.
 *
 * @param method the HTTP method
 * @param path the path below the plugin's prefix, starting with {@code /}
 * @param role the least role a caller needs
 * @param handler the code that answers
 * @param scope the scope an API token needs, e.g. {@code deploys:ingest}; declare it in
 *     {@link VitalsPlugin#scopes()} too so that admins can grant it
 * @param doc what the portal's API description says about the route beyond the above (since 2.1.0)
 * @since 1.0.0
 */
public record ApiRoute(HttpMethod method, String path, Role role, Handler handler, Optional<String> scope,
        RouteDoc doc) {

    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9_-]*(:[a-z][a-z0-9_-]*)?");

    /** Checks the path's form, so a mistake surfaces when the plugin is discovered rather than on the first request. */
    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(doc, "doc");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        scope.ifPresent(s -> {
            if (!SCOPE.matcher(s).matches()) {
                throw new IllegalArgumentException("scope must look like 'name' or 'name:action' in lower case: " + s);
            }
        });
    }

    /**
     * A route not described beyond what it declares.
     *
     * @param method the HTTP method
     * @param path the path below the plugin's prefix
     * @param role the least role a caller needs
     * @param handler the code that answers
     * @param scope the scope an API token needs
     */
    public ApiRoute(HttpMethod method, String path, Role role, Handler handler, Optional<String> scope) {
        this(method, path, role, handler, scope, RouteDoc.NONE);
    }

    /**
     * A route whose tokens need the plugin's default scope.
     *
     * @param method the HTTP method
     * @param path the path below the plugin's prefix
     * @param role the least role a caller needs
     * @param handler the code that answers
     */
    public ApiRoute(HttpMethod method, String path, Role role, Handler handler) {
        this(method, path, role, handler, Optional.empty(), RouteDoc.NONE);
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
        return new ApiRoute(method, path, required, handler, scope, doc);
    }

    /** The same route needing another token scope. @param required the scope @return a copy */
    public ApiRoute scoped(String required) {
        return new ApiRoute(method, path, role, handler, Optional.of(required), doc);
    }

    /**
     * The same route described for the API description.
     *
     * @param description summary, parameters, bodies and examples
     * @return a copy
     * @since 2.1.0
     */
    public ApiRoute doc(RouteDoc description) {
        return new ApiRoute(method, path, role, handler, scope, description);
    }
}
