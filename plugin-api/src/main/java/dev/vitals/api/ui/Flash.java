package dev.vitals.api.ui;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The confirmation a person sees after a save: a form posts, the route saves and redirects (post, redirect, get),
 * and the page the browser lands on says what was saved ({@code SLO checkout-availability saved}). The route leaves
 * the sentence in a short-lived cookie; the host's page frame shows it once, on the next page it renders, in a
 * {@code role="status"} box that screen readers announce, and clears it.
 *
 * <pre>{@code
 * slos.save(slo);
 * Flash.confirm(ctx, "SLO " + slo.name() + " saved.");
 * ctx.redirect(urls.page("/slos/{name}", slo.name()), HttpStatus.SEE_OTHER);
 * }</pre>
 *
 * <p>A cookie rather than server memory, so the next page may come from another portal instance. The sentence is
 * text, escaped when shown, and cut at {@value #MAX_LENGTH} characters; it is not secret (it says what the person
 * just did), so the cookie is readable by the server only and lives {@value #LIFETIME_SECONDS} seconds.
 *
 * @since 2.1.0
 */
public final class Flash implements Content {

    /**
     * The cookie that carries the sentence to the next page.
     *
     * @since 2.1.0
     */
    public static final String COOKIE = "vitals-flash";

    /**
     * The longest sentence kept; a longer one is cut.
     *
     * @since 2.1.0
     */
    public static final int MAX_LENGTH = 300;

    /**
     * How long the sentence waits for the next page.
     *
     * @since 2.1.0
     */
    public static final int LIFETIME_SECONDS = 120;

    private final String message;

    private Flash(String message) {
        this.message = message;
    }

    /**
     * Leaves a confirmation for the next page this browser opens, normally the one the response redirects to.
     *
     * @param ctx the request that saved something
     * @param message what was saved, as a sentence, e.g. {@code Break-glass approved for billing-api.}
     * @since 2.1.0
     */
    public static void confirm(Context ctx, String message) {
        String text = Objects.requireNonNull(message, "message").strip();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH - 1) + "…";
        }
        write(ctx, Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
                LIFETIME_SECONDS);
    }

    /**
     * Reads the confirmation left for this page and clears it, so it shows once. The host's page frame calls it; a
     * plugin has no need to.
     *
     * @param ctx the request of the page being rendered
     * @return the confirmation, empty when none waits (or the cookie holds something no route wrote)
     * @since 2.1.0
     */
    public static Optional<Flash> take(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        write(ctx, "", 0);
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? Optional.empty()
                    : Optional.of(new Flash(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @return the sentence
     * @since 2.1.0
     */
    public String message() {
        return message;
    }

    /** @since 2.1.0 */
    @Override
    public void writeTo(TemplateOutput out) {
        out.writeContent("<p class=\"flash\" role=\"status\">");
        Escape.htmlContent(message, out);
        out.writeContent("</p>");
    }

    private static void write(Context ctx, String value, int maxAge) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax"
                + ("https".equals(ctx.scheme()) ? "; Secure" : ""));
    }
}
