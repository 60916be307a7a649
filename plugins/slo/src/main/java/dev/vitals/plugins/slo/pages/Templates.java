package dev.vitals.plugins.slo.pages;

import dev.vitals.api.Page;
import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The plugin's jte templates, compiled at build time into {@code dev.vitals.plugins.slo.jte} and read through the
 * plugin's own class loader, so they never clash with the host's or another plugin's.
 */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "dev.vitals.plugins.slo.jte");

    private Templates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }

    /** A page that says what is missing; the host would show a thrown error as a failure of the plugin. */
    static Page notFound(Context ctx, String what, String overview) {
        ctx.status(404);
        return new Page("Not found", render("not-found.jte", Map.of("what", what, "overview", overview)));
    }
}
