package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.view.Templates;
import dev.vitals.plugins.deploys.dora.OrgClock;
import java.util.Map;

/** {@code /break-glass}: the latest break-glass requests and the gate log. */
public final class BreakGlassPage {

    private final BreakGlass breakGlass;
    private final GateLog gateLog;
    private final OrgClock clock;
    private final PluginUrls urls;

    public BreakGlassPage(BreakGlass breakGlass, GateLog gateLog, OrgClock clock, PluginUrls urls) {
        this.breakGlass = breakGlass;
        this.gateLog = gateLog;
        this.clock = clock;
        this.urls = urls;
    }

    /** @return the page's route */
    public PageRoute route() {
        return PageRoute.of("/break-glass", ctx -> new Page("Break-glass", Templates.render("break-glass.jte",
                Map.of("urls", urls, "requests", breakGlass.latest(0, 100), "now", clock.now(),
                        "log", gateLog.latest(100), "zone", clock.zone()))));
    }
}
