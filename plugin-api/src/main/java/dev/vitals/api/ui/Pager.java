package dev.vitals.api.ui;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Links between the pages of a long list: previous, next and which items this page shows ({@code 51–100 of 120}).
 * The links keep every other query parameter of the request (filters, sort order) and change only {@code page}.
 * A list that fits on one page shows no pager.
 *
 * <pre>{@code
 * Pager pager = Pager.of(ctx, page, 50, total);      // in the page's code, page counted from 1
 * ${pager}                                           // in its template
 * }</pre>
 *
 * @since 2.1.0
 */
public final class Pager implements Content {

    /**
     * The query parameter that carries the page number.
     *
     * @since 2.1.0
     */
    public static final String PARAMETER = "page";

    private final String path;
    private final Map<String, List<String>> query;
    private final int page;
    private final int size;
    private final long total;

    private Pager(String path, Map<String, List<String>> query, int page, int size, long total) {
        if (page < 1 || size < 1 || total < 0) {
            throw new IllegalArgumentException("a pager needs page >= 1, size >= 1 and total >= 0, got page " + page
                    + ", size " + size + ", total " + total);
        }
        this.path = Objects.requireNonNull(path, "path");
        this.query = query;
        this.page = page;
        this.size = size;
        this.total = total;
    }

    /**
     * @param ctx the request whose path and query the links keep
     * @param page the page shown, from 1
     * @param size items per page
     * @param total items in all
     * @return the pager
     * @since 2.1.0
     */
    public static Pager of(Context ctx, int page, int size, long total) {
        return of(ctx.path(), ctx.queryParamMap(), page, size, total);
    }

    /**
     * @param path the list's path, e.g. {@code /p/slo/}
     * @param query the request's query parameters, kept in the links
     * @param page the page shown, from 1
     * @param size items per page
     * @param total items in all
     * @return the pager
     * @since 2.1.0
     */
    public static Pager of(String path, Map<String, List<String>> query, int page, int size, long total) {
        Map<String, List<String>> kept = new LinkedHashMap<>(query);
        kept.remove(PARAMETER);
        return new Pager(path, kept, page, size, total);
    }

    /**
     * @return the page shown, from 1
     * @since 2.1.0
     */
    public int page() {
        return page;
    }

    /**
     * @return how many pages the list has, at least 1
     * @since 2.1.0
     */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /**
     * @return items in all
     * @since 2.1.0
     */
    public long total() {
        return total;
    }

    /**
     * @return the previous page's URL; empty on the first
     * @since 2.1.0
     */
    public Optional<String> previous() {
        return page > 1 ? Optional.of(link(Math.min(page - 1, pages()))) : Optional.empty();
    }

    /**
     * @return the next page's URL; empty on the last
     * @since 2.1.0
     */
    public Optional<String> next() {
        return page < pages() ? Optional.of(link(page + 1)) : Optional.empty();
    }

    /**
     * @return which items this page shows, e.g. {@code 51–100 of 120}
     * @since 2.1.0
     */
    public String range() {
        long first = (long) (page - 1) * size + 1;
        if (first > total) {
            return "none of " + total + " on page " + page;
        }
        return first + "–" + Math.min(total, (long) page * size) + " of " + total;
    }

    /** @since 2.1.0 */
    @Override
    public boolean isEmptyContent() {
        return pages() <= 1 && page == 1;
    }

    /** @since 2.1.0 */
    @Override
    public void writeTo(TemplateOutput out) {
        if (isEmptyContent()) {
            return;
        }
        out.writeContent("<nav class=\"pager\" aria-label=\"Pages\">");
        previous().ifPresent(href -> writeLink(out, href, "prev", "← Previous"));
        out.writeContent("<span>");
        Escape.htmlContent(range(), out);
        out.writeContent("</span>");
        next().ifPresent(href -> writeLink(out, href, "next", "Next →"));
        out.writeContent("</nav>");
    }

    private static void writeLink(TemplateOutput out, String href, String rel, String label) {
        out.writeContent("<a href=\"");
        Escape.htmlAttribute(href, out);
        out.writeContent("\" rel=\"" + rel + "\">" + label + "</a>");
    }

    private String link(int target) {
        String params = query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return path + "?" + (params.isEmpty() ? "" : params + "&") + PARAMETER + "=" + target;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
