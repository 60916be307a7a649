package dev.vitals.core.config;

import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.database.DatabaseTimeouts;
import dev.vitals.core.identity.AddressRange;
import dev.vitals.core.identity.IdentitySettings;
import dev.vitals.core.identity.SignInMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The portal's configuration, read from {@code VITALS_*} environment variables. Every value is checked here, so a
 * typo stops start-up with a message naming the variable instead of surfacing later as odd behaviour.
 *
 * @param port HTTP port ({@code VITALS_PORT}, default 8080)
 * @param dataDir where the embedded database and generated secrets live ({@code VITALS_DATA_DIR})
 * @param database an external PostgreSQL ({@code VITALS_DB_URL/_USER/_PASSWORD}); empty means embedded
 * @param databaseTimeouts how long to wait on the database ({@code VITALS_DB_*_TIMEOUT_SECONDS}), in either mode
 * @param allowedPlugins the plugin ids this deployment may run ({@code VITALS_PLUGINS}); empty means all
 * @param pluginsDir where plugin jars (or, in development, plugin modules) are ({@code VITALS_PLUGINS_DIR})
 * @param adminToken the bootstrap admin's token ({@code VITALS_ADMIN_TOKEN}); empty means generate one
 * @param demo seed demo data ({@code VITALS_DEMO})
 * @param orgTimeZone the zone for day/week/month buckets ({@code VITALS_TIMEZONE}, default UTC)
 * @param maxRequestBytes the largest request body accepted ({@code VITALS_MAX_REQUEST_BYTES}, default 10 MiB)
 * @param identity how people sign in ({@code VITALS_AUTH}, {@code VITALS_OIDC_*}, {@code VITALS_PROXY_*}, …)
 * @param jobTakeover how soon another instance takes over a job run whose instance died
 *     ({@code VITALS_JOB_HEARTBEAT_SECONDS}, {@code VITALS_JOB_MISSED_HEARTBEATS})
 * @param environment every variable, for plugin configuration ({@code VITALS_<PLUGINID>_*})
 */
