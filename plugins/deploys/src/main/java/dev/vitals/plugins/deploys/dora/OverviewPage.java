package dev.vitals.plugins.deploys.dora;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.view.DeployCharts;
import dev.vitals.plugins.deploys.view.Templates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code /}: production deploys per week and the four keys of the organisation, each team and each service. */
public final class OverviewPage {

    static final int WEEKS = 26;
    private final DoraQuery dora;
    private final CatalogView catalog;
    private final OrgClock clock;
    private final PluginUrls urls;

    public OverviewPage(DoraQuery dora, CatalogView catalog, OrgClock clock, PluginUrls urls) {
        this.dora = dora;
        this.catalog = catalog;
        this.clock = clock;
        this.urls = urls;
    }

    /** @return the page's route */
    public PageRoute route() {
        return PageRoute.of("/", ctx -> new Page("Deploys", Templates.render("overview.jte", params())));
    }

    private Map<String, Object> params() {
        Period period = DoraWindow.current(clock);
        List<CatalogEntity> services = catalog.services();
        Map<String, List<String>> byTeam = new TreeMap<>();
        for (CatalogEntity s : services) {
            s.owner().ifPresent(o -> byTeam.computeIfAbsent(o.name(), t -> new ArrayList<>()).add(s.ref().key()));
        }
        List<DoraCard> teams = new ArrayList<>();
        byTeam.forEach((team, owned) -> teams.add(new DoraCard(team,
                PluginUrls.withQuery(urls.page("/deployments"), Map.of("team", team)),
                dora.report(Optional.of(owned), period))));
        List<DoraCard> serviceCards = new ArrayList<>();
        for (CatalogEntity s : services) {
            String key = s.ref().key();
            serviceCards.add(new DoraCard(key, urls.page("/services/{service}", key),
                    dora.report(Optional.of(List.of(key)), period)));
        }
        Period weeks = clock.lastWeeks(WEEKS);
        List<Long> weekly = dora.weeklyDeployments(Optional.empty(), weeks);
        Map<String, Object> params = new HashMap<>();
        params.put("urls", urls);
        params.put("org", new DoraCard("Organisation", urls.page("/deployments"), dora.report(Optional.empty(),
                period)));
        params.put("teams", teams);
        params.put("services", serviceCards);
        params.put("chart", DeployCharts.weeklyDeploys("Production deploys per ISO week, " + weeks.from() + " to "
                + weeks.to().minusDays(1) + "; most recent week "
                + (weekly.isEmpty() ? 0 : weekly.get(weekly.size() - 1)) + ", peak "
                + weekly.stream().mapToLong(Long::longValue).max().orElse(0), weeks.weekStarts(), weekly));
        params.put("period", DoraWindow.LABEL + ", " + period.from() + " to " + period.to().minusDays(1) + " ("
                + period.zone() + ")");
        params.put("empty", weekly.stream().allMatch(w -> w == 0));
        return params;
    }
}
