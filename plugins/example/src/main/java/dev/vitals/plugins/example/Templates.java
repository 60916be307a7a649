package dev.vitals.plugins.example;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.Map;

/**
 * The plugin's jte templates. They are precompiled into this plugin's own package and loaded through this plugin's
 * class loader, so they never clash with the host's or another plugin's.
 */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "dev.vitals.plugins.example.jte");

    private Templates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }
}
