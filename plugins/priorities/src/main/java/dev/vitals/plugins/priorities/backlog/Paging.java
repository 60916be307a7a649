package dev.vitals.plugins.priorities.backlog;

import io.javalin.http.Context;

/**
 * The {@code page} and {@code size} query parameters every list shares; a bad value is a 400 naming the parameter.
 *
 * @param page from 1
 * @param size 1 to 500, 50 when absent
 */
public record Paging(int page, int size) {

    public static Paging of(Context ctx) {
        int page = ctx.queryParam("page") == null ? 1
                : ctx.queryParamAsClass("page", Integer.class).check(n -> n >= 1 && n <= 1_000_000,
                        "must be 1 or more").get();
        int size = ctx.queryParam("size") == null ? 50
                : ctx.queryParamAsClass("size", Integer.class).check(n -> n >= 1 && n <= 500, "must be 1 to 500")
                        .get();
        return new Paging(page, size);
    }
}
