package dev.vitals.api.ui;

import dev.vitals.api.SignalStatus;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A signal status as every page of the portal shows it: a coloured dot and one word per status ({@code OK},
 * {@code Warning}, {@code Critical}, {@code Unknown}, and {@code No signal} where nothing has judged), so a status
 * reads the same on the home grid, a catalog page and any plugin's page. The reason sits next to it as text, or, in a {@link #compact()} badge where there is no room, as
 * text that screen readers read and a tooltip shows; it is never only in a tooltip.
 *
 * <pre>{@code
 * ${StatusBadge.of(row.status()).because(row.summary())}                        // [dot] Warning  budget below 25 %
 * ${StatusBadge.of(cell.status()).because(cell.summary()).compact().linkedTo(cell.href())}
 * }</pre>
 *
 * <p>Every text is HTML-escaped. The look is the portal stylesheet's {@code .status} and {@code .status-<status>}.
 *
 * @since 2.1.0
 */
public final class StatusBadge implements Content {

    /** Said, not drawn as a dash: a dash reads as "nothing to see" and screen readers skip it. */
    private static final String NO_SIGNAL = "No signal";

    private final Optional<SignalStatus> status;
    private final String reason;
    private final boolean compact;
    private final Optional<String> href;

    private StatusBadge(Optional<SignalStatus> status, String reason, boolean compact, Optional<String> href) {
        this.status = status;
        this.reason = reason;
        this.compact = compact;
        this.href = href;
    }

    /**
     * @param status the status to show
     * @return its badge, without a reason
     * @since 2.1.0
     */
    public static StatusBadge of(SignalStatus status) {
        return new StatusBadge(Optional.of(Objects.requireNonNull(status, "status")), "", false, Optional.empty());
    }

    /**
     * A badge for a subject nothing has judged yet: the words {@code No signal}, greyed, with the reason
     * {@code no signal yet} unless
     * {@link #because} gives another.
     *
     * @return the badge
     * @since 2.1.0
     */
    public static StatusBadge noSignal() {
        return new StatusBadge(Optional.empty(), "no signal yet", false, Optional.empty());
    }

    /**
     * @param status a status
     * @return the one word every page uses for it: {@code OK}, {@code Warning}, {@code Critical} or {@code Unknown}
     * @since 2.1.0
     */
    public static String label(SignalStatus status) {
        return switch (status) {
            case OK -> "OK";
            case WARN -> "Warning";
            case CRITICAL -> "Critical";
            case UNKNOWN -> "Unknown";
        };
    }

    /**
     * @param status a status
     * @return the stylesheet class that colours it: {@code status-ok}, {@code status-warn}, {@code status-critical}
     *     or {@code status-unknown}
     * @since 2.1.0
     */
    public static String cssClass(SignalStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param reason why the status is what it is, e.g. the signal's summary; blank for none
     * @return this badge with the reason
     * @since 2.1.0
     */
    public StatusBadge because(String reason) {
        return new StatusBadge(status, reason == null ? "" : reason.strip(), compact, href);
    }

    /**
     * Keeps the reason out of the visible text, for a grid cell: screen readers read it after the word, and it shows
     * as a tooltip.
     *
     * @return this badge, compact
     * @since 2.1.0
     */
    public StatusBadge compact() {
        return new StatusBadge(status, reason, true, href);
    }

    /**
     * @param href where the detail behind the status is
     * @return this badge as a link there
     * @since 2.1.0
     */
    public StatusBadge linkedTo(String href) {
        return new StatusBadge(status, reason, compact, Optional.of(Objects.requireNonNull(href, "href")));
    }

    /**
     * @return the word shown: {@link #label(SignalStatus)}, or {@code No signal} for {@link #noSignal()}
     * @since 2.1.0
     */
    public String word() {
        return status.map(StatusBadge::label).orElse(NO_SIGNAL);
    }

    /** @since 2.1.0 */
    @Override
    public void writeTo(TemplateOutput out) {
        String element = href.isPresent() ? "a" : "span";
        out.writeContent("<" + element + " class=\"status " + status.map(StatusBadge::cssClass).orElse("status-none")
                + "\"");
        if (href.isPresent()) {
            out.writeContent(" href=\"");
            Escape.htmlAttribute(href.get(), out);
            out.writeContent("\"");
        }
        if (compact && !reason.isEmpty()) {
            out.writeContent(" title=\"");
            Escape.htmlAttribute(reason, out);
            out.writeContent("\"");
        }
        out.writeContent("><span class=\"dot\" aria-hidden=\"true\"></span>");
        Escape.htmlContent(word(), out);
        if (compact && !reason.isEmpty()) {
            out.writeContent("<span class=\"visually-hidden\">: ");
            Escape.htmlContent(reason, out);
            out.writeContent("</span>");
        }
        out.writeContent("</" + element + ">");
        if (!compact && !reason.isEmpty()) {
            out.writeContent(" <span class=\"status-reason\">");
            Escape.htmlContent(reason, out);
            out.writeContent("</span>");
        }
    }
}
