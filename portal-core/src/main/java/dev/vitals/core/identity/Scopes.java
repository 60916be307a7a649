package dev.vitals.core.identity;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The names of what a token may do. The host's own are below; each plugin adds {@code <id>:read} and
 * {@code <id>:write}, which its routes need unless they name another, plus any it declares.
 */
public final class Scopes {

    /** Administration: plugins, roles, every token, the audit log. */
    public static final String ADMIN = "admin";
    public static final String CATALOG_READ = "catalog:read";
    public static final String CATALOG_WRITE = "catalog:write";
    public static final Set<String> HOST = Set.of(ADMIN, CATALOG_READ, CATALOG_WRITE);

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9_-]*(:[a-z][a-z0-9_-]*)?");

    private Scopes() {
    }

    public static boolean wellFormed(String scope) {
        return scope != null && FORM.matcher(scope).matches();
    }

    /** The scope a token needs for a plugin route: the one it names, else read for GET and write for the rest. */
    public static String required(String pluginId, ApiRoute route) {
        return route.scope().orElse(pluginId + (route.method() == HttpMethod.GET ? ":read" : ":write"));
    }

    /** Every scope a plugin brings: its defaults, those it declares and those its routes name. */
    public static Set<String> ofPlugin(String pluginId, List<String> declared, List<ApiRoute> routes) {
        Set<String> scopes = new TreeSet<>(declared);
        scopes.add(pluginId + ":read");
        scopes.add(pluginId + ":write");
        routes.forEach(route -> scopes.add(required(pluginId, route)));
        return scopes;
    }
}
