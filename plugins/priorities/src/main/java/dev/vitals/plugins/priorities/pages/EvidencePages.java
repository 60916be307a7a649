package dev.vitals.plugins.priorities.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.Page;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ui.Pager;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemStore;
import dev.vitals.plugins.priorities.backlog.ItemsApi;
import dev.vitals.plugins.priorities.backlog.Level;
import dev.vitals.plugins.priorities.backlog.Owners;
import dev.vitals.plugins.priorities.backlog.Paging;
import dev.vitals.plugins.priorities.evidence.AcceptProposal;
import dev.vitals.plugins.priorities.evidence.DismissProposal;
import dev.vitals.plugins.priorities.evidence.Proposal;
import dev.vitals.plugins.priorities.evidence.Proposals;
import dev.vitals.plugins.priorities.evidence.ProposalsApi;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The evidence inbox: proposals with their evidence, and the forms that accept or dismiss them. */
public final class EvidencePages {

    private final Proposals proposals;
    private final ProposalsApi api;
    private final ItemStore store;
    private final Owners owners;
    private final BacklogPages backlog;
    private final PluginUrls urls;
    private final ZoneId zone;

    public EvidencePages(Proposals proposals, ProposalsApi api, ItemStore store, Owners owners, BacklogPages backlog,
            PluginUrls urls, ZoneId zone) {
        this.proposals = proposals;
        this.api = api;
        this.store = store;
        this.owners = owners;
        this.backlog = backlog;
        this.urls = urls;
        this.zone = zone;
    }

    /** {@code GET /p/priorities/inbox?owner=&state=}. */
    public Page inbox(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Optional<EntityRef> owner = ItemsApi.ownerParam(ctx, "owner", errors);
        String state = Optional.ofNullable(ctx.queryParam("state")).filter(s -> List.of("open", "accepted",
                "dismissed").contains(s)).orElse("open");
        Paging paging = Paging.of(ctx);
        Proposal.Page page = proposals.list(new Proposals.Filter(Optional.of(state), owner.map(EntityRef::toString),
                Optional.empty(), Optional.empty()), paging.page(), paging.size());
        RequestCaller caller = RequestCaller.of(ctx);
        Map<String, List<Item>> features = new HashMap<>();
        List<InboxRow> rows = page.proposals().stream().map(p -> {
            boolean mayDecide = p.state().equals("open") && (p.owner() == null ? caller.has(Role.ADMIN)
                    : owners.mayChange(caller, EntityRef.parse(p.owner())));
            List<Item> choices = !mayDecide || p.owner() == null ? List.of()
                    : features.computeIfAbsent(p.owner(), o -> store.list(new ItemStore.Filter(
                            Optional.of(Level.FEATURE), Optional.of(EntityRef.parse(o)), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty()), ItemStore.Sort.RANK, 1, 200, "")
                            .items());
            return new InboxRow(p, PluginUrls.entity(EntityRef.parse(p.subject())), mayDecide, choices);
        }).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("state", state);
        params.put("owners", backlog.allOwners());
        params.put("owner", owner.map(EntityRef::toString).orElse(""));
        params.put("pager", Pager.of(ctx, page.page(), page.size(), page.total()));
        params.put("caller", caller);
        params.put("urls", urls);
        params.put("zone", zone);
        params.put("back", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        return new Page("Evidence inbox", Templates.render("inbox.jte", params));
    }

    /** {@code POST /p/priorities/proposals/{id}/accept}. */
    public Page accept(Context ctx) {
        Proposal proposal = api.open(ctx);
        String back = Back.to(ctx, urls.page("/"), urls.page("/inbox"));
        return FormProblem.run(ctx, back, "Proposal " + proposal.title() + " accepted as a story.", () -> {
            Integer parent = BacklogPages.number(ctx.formParam("parent"), "parent");
            String weeks = ctx.formParam("estimateWeeks");
            BigDecimal estimate = null;
            if (weeks != null && !weeks.isBlank()) {
                estimate = new BigDecimal(BacklogPages.number(weeks, "estimateWeeks"));
            }
            String quarter = ctx.formParam("quarter");
            api.accept(ctx, proposal, new AcceptProposal(parent.longValue(), null,
                    quarter == null || quarter.isBlank() ? null : quarter.trim(), estimate));
        });
    }

    /** {@code POST /p/priorities/proposals/{id}/dismiss}. */
    public Page dismiss(Context ctx) {
        Proposal proposal = api.open(ctx);
        String back = Back.to(ctx, urls.page("/"), urls.page("/inbox"));
        return FormProblem.run(ctx, back, "Proposal " + proposal.title() + " dismissed.", () -> api.dismiss(ctx, proposal,
                new DismissProposal(ctx.formParam("reason"))));
    }
}
