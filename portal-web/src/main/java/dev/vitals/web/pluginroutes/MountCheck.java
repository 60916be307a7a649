package dev.vitals.web.pluginroutes;

import dev.vitals.api.HttpMethod;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.config.RouterConfig;
import io.javalin.router.matcher.PathParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a plugin's routes each time it starts, before any is served: a path Javalin cannot parse, a method and path
 * declared twice, or a plugin id whose URL space the portal uses itself fails that plugin's start and nothing else.
 *
 * <p>Two routes clash when they have the same method and the same path once parameter names are set aside
 * ({@code /items/{id}} and {@code /items/{key}}): only the first would ever answer, so the second is a mistake.
 * Plugins cannot clash with each other: each one's routes live below its own {@code /api/<id>} and {@code /p/<id>}.
 */
final class MountCheck {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]*}|<[^/<>]*>");
    private static final Pattern PLUGIN_SPACE = Pattern.compile("/(api|p)/([^/{}<>]+)(/.*)?");
    private final RouterConfig router;
    private final Map<String, String> reserved = new LinkedHashMap<>();

    /** A route a plugin asks for: @param method the method @param path the full path @param what how to name it */
    record Planned(HttpMethod method, String path, String what) {
    }

    /**
     * @param hostRules the portal's own routes: a plugin whose id names a prefix among them is refused whole, which
     *     also keeps every one of its routes off theirs
     * @param router the router settings the portal serves with, so paths parse here as they match there
     */
    MountCheck(List<GuardedRoutes.Rule> hostRules, RouterConfig router) {
        this.router = router;
        for (GuardedRoutes.Rule rule : hostRules) {
            Matcher space = PLUGIN_SPACE.matcher(rule.path());
            if (space.matches()) {
                reserved.putIfAbsent(space.group(2), "/" + space.group(1) + "/" + space.group(2));
            }
        }
    }

    /**
     * Whether the portal uses this id's URL space, {@code /api/<id>} or {@code /p/<id>}, for its own routes, as
     * {@code /api/signals} takes id {@code signals}.
     *
     * @return why a plugin with this id cannot serve, or empty when it can
     */
    Optional<String> reservation(String pluginId) {
        return Optional.ofNullable(reserved.get(pluginId)).map(prefix -> "plugin id '" + pluginId
                + "' is taken: the portal serves " + prefix + " itself");
    }

    /** @return why the plugin's routes cannot be served, naming each route at fault; empty when all of them can */
    Optional<String> refusal(String pluginId, List<Planned> routes) {
        Optional<String> taken = reservation(pluginId);
        if (taken.isPresent()) {
            return taken;
        }
        Map<String, String> own = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Planned route : routes) {
            try {
                new PathParser(route.path(), router);
            } catch (IllegalArgumentException e) {
                problems.add(route.what() + " is not a valid path: " + e.getMessage());
                continue;
            }
            String key = key(route.method(), route.path());
            String before = own.putIfAbsent(key, route.what());
            if (before != null) {
                problems.add(route.what() + " is declared twice (also as " + before + ")");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static String key(HttpMethod method, String path) {
        String shape = PARAMETER.matcher(path).replaceAll("{}");
        if (shape.length() > 1 && shape.endsWith("/")) {
            shape = shape.substring(0, shape.length() - 1);
        }
        return method + " " + shape;
    }
}
