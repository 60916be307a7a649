package dev.vitals.plugins.cost.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.Content;
import java.util.Map;

/**
 * The plugin's jte templates, compiled at build time into {@code dev.vitals.plugins.cost.jte} and read through the
 * plugin's own class loader, so they never clash with the host's or another plugin's.
 */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "dev.vitals.plugins.cost.jte");

    private Templates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }
}
