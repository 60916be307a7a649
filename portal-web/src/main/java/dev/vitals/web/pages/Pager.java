package dev.vitals.web.pages;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Links to the previous and next page of a list, keeping every other query parameter.
 *
 * @param page this page, from 1
 * @param pages how many pages there are
 * @param total how many items in all
 * @param previous the previous page's URL, or null on the first
 * @param next the next page's URL, or null on the last
 */
public record Pager(int page, int pages, long total, String previous, String next) {

    public static Pager of(Context ctx, int page, int size, long total) {
        int pages = (int) Math.max(1, (total + size - 1) / size);
        return new Pager(page, pages, total, page > 1 ? link(ctx, page - 1) : null, page < pages ? link(ctx, page + 1) : null);
    }

    private static String link(Context ctx, int page) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>(ctx.queryParamMap());
        params.put("page", List.of(String.valueOf(page)));
        return ctx.path() + "?" + params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
