package dev.vitals.plugins.priorities.evidence;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.backlog.ItemStore;
import dev.vitals.plugins.priorities.backlog.ItemsApi;
import dev.vitals.plugins.priorities.backlog.NewItem;
import dev.vitals.plugins.priorities.backlog.Owners;
import dev.vitals.plugins.priorities.backlog.Paging;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The evidence inbox: proposals raised from other plugins' signals, accepted as stories or dismissed. */
public final class ProposalsApi {

    public static final RouteDoc LIST = RouteDoc.of("List proposals raised from other plugins' signals, newest first")
            .description("An SLO error budget spent or burning, a DORA key in the low band, a dependency cycle or "
                    + "tier violation, an open cost anomaly: each proposes a story with its evidence, once per "
                    + "subject and kind, and again only after its signal cleared and came back.")
            .query(RouteParam.optional("state", "open (the default), accepted, dismissed or all"),
                    RouteParam.optional("owner", "the subject's owning team, e.g. payments"),
                    RouteParam.optional("subject", "the entity, e.g. component:default/checkout-api"),
                    RouteParam.optional("kind", "error-budget, dora-low-band, dependency-cycle, tier-violation or "
                            + "cost-anomaly"),
                    RouteParam.optional("page", "from 1").ofType(Integer.class),
                    RouteParam.optional("size", "1 to 500, 50 when absent").ofType(Integer.class))
            .returns(Proposal.Page.class);

    public static final RouteDoc ACCEPT = RouteDoc.of("Accept a proposal: it becomes a story under a feature")
            .description("Editors of the subject's owning team (admins: any). The story is owned by that team, "
                    + "names the service, is immediate foundation work, and keeps the proposal's title unless "
                    + "another is given.")
            .accepts(AcceptProposal.class, """
                    {"parent": 12, "quarter": "2027-Q1", "estimateWeeks": 2}""")
            .returns(Proposal.class);

    public static final RouteDoc DISMISS = RouteDoc.of("Dismiss a proposal, with a reason")
            .description("Editors of the subject's owning team (admins: any). It is not raised again until its "
                    + "signal has cleared and come back.")
            .accepts(DismissProposal.class, """
                    {"reason": "The budget was spent by a planned load test"}""")
            .returns(Proposal.class);

    private final Proposals proposals;
    private final ItemsApi items;
    private final ItemStore store;
    private final Owners owners;
    private final Clock clock;

    public ProposalsApi(Proposals proposals, ItemsApi items, ItemStore store, Owners owners, Clock clock) {
        this.proposals = proposals;
        this.items = items;
        this.store = store;
        this.owners = owners;
        this.clock = clock;
    }

    /** {@code GET /proposals}. */
    public void list(Context ctx) {
        Paging paging = Paging.of(ctx);
        ctx.json(proposals.list(filter(ctx), paging.page(), paging.size()));
    }

