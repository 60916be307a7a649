package dev.vitals.plugins.priorities.pages;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.Map;

/** The plugin's jte templates, precompiled into its own package and loaded through its own class loader. */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "dev.vitals.plugins.priorities.jte");

    private Templates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }
}
