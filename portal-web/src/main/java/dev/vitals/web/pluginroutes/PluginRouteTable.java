package dev.vitals.web.pluginroutes;

import dev.vitals.api.HttpMethod;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.http.Handler;
import io.javalin.router.matcher.PathParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes one running plugin serves, each parsed once with Javalin's own path parser, and matched in the order
 * the plugin declared them. A running plugin keeps its table until it stops; the next start builds a new one, so a
 * plugin may serve other routes after it is enabled again.
 */
final class PluginRouteTable {

    /**
     * One route.
     *
     * @param rule who may call it, as {@code /api/admin/plugins} and the route table test list it
     * @param parser its full path, parsed
     * @param handler checks the rule, then answers inside the plugin's guard; takes the request with the route's
     *     path parameters
     */
    record Route(GuardedRoutes.Rule rule, PathParser parser, Handler handler) {
    }

    /**
     * A request that found its route.
     *
     * @param route the route
     * @param pathParams its parameters, decoded as Javalin decodes them
     */
    record Match(Route route, Map<String, String> pathParams) {
    }

    private final List<Route> routes;

    PluginRouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * The first route declared for this method whose path matches. A path served only with another method finds
     * nothing, as the portal's own routes answer 404 rather than 405.
     *
     * @param path the request path as sent, still encoded: parameters are decoded once, here
     */
    Optional<Match> match(HttpMethod method, String path) {
        for (Route route : routes) {
            if (route.rule().method() == method && route.parser().matches(path)) {
                return Optional.of(new Match(route, route.parser().extractPathParams(path)));
            }
        }
        return Optional.empty();
    }

    List<GuardedRoutes.Rule> rules() {
        return routes.stream().map(Route::rule).toList();
    }
}
