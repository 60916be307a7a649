package dev.vitals.web.pluginroutes;

import dev.vitals.api.HttpMethod;
import dev.vitals.web.security.GuardedRoutes;
import io.javalin.config.RouterConfig;
import io.javalin.router.matcher.PathParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one plugin's routes before any is mounted: Javalin refuses a path it cannot parse, or a method and path
 * mounted twice, by throwing while the whole portal starts. Found here, such a mistake fails only its plugin.
 *
 * <p>Two routes clash when they have the same method and the same path once parameter names are set aside
 * ({@code /items/{id}} and {@code /items/{key}}): Javalin would serve only the first, so the second is a mistake too.
 */
final class MountCheck {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]*}|<[^/<>]*>");
    private final RouterConfig router = new RouterConfig();
    private final Map<String, String> taken = new HashMap<>();

    /** A route a plugin asks for: @param method the method @param path the full path @param what how to name it */
    record Planned(HttpMethod method, String path, String what) {
    }

    /** Every route of the table so far, the host's and those of plugins already mounted. */
    MountCheck(List<GuardedRoutes.Rule> mounted) {
        mounted.forEach(rule -> taken.put(key(rule.method(), rule.path()), "the portal's " + rule.method() + " "
                + rule.path()));
    }

    /**
     * @return why the plugin's routes cannot be mounted, naming the route; empty when all of them can, in which case
     *     they now count as taken
     */
    Optional<String> admit(String pluginId, List<Planned> routes) {
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
            } else if (taken.containsKey(key)) {
                problems.add(route.what() + " clashes with " + taken.get(key));
            }
        }
        if (!problems.isEmpty()) {
            return Optional.of(String.join("; ", problems));
        }
        own.forEach((key, what) -> taken.put(key, "plugin " + pluginId + "'s " + what));
        return Optional.empty();
    }

    private static String key(HttpMethod method, String path) {
        String shape = PARAMETER.matcher(path).replaceAll("{}");
        if (shape.length() > 1 && shape.endsWith("/")) {
            shape = shape.substring(0, shape.length() - 1);
        }
        return method + " " + shape;
    }
}
