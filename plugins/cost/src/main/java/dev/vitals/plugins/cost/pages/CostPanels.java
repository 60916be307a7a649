package dev.vitals.plugins.cost.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.costs.CostAnswer;
import dev.vitals.plugins.cost.costs.CostLedger;
import dev.vitals.plugins.cost.costs.GroupBy;
import gg.jte.Content;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Cost panels of team and program pages: cost over time, by category and provider, and the forecast; a program's
 * also lists its services with their cost and the other programs each is shared with, since a shared service counts
 * in full in every program that has it in scope.
 */
public final class CostPanels {

    private final CostLedger ledger;
    private final ScopeView view;
    private final Organisation organisation;
    private final PluginUrls urls;

    CostPanels(CostLedger ledger, ScopeView view, Organisation organisation, PluginUrls urls) {
        this.ledger = ledger;
        this.view = view;
        this.organisation = organisation;
        this.urls = urls;
    }

    public Panel team() {
        return new Panel("cost", "Cost", (ctx, team) -> render(team, false));
    }

    public Panel program() {
        return new Panel("cost", "Cost", (ctx, program) -> render(program, true));
    }

    private Content render(EntityRef entity, boolean program) {
        Set<EntityRef> services = organisation.servicesOf(entity).orElse(Set.of());
        ScopeSummary summary = view.summary(Optional.of(services), program);
        CostAnswer perService = ledger.costs(GroupBy.SERVICE, summary.from(), summary.last().plusDays(1),
                Optional.of(services));
        BigDecimal total = new BigDecimal(perService.total());
        List<ServiceLine> lines = services.stream()
                .map(s -> new ServiceLine(s.key(), CostPage.costTab(s.key()),
                        cost(perService, s.key()), Amounts.share(cost(perService, s.key()), total).orElse(""),
                        organisation.programsOf(s).stream().filter(p -> !p.equals(entity))
                                .map(p -> new Share(p.key(), PluginUrls.entity(p), "", "")).toList()))
                .sorted((a, b) -> b.cost().compareTo(a.cost()) != 0 ? b.cost().compareTo(a.cost())
                        : a.service().compareTo(b.service()))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("summary", summary);
        params.put("program", program);
        params.put("services", lines);
        params.put("shared", lines.stream().filter(l -> !l.otherPrograms().isEmpty()).count());
        params.put("overviewUrl", urls.page("/"));
        params.put("importsUrl", urls.page("/imports"));
        return Templates.render("panel.jte", params);
    }

    private static BigDecimal cost(CostAnswer answer, String key) {
        return answer.groups().stream().filter(g -> g.key().equals(key)).findFirst()
                .map(g -> new BigDecimal(g.cost())).orElse(BigDecimal.ZERO);
    }

    /**
     * One service of a team or program, with the other programs it counts in.
     *
     * @param service its key
     * @param href its Cost tab
     * @param cost its cost over the breakdowns' days, exact; shown rounded
     * @param share its share of the team's or program's
     * @param otherPrograms the other programs that have it in scope
     */
    public record ServiceLine(String service, String href, BigDecimal cost, String share, List<Share> otherPrograms) {

        public String shown() {
            return Amounts.cents(cost);
        }
    }
}