public record VitalsConfig(
        int port,
        Path dataDir,
        Optional<DatabaseSettings> database,
        DatabaseTimeouts databaseTimeouts,
        Optional<Set<String>> allowedPlugins,
        Optional<Path> pluginsDir,
        Optional<String> adminToken,
        boolean demo,
        ZoneId orgTimeZone,
        long maxRequestBytes,
        IdentitySettings identity,
        JobTakeover jobTakeover,
        Map<String, String> environment) {

    /** What a plugin id looks like: it names the plugin's schema, role, routes and jobs unquoted. */
    public static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    /** Host variables; anything else starting with {@code VITALS_} must belong to a plugin. */
    static final Set<String> HOST_VARIABLES = Set.of(
            "VITALS_PORT", "VITALS_DATA_DIR", "VITALS_DB_URL", "VITALS_DB_USER", "VITALS_DB_PASSWORD",
            "VITALS_DB_CONNECT_TIMEOUT_SECONDS", "VITALS_DB_SOCKET_TIMEOUT_SECONDS",
            "VITALS_DB_STATEMENT_TIMEOUT_SECONDS",
            "VITALS_PLUGINS", "VITALS_PLUGINS_DIR", "VITALS_ADMIN_TOKEN", "VITALS_DEMO", "VITALS_TIMEZONE",
            "VITALS_MAX_REQUEST_BYTES", "VITALS_AUTH", "VITALS_PUBLIC_URL", "VITALS_SESSION_HOURS",
            "VITALS_ADMIN_GROUPS", "VITALS_TEAM_GROUP_PREFIX",
            "VITALS_OIDC_ISSUER", "VITALS_OIDC_CLIENT_ID", "VITALS_OIDC_CLIENT_SECRET", "VITALS_OIDC_GROUPS_CLAIM",
            "VITALS_PROXY_ADDRESSES", "VITALS_PROXY_USER_HEADER", "VITALS_PROXY_EMAIL_HEADER",
            "VITALS_PROXY_GROUPS_HEADER", "VITALS_TRUSTED_PROXIES",
            "VITALS_JOB_HEARTBEAT_SECONDS", "VITALS_JOB_MISSED_HEARTBEATS",
            // read by the test fixture, harmless to the portal
            "VITALS_TEST_DB_URL", "VITALS_TEST_DB_USER", "VITALS_TEST_DB_PASSWORD");

    public static VitalsConfig fromEnvironment(Map<String, String> env) {
        int port = integer(env, "VITALS_PORT", 8080, 0, 65535);
        Path dataDir = Path.of(env.getOrDefault("VITALS_DATA_DIR", "vitals-data")).toAbsolutePath().normalize();
        return new VitalsConfig(
                port,
                dataDir,
                database(env),
                databaseTimeouts(env),
                allowedPlugins(env),
                Optional.ofNullable(blankToNull(env.get("VITALS_PLUGINS_DIR"))).map(p -> Path.of(p).toAbsolutePath()),
                Optional.ofNullable(blankToNull(env.get("VITALS_ADMIN_TOKEN"))).map(VitalsConfig::adminToken),
                bool(env, "VITALS_DEMO"),
                zone(env),
                integer(env, "VITALS_MAX_REQUEST_BYTES", 10 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                identity(env),
                jobTakeover(env),
                Map.copyOf(env));
    }

    /**
     * Refuses {@code VITALS_*} variables that neither the host nor a discovered plugin knows: a misspelt
     * {@code VITALS_PROT} would otherwise be silently ignored.
     */
    public void rejectUnknownVariables(Set<String> pluginIds) {
        List<String> unknown = environment.keySet().stream()
                .filter(k -> k.startsWith("VITALS_") && !HOST_VARIABLES.contains(k))
                .filter(k -> pluginIds.stream().noneMatch(id -> k.startsWith(pluginPrefix(id))))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown variable " + String.join(", ", unknown) + ": expected one of "
                    + HOST_VARIABLES.stream().filter(v -> !v.startsWith("VITALS_TEST_")).sorted().toList()
                    + " or VITALS_<PLUGINID>_* for a plugin in " + pluginIds.stream().sorted().toList());
        }
        allowedPlugins.ifPresent(allowed -> {
            List<String> missing = allowed.stream().filter(id -> !pluginIds.contains(id)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new ConfigException("VITALS_PLUGINS names " + missing + " but no such plugin was found; expected "
                        + "'all' or a comma list of " + pluginIds.stream().sorted().toList());
            }
        });
    }

    /** Whether this deployment may run the plugin at all. */
    public boolean allows(String pluginId) {
        return allowedPlugins.map(ids -> ids.contains(pluginId)).orElse(true);
    }

    /** The environment prefix of a plugin's own variables. */
    public static String pluginPrefix(String pluginId) {
        return "VITALS_" + pluginId.toUpperCase() + "_";
    }

    public VitalsConfig withPort(int newPort) {
        return new VitalsConfig(newPort, dataDir, database, databaseTimeouts, allowedPlugins, pluginsDir, adminToken,
                demo, orgTimeZone, maxRequestBytes, identity, jobTakeover, environment);
    }

    private static IdentitySettings identity(Map<String, String> env) {
        String rawMode = Optional.ofNullable(blankToNull(env.get("VITALS_AUTH"))).orElse("dev").trim();
        SignInMode mode = switch (rawMode.toLowerCase()) {
            case "dev" -> SignInMode.DEV;
            case "oidc" -> SignInMode.OIDC;
            case "proxy" -> SignInMode.PROXY;
            default -> throw new ConfigException("VITALS_AUTH", rawMode, "dev, oidc or proxy");
        };
        IdentitySettings.Proxy proxy = proxy(env, mode == SignInMode.PROXY);
        Optional<IdentitySettings.Oidc> oidc = mode == SignInMode.OIDC ? Optional.of(oidc(env)) : Optional.empty();
        Set<String> adminGroups = Arrays.stream(env.getOrDefault("VITALS_ADMIN_GROUPS", "vitals-admins").split(","))
                .map(String::trim).filter(g -> !g.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String teamPrefix = env.getOrDefault("VITALS_TEAM_GROUP_PREFIX", "team-").trim();
        Optional<URI> publicUrl = Optional.ofNullable(blankToNull(env.get("VITALS_PUBLIC_URL")))
                .map(raw -> httpUrl("VITALS_PUBLIC_URL", raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw));
        int sessionHours = integer(env, "VITALS_SESSION_HOURS", 12, 1, 24 * 30);
        return new IdentitySettings(mode, proxy, oidc, adminGroups, teamPrefix, publicUrl,
                Duration.ofHours(sessionHours), addressRanges(env, "VITALS_TRUSTED_PROXIES"));
    }

    private static IdentitySettings.Proxy proxy(Map<String, String> env, boolean required) {
        String raw = blankToNull(env.get("VITALS_PROXY_ADDRESSES"));
        if (raw == null) {
            if (required) {
                throw new ConfigException("VITALS_AUTH=proxy needs VITALS_PROXY_ADDRESSES: expected a comma list of the "
                        + "reverse proxy's addresses or CIDR blocks, e.g. 10.0.0.5,10.1.0.0/16");
            }
            return IdentitySettings.Proxy.DEFAULT;
        }
        List<AddressRange> ranges = addressRanges(env, "VITALS_PROXY_ADDRESSES");
        IdentitySettings.Proxy defaults = IdentitySettings.Proxy.DEFAULT;
        return new IdentitySettings.Proxy(header(env, "VITALS_PROXY_USER_HEADER", defaults.userHeader()),
                header(env, "VITALS_PROXY_EMAIL_HEADER", defaults.emailHeader()),
                header(env, "VITALS_PROXY_GROUPS_HEADER", defaults.groupsHeader()), List.copyOf(ranges));
    }

    /** A comma list of IP addresses or CIDR blocks; empty when the variable is not set. */
    private static List<AddressRange> addressRanges(Map<String, String> env, String name) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return List.of();
        }
        List<AddressRange> ranges = new java.util.ArrayList<>();
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            ranges.add(AddressRange.parse(part).orElseThrow(() -> new ConfigException(name, raw,
                    "a comma list of IP addresses or CIDR blocks, e.g. 10.0.0.5,10.1.0.0/16")));
        }
        return List.copyOf(ranges);
    }

    private static String header(Map<String, String> env, String name, String fallback) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return fallback;
        }
        if (!raw.trim().matches("[A-Za-z0-9-]+")) {
            throw new ConfigException(name, raw, "an HTTP header name such as " + fallback);
        }
        return raw.trim();
    }

    private static IdentitySettings.Oidc oidc(Map<String, String> env) {
        for (String name : List.of("VITALS_OIDC_ISSUER", "VITALS_OIDC_CLIENT_ID", "VITALS_OIDC_CLIENT_SECRET")) {
            if (blankToNull(env.get(name)) == null) {
                throw new ConfigException("VITALS_AUTH=oidc needs " + name + ": expected VITALS_OIDC_ISSUER=https://"
                        + "login.example.com/realms/x, VITALS_OIDC_CLIENT_ID and VITALS_OIDC_CLIENT_SECRET from the "
                        + "provider's client registration");
            }
        }
        String issuer = env.get("VITALS_OIDC_ISSUER").trim();
        return new IdentitySettings.Oidc(httpUrl("VITALS_OIDC_ISSUER", issuer), env.get("VITALS_OIDC_CLIENT_ID").trim(),
                env.get("VITALS_OIDC_CLIENT_SECRET"),
                Optional.ofNullable(blankToNull(env.get("VITALS_OIDC_GROUPS_CLAIM"))).orElse("groups").trim());
    }

    private static URI httpUrl(String name, String raw) {
        try {
            URI uri = new URI(raw.trim());
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(raw, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(name, raw, "an http(s) URL such as https://vitals.example.com");
        }
    }

    private static Optional<DatabaseSettings> database(Map<String, String> env) {
        String url = blankToNull(env.get("VITALS_DB_URL"));
        if (url == null) {
            for (String dependent : List.of("VITALS_DB_USER", "VITALS_DB_PASSWORD")) {
                if (blankToNull(env.get(dependent)) != null) {
                    throw new ConfigException(dependent + " is set but VITALS_DB_URL is not: expected VITALS_DB_URL="
                            + "jdbc:postgresql://host:5432/database alongside it");
                }
            }
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("VITALS_DB_URL", url, "jdbc:postgresql://host:port/database");
        }
        try {
            URI.create(url.substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("VITALS_DB_URL", url, "jdbc:postgresql://host:port/database (" + e.getMessage() + ")");
        }
        return Optional.of(new DatabaseSettings(url, env.getOrDefault("VITALS_DB_USER", "vitals"),
                env.getOrDefault("VITALS_DB_PASSWORD", "")));
    }

    private static DatabaseTimeouts databaseTimeouts(Map<String, String> env) {
        DatabaseTimeouts defaults = DatabaseTimeouts.DEFAULT;
        int connect = integer(env, "VITALS_DB_CONNECT_TIMEOUT_SECONDS", (int) defaults.connect().toSeconds(), 1, 300);
        int socket = integer(env, "VITALS_DB_SOCKET_TIMEOUT_SECONDS", (int) defaults.socket().toSeconds(), 1, 86_400);
        int statement = integer(env, "VITALS_DB_STATEMENT_TIMEOUT_SECONDS", (int) defaults.statement().toSeconds(),
                1, 86_400);
        if (socket <= statement) {
            // Otherwise a slow statement ends as a dead socket (the connection thrown away) instead of an error.
            throw new ConfigException("VITALS_DB_SOCKET_TIMEOUT_SECONDS", String.valueOf(socket),
                    "more seconds than VITALS_DB_STATEMENT_TIMEOUT_SECONDS (" + statement + ")");
        }
        return new DatabaseTimeouts(Duration.ofSeconds(connect), Duration.ofSeconds(socket),
                Duration.ofSeconds(statement));
    }

    private static JobTakeover jobTakeover(Map<String, String> env) {
        JobTakeover defaults = JobTakeover.DEFAULT;
        int heartbeat = integer(env, "VITALS_JOB_HEARTBEAT_SECONDS", (int) defaults.heartbeat().toSeconds(), 1, 3600);
        int missed = integer(env, "VITALS_JOB_MISSED_HEARTBEATS", defaults.missedHeartbeats(),
                JobTakeover.FEWEST_MISSED_HEARTBEATS, 1000);
        return new JobTakeover(Duration.ofSeconds(heartbeat), missed);
    }

    private static Optional<Set<String>> allowedPlugins(Map<String, String> env) {
        String raw = blankToNull(env.get("VITALS_PLUGINS"));
        if (raw == null || raw.trim().equalsIgnoreCase("all")) {
            return Optional.empty();
        }
        Set<String> ids = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String id : ids) {
            if (!PLUGIN_ID.matcher(id).matches()) {
                throw new ConfigException("VITALS_PLUGINS", raw,
                        "'all' or a comma list of plugin ids (lower case letters, digits, _), e.g. slo,deploys");
            }
        }
        return Optional.of(Set.copyOf(ids));
    }

    private static ZoneId zone(Map<String, String> env) {
        String raw = blankToNull(env.get("VITALS_TIMEZONE"));
        if (raw == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw new ConfigException("VITALS_TIMEZONE", raw, "an IANA time zone such as Europe/Berlin or UTC");
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name, raw, "a whole number from " + min + " to " + max);
        }
    }

    private static boolean bool(Map<String, String> env, String name) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return false;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name, raw, "true or false");
        };
    }

    private static String adminToken(String token) {
        if (token.length() < 16) {
            throw new ConfigException("VITALS_ADMIN_TOKEN", "(" + token.length() + " characters)",
                    "at least 16 characters");
        }
        return token;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