    static Proposals.Filter filter(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        String state = Optional.ofNullable(ctx.queryParam("state")).filter(s -> !s.isBlank()).orElse("open");
        if (!List.of("open", "accepted", "dismissed", "all").contains(state)) {
            errors.add(new FieldError("state", "must be open, accepted, dismissed or all"));
        }
        Optional<String> owner = ItemsApi.ownerParam(ctx, "owner", errors).map(EntityRef::toString);
        Optional<String> subject = Optional.ofNullable(ctx.queryParam("subject")).filter(s -> !s.isBlank())
                .map(s -> {
                    if (!Owners.isText(s)) {
                        errors.add(new FieldError("subject", "must be an entity such as component:default/x"));
                        return null;
                    }
                    try {
                        return EntityRef.parse(s.trim(), "component").toString();
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError("subject", "must be an entity such as component:default/x"));
                        return null;
                    }
                });
        Optional<String> kind = Optional.ofNullable(ctx.queryParam("kind")).filter(s -> !s.isBlank());
        kind.filter(k -> java.util.Arrays.stream(EvidenceRule.values()).noneMatch(r -> r.kind().equals(k)))
                .ifPresent(k -> errors.add(new FieldError("kind", "must be error-budget, dora-low-band, "
                        + "dependency-cycle, tier-violation or cost-anomaly")));
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "the proposals cannot be read: " + errors.get(0).field() + " "
                    + errors.get(0).reason(), errors);
        }
        return new Proposals.Filter(state.equals("all") ? Optional.empty() : Optional.of(state), owner, subject,
                kind);
    }

    public Proposal open(Context ctx) {
        long id = ItemsApi.id(ctx);
        Proposal proposal = proposals.find(id).orElseThrow(() -> ProblemException.notFound("no proposal has id "
                + id));
        return proposal;
    }

    /** The subject's owner decides; a proposal on something the catalog gives no owner is the admins'. */
    private void requireDecider(Context ctx, Proposal proposal) {
        if (proposal.owner() == null) {
            RequestCaller caller = RequestCaller.of(ctx);
            if (!caller.has(Role.ADMIN)) {
                throw new ProblemException(403, caller.name() + " may not decide on proposal " + proposal.id()
                        + ": its subject has no owner in the catalog, so only admins may", List.of());
            }
            return;
        }
        owners.requireChange(ctx, EntityRef.parse(proposal.owner()));
    }

    private static void requireOpen(Proposal proposal) {
        if (!proposal.state().equals("open")) {
            throw ProblemException.conflict("proposal " + proposal.id() + " is " + proposal.state()
                    + " already");
        }
    }

    /** {@code POST /proposals/{id}/accept}. */
    public void accept(Context ctx) {
        Proposal proposal = open(ctx);
        requireDecider(ctx, proposal);
        AcceptProposal body = ctx.bodyAsClass(AcceptProposal.class);
        ctx.json(accept(ctx, proposal, body));
    }

    public Proposal accept(Context ctx, Proposal proposal, AcceptProposal body) {
        requireDecider(ctx, proposal);
        requireOpen(proposal);
        if (body.parent() == null) {
            throw ProblemException.unprocessable("the proposal was not accepted", List.of(new FieldError("parent",
                    "is required: the id of the feature the story goes under")));
        }
        Item parent = store.find(body.parent()).orElseThrow(() -> ProblemException.unprocessable(
                "the proposal was not accepted", List.of(new FieldError("parent", "no item has id "
                        + body.parent()))));
        String owner = proposal.owner() != null ? proposal.owner() : parent.owner();
        EntityRef subject = EntityRef.parse(proposal.subject());
        List<String> services = subject.kind().equals("component") ? List.of(subject.key()) : List.of();
        NewItem story = new NewItem(null, body.title() == null || body.title().isBlank() ? proposal.title()
                : body.title(), "story", parent.id(), null, owner, "immediate", "foundation", null,
                body.estimateWeeks(), body.quarter(), services, null, null);
        String by = RequestCaller.of(ctx).name();
        // Claimed first, so that two people accepting at once make one story.
        if (!proposals.decide(proposal.id(), "accepted", by, clock.instant(), null)) {
            throw ProblemException.conflict("proposal " + proposal.id() + " was decided meanwhile");
        }
        Item created;
        try {
            created = items.create(ctx, List.of(story), false).get(0);
        } catch (RuntimeException e) {
            proposals.reopen(proposal.id());
            throw e;
        }
        proposals.accepted(proposal.id(), created.id());
        return proposals.find(proposal.id()).orElseThrow();
    }

    /** {@code POST /proposals/{id}/dismiss}. */
    public void dismiss(Context ctx) {
        Proposal proposal = open(ctx);
        requireDecider(ctx, proposal);
        DismissProposal body = ctx.bodyAsClass(DismissProposal.class);
        ctx.json(dismiss(ctx, proposal, body));
    }

    public Proposal dismiss(Context ctx, Proposal proposal, DismissProposal body) {
        requireDecider(ctx, proposal);
        requireOpen(proposal);
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 2000) {
            throw ProblemException.unprocessable("the proposal was not dismissed", List.of(new FieldError("reason",
                    "is required: why, 1 to 2000 characters")));
        }
        if (!proposals.decide(proposal.id(), "dismissed", RequestCaller.of(ctx).name(), clock.instant(),
                body.reason().trim())) {
            throw ProblemException.conflict("proposal " + proposal.id() + " was decided meanwhile");
        }
        return proposals.find(proposal.id()).orElseThrow();
    }
}
