package dev.vitals.plugins.example;

import io.javalin.http.Context;

/** The {@code limit} query parameter the list page and route share. */
final class Limit {

    static final int DEFAULT = 50;

    private Limit() {
    }

    /** @return the limit asked for, 1 to 500; a bad value is a 400 naming the parameter, never a 500 */
    static int of(Context ctx) {
        if (ctx.queryParam("limit") == null) {
            return DEFAULT;
        }
        return ctx.queryParamAsClass("limit", Integer.class).check(n -> n >= 1 && n <= 500, "must be 1 to 500").get();
    }
}
