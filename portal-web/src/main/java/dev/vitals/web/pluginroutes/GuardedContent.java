package dev.vitals.web.pluginroutes;

import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginFailure;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.io.StringWriter;

/**
 * Plugin content placed inside a host page (a service tab, a team panel). It is rendered first into a buffer inside the
 * plugin's guard, so a failing plugin leaves a short notice in its place instead of a broken page.
 */
public final class GuardedContent {

    private GuardedContent() {
    }

    public interface Producer {
        Content produce() throws Exception;
    }

    public static Content of(HostedPlugin plugin, String during, Producer producer) {
        String html;
        try {
            html = plugin.call(during, () -> {
                StringWriter buffer = new StringWriter();
                gg.jte.output.WriterOutput out = new gg.jte.output.WriterOutput(buffer);
                producer.produce().writeTo(out);
                return buffer.toString();
            });
        } catch (PluginFailure e) {
            return output -> {
                output.writeContent("<p class=\"plugin-error\">This part comes from plugin ");
                output.writeUserContent(plugin.id());
                output.writeContent(", which failed to render it. Admins see the error on the plugins page.</p>");
            };
        }
        return (TemplateOutput output) -> output.writeContent(html);
    }
}
