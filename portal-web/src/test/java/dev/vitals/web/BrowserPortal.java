package dev.vitals.web;

import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.web.browser.Browser;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A portal for a browser test class, started before its first test and closed after its last, and the test run's
 * headless Chromium, whose browser profiles the class opened are closed with the portal: register it as a static field with {@code @RegisterExtension}. It starts before the class's own
 * {@code @BeforeAll} methods, so they can already seed the portal, and closes after its {@code @AfterAll} ones.
 */
public final class BrowserPortal implements BeforeAllCallback, AfterAllCallback {

    /** Trusts identity headers from this machine, which is where the test's browser sends them from. */
    private static final Map<String, String> BEHIND_PROXY = Map.of("VITALS_AUTH", "proxy",
            "VITALS_PROXY_ADDRESSES", "127.0.0.1,::1");

    private final PluginSource plugins;
    private final Supplier<Map<String, String>> environment;
    private TestServer server;
    private Browser browser;

    private BrowserPortal(PluginSource plugins, Supplier<Map<String, String>> environment) {
        this.plugins = plugins;
        this.environment = environment;
    }

    /** The portal with these settings; the supplier is asked when the class starts, e.g. once a provider runs. */
    public static BrowserPortal of(PluginSource plugins, Supplier<Map<String, String>> environment) {
        return new BrowserPortal(plugins, environment);
    }

    /** The portal behind a trusted proxy on this machine, with these further settings. */
    public static BrowserPortal behindProxy(PluginSource plugins, Map<String, String> moreEnvironment) {
        Map<String, String> env = new HashMap<>(moreEnvironment);
        env.putAll(BEHIND_PROXY);
        return new BrowserPortal(plugins, () -> env);
    }

    /** The demo organisation behind a trusted proxy on this machine. */
    public static BrowserPortal demoBehindProxy(PluginSource plugins) {
        return behindProxy(plugins, Map.of("VITALS_DEMO", "true"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(plugins, environment.get());
        // One Chromium for the whole test run: launching it costs more than a class's own browser profiles, which
        // are what keeps one class's cookies and pages from the next. The run's end closes it.
        browser = context.getRoot().getStore(ExtensionContext.Namespace.create(BrowserPortal.class))
                .getOrComputeIfAbsent(Browser.class, key -> Browser.launch(), Browser.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.closeContexts();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    public TestServer server() {
        return server;
    }

    public Browser browser() {
        return browser;
    }
}
