package dev.vitals.web.security;

import dev.vitals.core.identity.TrustedProxies;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;

/**
 * The address of whoever made the request: the socket's peer, or behind a trusted reverse proxy the client it names
 * in {@code X-Forwarded-For}. The failure throttle counts by it and the audit log records it.
 */
public final class ClientAddress {

    private static final String ATTRIBUTE = "vitals.client-address";

    private ClientAddress() {
    }

    /** Runs first for every request, before anything counts or records an address. */
    static void resolve(Context ctx, TrustedProxies proxies) {
        List<String> forwarded = Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
        ctx.attribute(ATTRIBUTE, proxies.clientAddress(ctx.ip(), forwarded));
    }

    public static String of(Context ctx) {
        String resolved = ctx.attribute(ATTRIBUTE);
        return resolved == null ? ctx.ip() : resolved;
    }
}
