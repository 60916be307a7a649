package dev.vitals.web.security;

import dev.vitals.api.ProblemException;
import io.javalin.http.Context;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses state changes that another site's page makes the browser send. A change is accepted when the browser says
 * it comes from this portal's own pages ({@code Origin}, {@code Sec-Fetch-Site}); a browser session that says neither
 * must show its form token. Reads (GET, HEAD) never change state, so they pass.
 */
public final class CrossSiteGuard {

    /** The form field and header that carry a session's token. */
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Optional<URI> publicUrl;

    public CrossSiteGuard(Optional<URI> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** Runs before every request, after the caller is known. */
    public void check(Context ctx) {
        if (SAFE.contains(ctx.method().name())) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw refused("the request came from another site (" + site + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null) {
            if (!sameOrigin(ctx, origin)) {
                throw refused("the request came from " + origin);
            }
            return;
        }
        Caller caller = Caller.of(ctx);
        if (caller.via() == Caller.Via.SESSION) {
            String presented = Optional.ofNullable(ctx.header(HEADER)).orElseGet(() -> formToken(ctx));
            String expected = caller.csrfToken().orElse("");
            if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                throw refused("the form token is missing or wrong");
            }
        }
    }

    private static String formToken(Context ctx) {
        return ctx.isFormUrlencoded() || ctx.isMultipartFormData() ? ctx.formParam(FIELD) : null;
    }

    private boolean sameOrigin(Context ctx, String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null) {
            return false;
        }
        String authority = uri.getRawAuthority();
        if (authority.equalsIgnoreCase(Optional.ofNullable(ctx.header("Host")).orElse(""))) {
            return true;
        }
        return publicUrl.map(u -> u.getScheme().equals(uri.getScheme())
                && u.getRawAuthority().equalsIgnoreCase(authority)).orElse(false);
    }

    private static ProblemException refused(String why) {
        return new ProblemException(403, "cross-site change refused: " + why + ". Make the change from the portal's "
                + "own pages, or call the API with 'Authorization: Bearer <token>'", List.of());
    }
}
