package dev.vitals.api.ui;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import java.util.Objects;
import java.util.Optional;

/**
 * What a page shows instead of an empty list: a sentence saying what is missing and what to do about it, and
 * optionally a link that does it. Text between backticks shows as code, for a command or an API call to copy.
 *
 * <pre>{@code
 * ${EmptyState.of("No notes yet. Leave one with `POST /api/example/notes`.")}
 * ${EmptyState.of("No SLOs yet.").action("Define the first one", links.newSlo())}
 * }</pre>
 *
 * <p>Every text is HTML-escaped.
 *
 * @since 2.1.0
 */
public final class EmptyState implements Content {

    private final String sentence;
    private final Optional<Link> action;

    private record Link(String label, String href) {
    }

    private EmptyState(String sentence, Optional<Link> action) {
        this.sentence = sentence;
        this.action = action;
    }

    /**
     * @param sentence what is missing and what to do, e.g. {@code No SLOs yet. Define one with `POST /api/slo/slos`.}
     * @return the empty state
     * @since 2.1.0
     */
    public static EmptyState of(String sentence) {
        return new EmptyState(Objects.requireNonNull(sentence, "sentence").strip(), Optional.empty());
    }

    /**
     * @param label what the link does, e.g. {@code Define the first one}
     * @param href where it leads
     * @return this empty state, ending with that link
     * @since 2.1.0
     */
    public EmptyState action(String label, String href) {
        return new EmptyState(sentence, Optional.of(new Link(Objects.requireNonNull(label, "label"),
                Objects.requireNonNull(href, "href"))));
    }

    /** @since 2.1.0 */
    @Override
    public void writeTo(TemplateOutput out) {
        out.writeContent("<p class=\"empty-state\">");
        String[] parts = sentence.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            // Odd parts sit between backticks; an unpaired last backtick leaves its text as plain text.
            boolean code = i % 2 == 1 && i < parts.length - 1;
            if (code) {
                out.writeContent("<code>");
                Escape.htmlContent(parts[i], out);
                out.writeContent("</code>");
            } else {
                Escape.htmlContent(i % 2 == 1 ? "`" + parts[i] : parts[i], out);
            }
        }
        action.ifPresent(link -> {
            out.writeContent(" <a href=\"");
            Escape.htmlAttribute(link.href(), out);
            out.writeContent("\">");
            Escape.htmlContent(link.label(), out);
            out.writeContent("</a>");
        });
        out.writeContent("</p>");
    }
}
