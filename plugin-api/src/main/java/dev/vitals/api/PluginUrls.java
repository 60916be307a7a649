package dev.vitals.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the URLs of one plugin's pages and API, and of the portal's entity pages, so that no plugin writes its own
 * mount point or the host's paths by hand.
 *
 * <pre>{@code
 * urls.page("/slos/{id}", 42)                       // /p/slo/slos/42
 * urls.api("/services/{ref}/events", ref)           // /api/deploys/services/component%3Adefault%2Fbilling/events
 * urls.entity(EntityRef.of("component", "billing")) // /services/billing
 * PluginUrls.withQuery(urls.page("/"), Map.of("team", "identity"))   // /p/slo/?team=identity
 * }</pre>
 *
 * <p>Each {@code {name}} in a template takes the next value, in order, percent-encoded as one path segment. An
 * {@link EntityRef} value is written as its {@link EntityRef#toString() canonical form}.
 *
 * @since 2.0.0
 */
public final class PluginUrls {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^/{}]+}");
    private final String pluginId;

    /**
     * @param pluginId the plugin whose URLs these are
     * @since 2.0.0
     */
    public PluginUrls(String pluginId) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
    }

    /**
     * @param template a path under the plugin's pages, starting with {@code /}, e.g. {@code /slos/{id}}
     * @param values one per placeholder, in order
     * @return {@code /p/<pluginId>} and the filled template
     * @throws IllegalArgumentException when the number of values differs from the placeholders
     * @since 2.0.0
     */
    public String page(String template, Object... values) {
        return "/p/" + pluginId + fill(template, values);
    }

    /**
     * @param template a path under the plugin's API, starting with {@code /}, e.g. {@code /events}
     * @param values one per placeholder, in order
     * @return {@code /api/<pluginId>} and the filled template
     * @throws IllegalArgumentException when the number of values differs from the placeholders
     * @since 2.0.0
     */
    public String api(String template, Object... values) {
        return "/api/" + pluginId + fill(template, values);
    }

    /**
     * The portal's page of a catalog entity: {@code /services/…} for a Component, {@code /teams/…} for a Group,
     * {@code /systems/…}, {@code /components/…} for an AvailabilityComponent, {@code /programs/…}, and
     * {@code /catalog/<kind>/…} for any other kind.
     *
     * @param ref the entity
     * @return the path of its page
     * @since 2.0.0
     */
    public static String entity(EntityRef ref) {
        String collection = switch (ref.kind().toLowerCase(Locale.ROOT)) {
            case "component" -> "/services/";
            case "group" -> "/teams/";
            case "system" -> "/systems/";
            case "availabilitycomponent" -> "/components/";
            case "program" -> "/programs/";
            default -> "/catalog/" + segment(ref.kind()) + "/";
        };
        String key = ref.namespace().equals(EntityRef.DEFAULT_NAMESPACE) ? segment(ref.name())
                : segment(ref.namespace()) + "/" + segment(ref.name());
        return collection + key;
    }

    /**
     * @param url a path, possibly with a query already
     * @param parameters names and values, appended in the map's order; empty or {@code null} values are left out
     * @return the URL with the parameters percent-encoded
     * @since 2.0.0
     */
    public static String withQuery(String url, Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isEmpty()) {
                query.add(encode(name) + "=" + encode(String.valueOf(value)));
            }
        });
        if (query.length() == 0) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String fill(String template, Object... values) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("a URL template starts with '/', got '" + template + "'");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= values.length) {
                throw new IllegalArgumentException("template " + template + " has more placeholders than the "
                        + values.length + " value(s) given");
            }
            Object value = Objects.requireNonNull(values[i++], "value for " + m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(segment(String.valueOf(value))));
        }
        if (i != values.length) {
            throw new IllegalArgumentException("template " + template + " has " + i + " placeholder(s) but "
                    + values.length + " value(s) were given");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
