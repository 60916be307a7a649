package dev.vitals.web.catalog;

import io.javalin.http.Context;

/**
 * Which page of a list a request asks for: {@code ?page=} from 1, {@code ?size=} from 1 to 100 (default 25).
 *
 * @param page the page number
 * @param size the page size
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 25;

    public static Paging of(Context ctx) {
        int page = ctx.queryParam("page") == null ? 1
                : ctx.queryParamAsClass("page", Integer.class).check(p -> p >= 1 && p <= 1_000_000, "must be 1 or more").get();
        int size = ctx.queryParam("size") == null ? DEFAULT_SIZE
                : ctx.queryParamAsClass("size", Integer.class).check(s -> s >= 1 && s <= 100, "must be 1 to 100").get();
        return new Paging(page, size);
    }
}
