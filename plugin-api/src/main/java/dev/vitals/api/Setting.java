package dev.vitals.api;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One setting a plugin declares in {@link VitalsPlugin#settings()}: its name, type, default and description. An admin
 * sets it with the environment variable {@code VITALS_<PLUGINID>_<NAME>} (upper case): setting {@code prometheus_url}
 * of plugin {@code slo} is {@code VITALS_SLO_PROMETHEUS_URL}. The plugin reads it, typed, with
 * {@link PluginSettings#get}.
 *
 * <pre>{@code
 * static final Setting<Duration> PULL_EVERY = Setting.duration("pull_every", "How often to pull from Prometheus")
 *         .withDefault(Duration.ofMinutes(1));
 * static final Setting<String> API_KEY = Setting.string("api_key", "PagerDuty REST API key").secret();
 * }</pre>
 *
 * @param <T> the type of its value
 * @since 2.0.0
 */
public final class Setting<T> {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    /**
     * What kind of value a setting holds; shown on the admin page.
     *
     * @since 2.0.0
     */
    public enum Type {
        /** Any text. */
        STRING,
        /** A whole number. */
        INTEGER,
        /** An exact decimal number, kept as written. */
        DECIMAL,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A duration: {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 250ms} or ISO-8601 ({@code PT5M}). */
        DURATION,
        /** An absolute {@code http} or {@code https} URL. */
        URL
    }

    private final String name;
    private final Type type;
    private final String description;
    private final Optional<T> defaultValue;
    private final boolean secret;
    private final boolean required;
    private final Function<String, T> parser;

    private Setting(String name, Type type, String description, Optional<T> defaultValue, boolean secret,
            boolean required, Function<String, T> parser) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("setting name '" + name
                    + "' must be lower case letters, digits and _ (it becomes part of an environment variable)");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.description = Objects.requireNonNull(description, "description");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.secret = secret;
        this.required = required;
        this.parser = parser;
    }

    /**
     * @param name lower case letters, digits and {@code _}
     * @param description one line for the admin page
     * @return a text setting without default
     * @since 2.0.0
     */
    public static Setting<String> string(String name, String description) {
        return new Setting<>(name, Type.STRING, description, Optional.empty(), false, false, raw -> raw);
    }

    /**
     * @param name lower case letters, digits and {@code _}
     * @param description one line for the admin page
     * @return a whole-number setting without default
     * @since 2.0.0
     */
    public static Setting<Long> integer(String name, String description) {
        return new Setting<>(name, Type.INTEGER, description, Optional.empty(), false, false, raw -> {
            try {
                return Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, got '" + raw + "'");
            }
        });
    }

    /**
     * @param name lower case letters, digits and {@code _}
     * @param description one line for the admin page
     * @return an exact decimal setting without default
     * @since 2.0.0
     */
    public static Setting<BigDecimal> decimal(String name, String description) {
        return new Setting<>(name, Type.DECIMAL, description, Optional.empty(), false, false, raw -> {
            try {
                return new BigDecimal(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a decimal number such as 99.9, got '" + raw + "'");
            }
        });
    }

    /**
     * @param name lower case letters, digits and {@code _}
     * @param description one line for the admin page
     * @return a {@code true}/{@code false} setting without default
     * @since 2.0.0
     */
    public static Setting<Boolean> bool(String name, String description) {
        return new Setting<>(name, Type.BOOLEAN, description, Optional.empty(), false, false, raw -> {
            String value = raw.trim().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.valueOf(value);
            }
            throw new IllegalArgumentException("must be true or false, got '" + raw + "'");
        });
    }

    /**
     * @param name lower case letters, digits and {@code _}
     * @param description one line for the admin page
     * @return a positive duration setting without default
     * @since 2.0.0
     */
    public static Setting<Duration> duration(String name, String description) {
        return new Setting<>(name, Type.DURATION, description, Optional.empty(), false, false, Setting::duration);
    }

    /**
     * @param name lower case letters, digits and {@code _}
     * @param description one line for the admin page
     * @return an absolute http(s) URL setting without default
     * @since 2.0.0
     */
    public static Setting<URI> url(String name, String description) {
        return new Setting<>(name, Type.URL, description, Optional.empty(), false, false, raw -> {
            try {
                URI uri = new URI(raw.trim());
                if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                        || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                    throw new IllegalArgumentException("must be an absolute http or https URL, got '" + raw + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("must be an absolute http or https URL, got '" + raw + "'");
            }
        });
    }

    /**
     * @param value used when the setting is not set
     * @return a copy with that default
     * @since 2.0.0
     */
    public Setting<T> withDefault(T value) {
        return new Setting<>(name, type, description, Optional.of(value), secret, false, parser);
    }

    /**
     * @return a copy whose value is never shown, logged or returned by the admin API
     * @since 2.0.0
     */
    public Setting<T> secret() {
        return new Setting<>(name, type, description, defaultValue, true, required, parser);
    }

    /**
     * @return a copy without default that must be set: the plugin does not start while it is missing
     * @since 2.0.0
     */
    public Setting<T> required() {
        return new Setting<>(name, type, description, Optional.empty(), secret, true, parser);
    }

    /**
     * Reads a value as an admin wrote it.
     *
     * @param raw the text, e.g. the environment variable's value
     * @return the typed value
     * @throws IllegalArgumentException saying what was expected, without repeating a secret's value
     * @since 2.0.0
     */
    public T parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            if (secret) {
                throw new IllegalArgumentException("setting " + name + " is not a valid " + type.name().toLowerCase(
                        Locale.ROOT) + " (value not shown: it is secret)");
            }
            throw new IllegalArgumentException("setting " + name + " " + e.getMessage());
        }
    }

    /**
     * @param pluginId the declaring plugin's id
     * @return the environment variable an admin sets, e.g. {@code VITALS_SLO_PROMETHEUS_URL}
     * @since 2.0.0
     */
    public String environmentVariable(String pluginId) {
        return "VITALS_" + pluginId.toUpperCase(Locale.ROOT) + "_" + name.toUpperCase(Locale.ROOT);
    }

    /** @return the name, lower case; @since 2.0.0 */
    public String name() {
        return name;
    }

    /** @return the type of its value; @since 2.0.0 */
    public Type type() {
        return type;
    }

    /** @return one line for the admin page; @since 2.0.0 */
    public String description() {
        return description;
    }

    /** @return the value used when it is not set, if any; @since 2.0.0 */
    public Optional<T> defaultValue() {
        return defaultValue;
    }

    /** @return true when its value must never be shown; @since 2.0.0 */
    public boolean isSecret() {
        return secret;
    }

    /** @return true when the plugin cannot start without it; @since 2.0.0 */
    public boolean isRequired() {
        return required;
    }

    @Override
    public String toString() {
        return name + " (" + type.name().toLowerCase(Locale.ROOT) + ")";
    }

    private static Duration duration(String raw) {
        String text = raw.trim();
        Duration parsed;
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            parsed = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                parsed = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a duration such as 30s, 5m, 2h, 1d or PT5M, got '" + raw
                        + "'");
            }
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException("must be a positive duration, got '" + raw + "'");
        }
        return parsed;
    }
}
