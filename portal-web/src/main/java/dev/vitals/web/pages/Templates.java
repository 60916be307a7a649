package dev.vitals.web.pages;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The host's precompiled jte templates ({@code src/main/jte}). */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), "dev.vitals.web.jte");

    private Templates() {
    }

    public static String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, params, output);
        return output.toString();
    }

    public static Content content(String template, Map<String, Object> params) {
        return output -> ENGINE.render(template, params, output);
    }
}
