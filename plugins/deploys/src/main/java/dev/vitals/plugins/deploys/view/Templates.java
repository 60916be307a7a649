package dev.vitals.plugins.deploys.view;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.util.Map;

/**
 * The plugin's jte templates, compiled at build time into {@code dev.vitals.plugins.deploys.jte} and read through the
 * plugin's own class loader, so they never clash with the host's or another plugin's.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "dev.vitals.plugins.deploys.jte");

    private Templates() {
    }

    /**
     * @param template e.g. {@code overview.jte}
     * @param params the template's parameters by name
     * @return the content, rendered when the host writes it
     */
    public static Content render(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }
}
