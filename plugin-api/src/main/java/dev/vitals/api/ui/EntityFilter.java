package dev.vitals.api.ui;

import dev.vitals.api.EntityRef;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A page's filter on one catalog entity, read from a query parameter, in the one format every page's links use: the
 * entity's short key ({@code ?team=identity}, or {@code ?team=apac/identity} outside the default namespace, as
 * {@link EntityRef#key()} writes it), with a full reference ({@code ?team=group:default/identity}) accepted too.
 *
 * <p>A value that names no entity of the kind is not an error page: the page shows again, the filter's field marked
 * ({@code aria-invalid}, and {@link #message()} under it, tied by {@link #errorId()}), the list unfiltered or empty as
 * the page prefers, and the portal's script moves the focus to that field.
 *
 * <pre>{@code
 * EntityFilter team = EntityFilter.read(ctx, "team", "group");
 * if (team.ref().isPresent() && catalog.entity(team.ref().get()).isEmpty()) {
 *     team = team.unknown("No team 'identiy' in the catalog; pick one from the list.");
 * }
 * String link = PluginUrls.withQuery(urls.page("/"), Map.of("team", EntityFilter.key(ref)));   // ?team=identity
 * }</pre>
 *
 * <pre>{@code
 * <select name="team" aria-invalid="${team.ariaInvalid()}" aria-describedby="${team.describedBy()}">…
 *     <option value="${EntityFilter.key(t.ref())}" selected="${team.selects(t.ref())}">…
 * ${team.message()}
 * }</pre>
 *
 * @since 2.1.0
 */
public final class EntityFilter {

    private final String param;
    private final String kind;
    private final String value;
    private final Optional<EntityRef> ref;
    private final Optional<String> error;

    private EntityFilter(String param, String kind, String value, Optional<EntityRef> ref, Optional<String> error) {
        this.param = param;
        this.kind = kind;
        this.value = value;
        this.ref = ref;
        this.error = error;
    }

    /**
     * @param ctx the request
     * @param param the query parameter, e.g. {@code team}
     * @param kind the kind of entity it names, e.g. {@code group}
     * @return the filter as the request gives it
     * @since 2.1.0
     */
    public static EntityFilter read(Context ctx, String param, String kind) {
        return of(param, kind, ctx.queryParam(param));
    }

    /**
     * @param param the query parameter, e.g. {@code team}
     * @param kind the kind of entity it names, e.g. {@code group}
     * @param value the parameter's value as given: a key, a full reference, blank or {@code null} for no filter
     * @return the filter; {@link #invalid()} when the value cannot name an entity of the kind
     * @since 2.1.0
     */
    public static EntityFilter of(String param, String kind, String value) {
        Objects.requireNonNull(param, "param");
        String wanted = Objects.requireNonNull(kind, "kind").toLowerCase(Locale.ROOT);
        String given = value == null ? "" : value.strip();
        if (given.isEmpty()) {
            return new EntityFilter(param, wanted, "", Optional.empty(), Optional.empty());
        }
        Optional<EntityRef> parsed;
        if (given.contains(":")) {
            try {
                parsed = Optional.of(EntityRef.parse(given)).filter(r -> r.kind().equals(wanted));
            } catch (IllegalArgumentException e) {
                parsed = Optional.empty();
            }
        } else {
            parsed = EntityRef.fromKey(wanted, given);
        }
        return parsed.map(r -> new EntityFilter(param, wanted, given, Optional.of(r), Optional.<String>empty()))
                .orElseGet(() -> new EntityFilter(param, wanted, given, Optional.empty(), Optional.of("'" + given
                        + "' names no " + wanted + ": use its name, e.g. " + param + "=identity, or its reference, e.g. "
                        + param + "=" + wanted + ":default/identity.")));
    }

    /**
     * The value every link writes for an entity: its short key.
     *
     * @param ref the entity
     * @return {@link EntityRef#key()}: the name, or {@code namespace/name} outside the default namespace
     * @since 2.1.0
     */
    public static String key(EntityRef ref) {
        return ref.key();
    }

    /**
     * @param message why the entity named is not there, and what to do, e.g. {@code No team 'x' in the catalog.}
     * @return this filter marked invalid with that message, for a value that parses but names nothing the page knows
     * @since 2.1.0
     */
    public EntityFilter unknown(String message) {
        return new EntityFilter(param, kind, value, Optional.empty(), Optional.of(Objects.requireNonNull(message)));
    }

    /**
     * @return the query parameter
     * @since 2.1.0
     */
    public String param() {
        return param;
    }

    /**
     * @return the value as given, trimmed, to show again in the field; empty for no filter
     * @since 2.1.0
     */
    public String value() {
        return value;
    }

    /**
     * @return the entity to filter on; empty for no filter and for an invalid value
     * @since 2.1.0
     */
    public Optional<EntityRef> ref() {
        return ref;
    }

    /**
     * @return why the value was refused; empty when it was not
     * @since 2.1.0
     */
    public Optional<String> error() {
        return error;
    }

    /**
     * @return whether the value was refused: the field is marked and the page should not apply it
     * @since 2.1.0
     */
    public boolean invalid() {
        return error.isPresent();
    }

    /**
     * @return {@code "true"} when the value was refused, else {@code null} (jte then leaves the attribute out), for the
     *     field's {@code aria-invalid}
     * @since 2.1.0
     */
    public String ariaInvalid() {
        return invalid() ? "true" : null;
    }

    /**
     * @param option an entity the field offers
     * @return whether it is the one the filter names, for the option's {@code selected}
     * @since 2.1.0
     */
    public boolean selects(EntityRef option) {
        return ref.map(option::equals).orElse(false);
    }

    /**
     * @return the id of {@link #message()}'s element: {@code <param>-error}
     * @since 2.1.0
     */
    public String errorId() {
        return param + "-error";
    }

    /**
     * @return {@link #errorId()} when the value was refused, else {@code null} (jte then leaves the attribute out),
     *     for the field's {@code aria-describedby}
     * @since 2.1.0
     */
    public String describedBy() {
        return invalid() ? errorId() : null;
    }

    /**
     * @return the refusal as a {@code <span class="field-error">} with {@link #errorId()} (phrasing content, so it may
     *     sit inside the field's label; the stylesheet shows it on a line of its own), to place under the field;
     *     nothing when accepted
     * @since 2.1.0
     */
    public Content message() {
        return new Content() {
            @Override
            public void writeTo(TemplateOutput out) {
                error.ifPresent(text -> {
                    out.writeContent("<span class=\"field-error\" id=\"");
                    Escape.htmlAttribute(errorId(), out);
                    out.writeContent("\">");
                    Escape.htmlContent(text, out);
                    out.writeContent("</span>");
                });
            }

            @Override
            public boolean isEmptyContent() {
                return error.isEmpty();
            }
        };
    }
}
