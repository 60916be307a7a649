package dev.vitals.api;

import io.javalin.http.Handler;
import java.util.Objects;

/**
 * A {@code POST} route that another system (GitHub, PagerDuty…) calls without a portal token, mounted at
 * {@code /api/<pluginId><path>}. The host lets any caller reach it — no sign-in, role or token scope is checked, and
 * a bearer token sent along grants nothing here — so the handler <strong>must</strong> authenticate every request
 * itself before it reads or changes anything: typically by recomputing the sender's HMAC signature over
 * {@code ctx.bodyAsBytes()} with a shared secret, comparing in constant time
 * ({@link java.security.MessageDigest#isEqual}), and throwing a 401 {@link ProblemException} when it does not match
 * or no secret is configured. Keep webhooks few; everything a person or pipeline calls belongs in an
 * {@link ApiRoute}.
 *
 * <p>The host lists webhook routes apart from open and guarded routes in its route table and logs each one at
 * start-up. The path is literal: no path parameters, so the route table names exactly what is reachable.
 *
 * @param path the path below the plugin's prefix, starting with {@code /}, e.g. {@code /webhooks/github}
 * @param handler the code that verifies the sender and answers
 * @param doc what the portal's API description says about the webhook: the payload it takes, how the sender signs
 *     (since 2.1.0)
 * @since 1.0.0
 */
public record WebhookRoute(String path, Handler handler, RouteDoc doc) {

    /** Checks the path's form, so a mistake surfaces when the plugin is discovered. */
    public WebhookRoute {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(doc, "doc");
        if (path == null || !path.startsWith("/") || path.contains("{") || path.contains("<")) {
            throw new IllegalArgumentException("webhook path must start with '/' and have no parameters: " + path);
        }
    }

    /**
     * A webhook not described beyond its path.
     *
     * @param path the path below the plugin's prefix
     * @param handler the code that verifies the sender and answers
     */
    public WebhookRoute(String path, Handler handler) {
        this(path, handler, RouteDoc.NONE);
    }

    /**
     * The same webhook described for the API description.
     *
     * @param description summary, payload and example
     * @return a copy
     * @since 2.1.0
     */
    public WebhookRoute doc(RouteDoc description) {
        return new WebhookRoute(path, handler, description);
    }
}
