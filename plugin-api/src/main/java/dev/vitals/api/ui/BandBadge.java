package dev.vitals.api.ui;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A rating on a four-step scale, such as a DORA band ({@code elite}, {@code high}, {@code medium}, {@code low}): the
 * word in a tinted badge whose colour follows the step, so the best and the worst look different at a glance while
 * the word still says it for anyone who cannot tell the colours apart. The stylesheet's colours keep the text's
 * contrast at WCAG AA.
 *
 * <pre>{@code
 * ${BandBadge.of("elite", BandBadge.Level.TOP)}      // <span class="band band-top">elite</span>
 * ${BandBadge.none()}                                // no rating: a dash
 * }</pre>
 *
 * @since 2.1.0
 */
public final class BandBadge implements Content {

    /**
     * The steps of the scale, best first.
     *
     * @since 2.1.0
     */
    public enum Level {
        /** The best step, DORA's elite. */
        TOP,
        /** The second step, DORA's high. */
        HIGH,
        /** The third step, DORA's medium. */
        MEDIUM,
        /** The worst step, DORA's low. */
        LOW;

        /**
         * @return the stylesheet class of the step: {@code band-top}, {@code band-high}, {@code band-medium} or
         *     {@code band-low}
         */
        public String cssClass() {
            return "band-" + name().toLowerCase(Locale.ROOT);
        }
    }

    private final String word;
    private final Optional<Level> level;

    private BandBadge(String word, Optional<Level> level) {
        this.word = word;
        this.level = level;
    }

    /**
     * @param word the rating as the page names it, e.g. {@code elite}
     * @param level its step on the scale
     * @return the badge
     * @since 2.1.0
     */
    public static BandBadge of(String word, Level level) {
        return new BandBadge(Objects.requireNonNull(word, "word"), Optional.of(Objects.requireNonNull(level, "level")));
    }

    /**
     * @return a badge for no rating (too little data): a dash, untinted
     * @since 2.1.0
     */
    public static BandBadge none() {
        return new BandBadge("–", Optional.empty());
    }

    /**
     * @return the step, empty for {@link #none()}
     * @since 2.1.0
     */
    public Optional<Level> level() {
        return level;
    }

    /** @since 2.1.0 */
    @Override
    public void writeTo(TemplateOutput out) {
        out.writeContent("<span class=\"band " + level.map(Level::cssClass).orElse("band-none") + "\">");
        Escape.htmlContent(word, out);
        out.writeContent("</span>");
    }
}
