package dev.vitals.api.ui;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * A moment as people read it: {@code 6 Dec 2026, 09:21 CET}, inside a {@code <time datetime="2026-12-06T08:21:43Z">}
 * that keeps the instant for machines. Never a raw ISO instant such as {@code 2026-12-06T08:21:43.238562Z} on a page.
 *
 * <p>The server writes the time in the zone given (the organisation's). In the browser the portal's script
 * ({@code /static/vitals-page.js}, loaded by every page's frame, so plugin pages get it too) rewrites every such
 * element into the viewer's own zone, to the minute, followed by the time from now ({@code (3 min ago)}), and puts
 * the exact instant, to the second in the viewer's zone and in UTC, in its tooltip. Without scripts the
 * organisation's time stays, which is still right, only not local.
 *
 * <pre>{@code
 * ${AsOf.of(note.createdAt(), zone)}                 // zone: context.orgTimeZone()
 * }</pre>
 *
 * @since 2.1.0
 */
public final class AsOf implements Content {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private final Instant instant;
    private final ZoneId zone;

    private AsOf(Instant instant, ZoneId zone) {
        this.instant = instant;
        this.zone = zone;
    }

    /**
     * @param instant the moment
     * @param zone the zone to show it in, normally the organisation's ({@code PluginContext.orgTimeZone()})
     * @return the time element
     * @since 2.1.0
     */
    public static AsOf of(Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zone, "zone");
        // The offset zone Z would show as "Z"; people know it as UTC.
        return new AsOf(instant, zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone);
    }

    /**
     * @return the human form, e.g. {@code 6 Dec 2026, 09:21 CET}: day, month, year, hours and minutes in the zone,
     *     and the zone's short name (which tells summer time from winter time)
     * @since 2.1.0
     */
    public String text() {
        return HUMAN.format(instant.atZone(zone));
    }

    /**
     * @return the machine form for the {@code datetime} attribute: the instant in UTC to the second
     * @since 2.1.0
     */
    public String datetime() {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** @since 2.1.0 */
    @Override
    public void writeTo(TemplateOutput out) {
        out.writeContent("<time datetime=\"");
        Escape.htmlAttribute(datetime(), out);
        out.writeContent("\">");
        Escape.htmlContent(text(), out);
        out.writeContent("</time>");
    }
}
