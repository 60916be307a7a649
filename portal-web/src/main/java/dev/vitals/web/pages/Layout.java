package dev.vitals.web.pages;

import dev.vitals.api.RequestCaller;
import dev.vitals.api.ui.Flash;
import dev.vitals.core.pluginhost.DemoProgress;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.web.security.Caller;
import gg.jte.Content;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Wraps every page, the host's and the plugins', in one header and one navigation. */
public final class Layout {

    /** htmx from its webjar, at the version the build bundled. */
    public static final String HTMX = "/static/vendor/htmx.org/" + webjarVersion("org.webjars.npm", "htmx.org")
            + "/dist/htmx.min.js";

    /** uPlot from its webjar, which the chart script draws the plugin API's charts with. */
    public static final String UPLOT = "/static/vendor/uplot/" + webjarVersion("org.webjars.npm", "uplot") + "/dist/";

    /** The portal's icon: a static file, open to anyone, so it shows on the sign-in page too. */
    public static final String FAVICON = "/static/favicon.svg";

    /** The version of a webjar the build bundled, for the versioned path it serves its files under. */
    public static String webjarVersion(String group, String artifact) {
        try (var in = Layout.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("webjar " + group + ":" + artifact + " is missing from the class path", e);
        }
    }

    /**
     * Where the body goes in a frame rendered around a body kept as bytes; escaped text (a title, a flash) can never
     * contain it, since jte writes its {@code <} as {@code &lt;}.
     */
    private static final String BODY_MARK = "<!--vitals-page-body-->";

    private final PluginHost plugins;

    public Layout(PluginHost plugins) {
        this.plugins = plugins;
    }

    /** The request attribute a page's layout is kept under, for the error pages of any route. */
    public static final String ATTRIBUTE = "vitals.layout";

    /** Keeps this layout on the request, so that an error page has the whole navigation too. */
    public void attach(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /**
     * Renders a page in the frame: header, navigation, heading and, once after a save, the confirmation a route left
     * with {@link Flash#confirm}.
     */
    public void render(Context ctx, String title, Content body) {
        ctx.html(Templates.render("layout.jte", frame(ctx, title, body)));
    }

    /**
     * Renders a page in the frame around a body that was rendered and encoded before: the frame is rendered for this
     * request, and the body is copied into the response as it is, not appended to the frame's text and encoded again.
     * A page that keeps its body between requests spent most of its time on that copy and encoding.
     *
     * @param bodyUtf8 the body as UTF-8
     */
    public void render(Context ctx, String title, byte[] bodyUtf8) {
        String frame = Templates.render("layout.jte", frame(ctx, title, output -> output.writeContent(BODY_MARK)));
        int at = frame.indexOf(BODY_MARK);
        byte[] before = frame.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = frame.substring(at + BODY_MARK.length()).getBytes(StandardCharsets.UTF_8);
        byte[] page = Arrays.copyOf(before, before.length + bodyUtf8.length + after.length);
        System.arraycopy(bodyUtf8, 0, page, before.length, bodyUtf8.length);
        System.arraycopy(after, 0, page, before.length + bodyUtf8.length, after.length);
        ctx.contentType(ContentType.TEXT_HTML).result(page);
    }

    private Map<String, Object> frame(Context ctx, String title, Content body) {
        Caller caller = Caller.of(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put("nav", navigation());
        params.put("body", body);
        params.put("current", ctx.path());
        params.put("user", caller.authenticated() ? caller.name() : "");
        params.put("caller", RequestCaller.of(ctx));
        params.put("flash", Flash.take(ctx).orElse(null));
        params.put("demoLoading", demoLoading().orElse(null));
        return params;
    }

    /**
     * While the demo data is seeded in the background, the sentence that says what is still to come: a newcomer's
     * first pages are emptier than the demo, and this says why and for how long.
     */
    public Optional<String> demoLoading() {
        return plugins.demoProgress().filter(DemoProgress::loading).map(progress -> "Loading demo data: "
                + progress.pending().stream().map(this::demoPartName).collect(Collectors.joining(", "))
                + ". Refresh in a few seconds to see it.");
    }

    private String demoPartName(String pending) {
        return plugins.plugin(pending).map(HostedPlugin::displayName).orElse("the " + pending);
    }

    /** Nav entries of started plugins only: a disabled plugin's entries disappear with it. */
    public List<NavLink> navigation() {
        List<NavLink> links = new ArrayList<>();
        links.add(new NavLink("Home", "/"));
        links.add(new NavLink("Services", "/services"));
        links.add(new NavLink("Teams", "/teams"));
        links.add(new NavLink("Programs", "/programs"));
        for (HostedPlugin plugin : plugins.plugins()) {
            if (plugin.isStarted()) {
                plugin.navigation().forEach(entry -> links.add(new NavLink(entry.label(), pageHref(plugin.id(), entry.path()))));
            }
        }
        links.add(new NavLink("Admin", "/admin/plugins"));
        return links;
    }

    public static String pageHref(String pluginId, String path) {
        return "/p/" + pluginId + (path.startsWith("/") ? path : "/" + path);
    }
}
