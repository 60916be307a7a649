package dev.vitals.plugins.priorities.demo;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.plugins.priorities.backlog.ItemStore;
import dev.vitals.plugins.priorities.backlog.ItemsApi;
import dev.vitals.plugins.priorities.backlog.NewItem;
import dev.vitals.plugins.priorities.backlog.RiceInputs;
import dev.vitals.plugins.priorities.backlog.WsjfInputs;
import dev.vitals.plugins.priorities.initiative.Checklist;
import dev.vitals.plugins.priorities.initiative.TickRule;
import dev.vitals.plugins.priorities.plan.Quarters;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo organisation's backlog ({@code --demo}): a theme per program, and per team an epic under one of them with
 * a feature and stories in the current quarter. Seeding runs on every start; an existing demo backlog is left as it
 * is, so people's changes to it survive a restart.
 */
public final class DemoPriorities {

    /** Program, theme, and the teams working on it with one service each. */
    private record Program(String key, String theme, List<String[]> teams) {
    }

    private static final List<Program> PROGRAMS = List.of(
            new Program("availability", "Every customer-facing journey meets its SLO every month", List.of(
                    new String[] {"playback", "stream-edge", "Fail over stream edges without dropped sessions"},
                    new String[] {"identity", "auth-service", "Sign-in survives the loss of one zone"})),
            new Program("cost-optimization", "Cloud spend per active customer down 15 % this year", List.of(
                    new String[] {"data", "warehouse-loader", "Right-size the warehouse loaders"},
                    new String[] {"platform", "object-storage-proxy", "Tier cold objects to cheaper storage"})),
            new Program("continuous-delivery", "Every service deploys on its own, daily", List.of(
                    new String[] {"web", "web-app", "Deploy the web app independently of the API"},
                    new String[] {"recording", "recorder-api", "Move the recorder off the monthly release train"})),
            new Program("incident-response", "Incidents found by us before customers, restored within the hour",
                    List.of(new String[] {"payments", "billing-api", "Page on failed card payments, not on CPU"},
                            new String[] {"search", "search-api", "Runbooks for every search alert"})),
            new Program("engineering-velocity", "Lead time from commit to production under a day", List.of(
                    new String[] {"platform", "deploy-pipeline", "Halve the pipeline's build time"},
                    new String[] {"search", "search-indexer", "Preview environments for the indexer"})));

    private final ItemsApi items;
    private final ItemStore store;
    private final CatalogView catalog;
    private final Clock clock;
    private final ZoneId zone;
    private final Checklist checklist;

    public DemoPriorities(ItemsApi items, ItemStore store, CatalogView catalog, Clock clock, ZoneId zone,
            Checklist checklist) {
        this.checklist = checklist;
        this.items = items;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.zone = zone;
    }

    public void seed() {
        boolean seeded = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM items WHERE key LIKE 'demo-%'").mapTo(Long.class).one()) > 0;
        if (seeded) {
            return;
        }
        String quarter = Quarters.current(clock, zone);
        List<NewItem> backlog = new ArrayList<>();
        int n = 0;
        for (Program program : PROGRAMS) {
            EntityRef ref = EntityRef.of("program", program.key());
            // A program the catalog lacks is led by the engineering group instead, or by its first team.
            String owner;
            if (catalog.entity(ref).isPresent()) {
                owner = ref.toString();
            } else if (catalog.entity(EntityRef.of("group", "engineering")).isPresent()) {
                owner = "engineering";
            } else {
                owner = program.teams().get(0)[0];
            }
            String theme = "demo-" + program.key();
            backlog.add(new NewItem(theme, program.theme(), "theme", null, null, owner, "future", "foundation",
                    "in-progress", null, null, List.of(), null, null));
            for (String[] team : program.teams()) {
                n++;
                String epic = theme + "-" + team[0];
                backlog.add(new NewItem(epic, team[2], "epic", null, theme, team[0], "immediate", "foundation",
                        "ready", null, quarter, List.of(team[1]),
                        new RiceInputs(BigDecimal.valueOf(500L * n), new BigDecimal(n % 2 == 0 ? "2" : "1"),
                                new BigDecimal("0.8"), BigDecimal.valueOf(1 + n % 3)),
                        new WsjfInputs(BigDecimal.valueOf(8), BigDecimal.valueOf(n % 2 == 0 ? 5 : 3),
                                BigDecimal.valueOf(5), BigDecimal.valueOf(n % 2 == 0 ? 3 : 5))));
                String feature = epic + "-f";
                backlog.add(new NewItem(feature, "First step: " + team[2].toLowerCase(java.util.Locale.ROOT),
                        "feature", null, epic, team[0], "immediate", "foundation", "in-progress", null, quarter,
                        List.of(team[1]), null, null));
                backlog.add(new NewItem(null, "Measure where " + team[1] + " stands today", "story", null, feature,
                        team[0], "immediate", "foundation", "done", new BigDecimal("2"), quarter, List.of(team[1]),
                        null, null));
                backlog.add(new NewItem(null, "Ship the change behind a flag on " + team[1], "story", null, feature,
                        team[0], "immediate", "innovation", "ready", BigDecimal.valueOf(3 + n % 4), quarter,
                        List.of(team[1]), null, null));
                backlog.add(new NewItem(null, "Explore what comes after on " + team[1], "story", null, feature,
                        team[0], "future", n % 3 == 0 ? "foundation" : "innovation", "proposed",
                        BigDecimal.valueOf(2 + n % 3), quarter, List.of(team[1]), null, null));
            }
        }
        items.createAs("demo", backlog);
        moveToIndependentDeploys();
    }

    /**
     * The continuous-delivery theme is an initiative over every service, ticked by the deploys plugin's release modes
     * as it publishes them.
     */
    private void moveToIndependentDeploys() {
        store.jdbi().withHandle(h -> h.createQuery("SELECT id FROM items WHERE key = 'demo-continuous-delivery'")
                .mapTo(Long.class).findOne()).ifPresent(theme -> {
            List<String> services = catalog.services().stream().map(s -> s.ref().key()).sorted().limit(1000).toList();
            if (!services.isEmpty()) {
                checklist.set(theme, services, "demo", clock.instant());
                checklist.setRule(theme, new TickRule(new TickRule.MeasureRule("deploys.independent", BigDecimal.ONE),
                        null), "demo", clock.instant());
            }
        });
    }
}
