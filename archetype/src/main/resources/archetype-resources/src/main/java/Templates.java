package ${package};

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.Map;

/**
 * The plugin's jte templates, precompiled at build time into this plugin's package and loaded with its class loader,
 * so they never clash with the portal's or another plugin's.
 */
final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "${package}.jte");

    private Templates() {
    }

    static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }
}
