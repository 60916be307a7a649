package dev.vitals.api.ui;

import dev.vitals.api.RequestCaller;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.escape.Escape;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code <form method="post">} that always carries the session's form token in the hidden field
 * {@link RequestCaller#FORM_TOKEN_FIELD}, so no form can forget it: the host refuses a posted form without it.
 * The fields come as a jte content block.
 *
 * <pre>{@code
 * @param RequestCaller caller                        // RequestCaller.of(ctx), from the page's code
 * ${PostForm.to(caller, urls.page("/notes"), @`
 *     <label>Note <input name="body"></label>
 *     <button type="submit">Save</button>
 * `).withClass("edit")}
 * }</pre>
 *
 * @since 2.1.0
 */
public final class PostForm implements Content {

    private final String action;
    private final String token;
    private final Content fields;
    private final Optional<String> cssClass;

    private PostForm(String action, String token, Content fields, Optional<String> cssClass) {
        this.action = action;
        this.token = token;
        this.fields = fields;
        this.cssClass = cssClass;
    }

    /**
     * @param caller who the page is for; its {@link RequestCaller#formToken()} goes into the form (empty for a
     *     caller that needs none)
     * @param action where the form posts
     * @param fields the form's inputs and buttons
     * @return the form
     * @since 2.1.0
     */
    public static PostForm to(RequestCaller caller, String action, Content fields) {
        return new PostForm(Objects.requireNonNull(action, "action"), caller.formToken().orElse(""),
                Objects.requireNonNull(fields, "fields"), Optional.empty());
    }

    /**
     * @param ctx the request the page answers
     * @param action where the form posts
     * @param fields the form's inputs and buttons
     * @return the form, with the token of {@link RequestCaller#of(Context) the request's caller}
     * @since 2.1.0
     */
    public static PostForm to(Context ctx, String action, Content fields) {
        return to(RequestCaller.of(ctx), action, fields);
    }

    /**
     * @param cssClass the form's class attribute, e.g. {@code edit}
     * @return this form with it
     * @since 2.1.0
     */
    public PostForm withClass(String cssClass) {
        return new PostForm(action, token, fields, Optional.of(Objects.requireNonNull(cssClass, "cssClass")));
    }

    /** @since 2.1.0 */
    @Override
    public void writeTo(TemplateOutput out) {
        out.writeContent("<form method=\"post\" action=\"");
        Escape.htmlAttribute(action, out);
        out.writeContent("\"");
        cssClass.ifPresent(c -> {
            out.writeContent(" class=\"");
            Escape.htmlAttribute(c, out);
            out.writeContent("\"");
        });
        out.writeContent("><input type=\"hidden\" name=\"" + RequestCaller.FORM_TOKEN_FIELD + "\" value=\"");
        Escape.htmlAttribute(token, out);
        out.writeContent("\">");
        fields.writeTo(out);
        out.writeContent("</form>");
    }
}
