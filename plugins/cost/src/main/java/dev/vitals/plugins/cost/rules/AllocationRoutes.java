package dev.vitals.plugins.cost.rules;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** The allocation rules' API routes, each described, and the allocation admin page's routes. */
public final class AllocationRoutes {

    static final String RULE_EXAMPLE = """
            {"name": "platform", "match": {"tag": {"shared": "platform"}}, "split": "proportional", \
            "among": "org"}""";
    private static final RouteParam REALLOCATE = RouteParam.optional("reallocate", "from:YYYY-MM-DD: the change "
            + "allocates the stored days from that day on again (and is recorded); without it, from today");

    private final RulesApi api;
    private final Supplier<List<PageRoute>> pages;
    private final DemoRule demo;

    /**
     * @param api the API's handlers
     * @param pages the admin page's routes
     * @param demo the demo organisation's shared-cost rule
     */
    public AllocationRoutes(RulesApi api, Supplier<List<PageRoute>> pages, DemoRule demo) {
        this.api = api;
        this.pages = pages;
        this.demo = demo;
    }

    /** Saves the demo organisation's shared-cost rule, once. */
    public void seedDemo() {
        demo.seed();
    }

    public List<PageRoute> pages() {
        return pages.get();
    }

    public List<ApiRoute> apiRoutes() {
        return List.of(
                ApiRoute.get("/rules", api::list)
                        .doc(RouteDoc.of("List the shared-cost rules and the last re-allocations")
                                .returns(RuleList.class)),
                ApiRoute.post("/rules", api::create).requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Create a shared-cost rule")
                                .description("Rows no tag allocates that the rule matches (by tag, FOCUS "
                                        + "ServiceName, or billing account or sub-account) are split among the "
                                        + "services of a team, a system or the organisation: evenly, in proportion "
                                        + "to each service's direct cost that day, or to a measure such as "
                                        + "slo.requests. When the base is zero for every service that day, the split "
                                        + "is even. 409 when the name is taken.")
                                .query(REALLOCATE)
                                .accepts(RuleBody.class, RULE_EXAMPLE)
                                .returns(201, RouteDoc.Body.json(RuleSaved.class))),
                ApiRoute.post("/rules/preview", api::preview).requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Preview a shared-cost rule's effect per service, saving nothing")
                                .description("The cost per service over [from, to) with the rules in force and "
                                        + "with this one in force over the whole period (replacing the rule of the "
                                        + "same name); at most 92 days, the last 30 when absent.")
                                .query(RouteParam.optional("from", "the first day, e.g. 2024-09-01")
                                        .ofType(LocalDate.class),
                                        RouteParam.optional("to", "the day after the last, e.g. 2024-10-01")
                                                .ofType(LocalDate.class))
                                .accepts(RuleBody.class, RULE_EXAMPLE)
                                .returns(RulePreview.class)),
                ApiRoute.get("/rules/{name}", api::get)
                        .doc(RouteDoc.of("Read a shared-cost rule").returns(RuleView.class)),
                ApiRoute.put("/rules/{name}", api::put).requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Change a shared-cost rule (or create it)")
                                .description("The new version allocates from today on, or from the day "
                                        + "?reallocate=from:YYYY-MM-DD names; the days before keep what the "
                                        + "earlier version gave them.")
                                .query(REALLOCATE)
                                .accepts(RuleBody.class, RULE_EXAMPLE)
                                .returns(RuleSaved.class)),
                ApiRoute.delete("/rules/{name}", api::delete).requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Delete a shared-cost rule")
                                .description("From today on, or from the day ?reallocate=from:YYYY-MM-DD names; "
                                        + "its cost is then allocated by the rules after it, or unallocated.")
                                .query(REALLOCATE)
                                .returns(RuleSaved.class)),
                ApiRoute.get("/direct-rules", api::directRules)
                        .doc(RouteDoc.of("List the ResourceId prefix and sub-account rules")
                                .returns(DirectRuleLists.class)),
                ApiRoute.put("/resource-rules", api::putResourceRule).requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Allocate the rows of a ResourceId prefix to a service")
                                .description("For rows no tag and no shared-cost rule takes; the longest prefix "
                                        + "wins. Every stored day is allocated again, and that is recorded.")
                                .accepts(ResourceRuleBody.class,
                                        "{\"prefix\": \"arn:aws:s3:::checkout-\", \"service\": \"checkout\"}")
                                .returns(DirectRuleSaved.class)),
                ApiRoute.delete("/resource-rules", api::deleteResourceRule).requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Remove a ResourceId prefix rule")
                                .query(RouteParam.required("prefix", "the rule's prefix"))
                                .returnsNothing(204)),
                ApiRoute.put("/sub-account-rules/{subAccountId}", api::putSubAccountRule).requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Allocate a sub-account's remaining rows to a team")
                                .description("For rows nothing before takes: spread over the team's services by "
                                        + "the split (even when absent). Every stored day is allocated again.")
                                .accepts(SubAccountRuleBody.class, "{\"team\": \"payments\", \"split\": \"even\"}")
                                .returns(DirectRuleSaved.class)),
                ApiRoute.delete("/sub-account-rules/{subAccountId}", api::deleteSubAccountRule)
                        .requiring(Role.ADMIN)
                        .doc(RouteDoc.of("Remove a sub-account rule").returnsNothing(204)));
    }
}
