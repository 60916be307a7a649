package dev.vitals.plugins.cost.rules;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.plugins.cost.allocation.Allocator;
import dev.vitals.plugins.cost.allocation.Reallocation;
import dev.vitals.plugins.cost.allocation.ResourceRule;
import dev.vitals.plugins.cost.allocation.RuleBook;
import dev.vitals.plugins.cost.allocation.RuleProblem;
import dev.vitals.plugins.cost.allocation.RuleVersion;
import dev.vitals.plugins.cost.allocation.SharedRule;
import dev.vitals.plugins.cost.allocation.SubAccountRule;
import dev.vitals.plugins.cost.measures.EffectiveCostMeasures;
import dev.vitals.plugins.cost.web.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Saving the allocation rules and allocating again what they change: a shared-cost rule from the day it is saved
 * (or from the day the admin asks, reaching back into history, which is recorded), a ResourceId prefix or a
 * sub-account rule over every stored day. The {@code cost.effective} measure follows.
 */
public final class AllocationRules {

    private final Jdbi jdbi;
    private final Allocator allocator;
    private final CatalogView catalog;
    private final EffectiveCostMeasures measures;
    private final Clock clock;
    private final String currency;

    public AllocationRules(Jdbi jdbi, Allocator allocator, CatalogView catalog, EffectiveCostMeasures measures,
            Clock clock, String currency) {
        this.jdbi = jdbi;
        this.allocator = allocator;
        this.catalog = catalog;
        this.measures = measures;
        this.clock = clock;
        this.currency = currency;
    }

    /** @return the rules in force and the last re-allocations */
    public RuleList list() {
        return jdbi.withHandle(h -> new RuleList(RuleBook.current(h).stream().map(RuleView::of).toList(),
                RuleBook.reallocations(h)));
    }

    /** @return the rule in force of that name */
    public Optional<RuleView> rule(String name) {
        return jdbi.withHandle(h -> RuleBook.current(h).stream().filter(v -> v.name().equals(name)).findFirst()
                .map(RuleView::of));
    }

    /** @return whether a rule of that name is in force */
    public boolean exists(String name) {
        return rule(name).isPresent();
    }

    /**
     * Saves a version of the rule (or its deletion) that allocates from {@code reallocateFrom} when given, else
     * from today, and allocates those stored days again.
     */
    public RuleSaved save(String name, Optional<SharedRule> rule, Optional<LocalDate> reallocateFrom, String by) {
        rule.ifPresent(this::check);
        Instant at = clock.instant();
        LocalDate from = reallocateFrom.orElse(LocalDate.ofInstant(at, allocator.zone()));
        jdbi.useTransaction(h -> RuleBook.save(h, name, rule, from, by, at));
        Optional<Reallocation> done = allocator.reallocate("rule " + name, from, by, at);
        done.ifPresent(r -> measures.publish(r.firstDay(), r.lastDay()));
        Optional<RuleView> saved = rule.isEmpty() ? Optional.empty()
                : Optional.of(new RuleView(name, rule.get().match().json(), rule.get().split().json(),
                        rule.get().among().text(), from, by, at));
        return new RuleSaved(saved, done);
    }

    /** @return the effect of the rule over [from, to), nothing saved */
    public RulePreview preview(SharedRule rule, LocalDate from, LocalDate to) {
        check(rule);
        Allocator.Effect effect = allocator.preview(rule, from, to);
        TreeSet<String> services = new TreeSet<>(effect.before().keySet());
        services.addAll(effect.after().keySet());
        services.remove("");
        List<PreviewLine> lines = new ArrayList<>();
        for (String service : services) {
            BigDecimal before = effect.before().getOrDefault(service, BigDecimal.ZERO);
            BigDecimal after = effect.after().getOrDefault(service, BigDecimal.ZERO);
            if (before.compareTo(after) != 0) {
                lines.add(new PreviewLine(EntityRef.parse(service).key(), Money.text(before), Money.text(after),
                        Money.text(after.subtract(before))));
            }
        }
        lines.sort(Comparator.comparing((PreviewLine l) -> new BigDecimal(l.change()).abs()).reversed()
                .thenComparing(PreviewLine::service));
        return new RulePreview(currency, from, to, Money.text(effect.before().getOrDefault("", BigDecimal.ZERO)),
                Money.text(effect.after().getOrDefault("", BigDecimal.ZERO)), lines);
    }

    /** @return the ResourceId prefix rules, longest first */
    public List<ResourceRuleView> resourceRules() {
        return jdbi.withHandle(h -> RuleBook.resourceRules(h).stream().map(ResourceRuleView::of).toList());
    }

    /** Sets a prefix's service and allocates every stored day again. */
    public Optional<Reallocation> putResourceRule(String prefix, EntityRef service, String by) {
        if (catalog.entity(service).isEmpty()) {
            throw new RuleProblem("service", "names no service of the catalog: '" + service.key() + "'");
        }
        Instant at = clock.instant();
        jdbi.useTransaction(h -> RuleBook.putResourceRule(h, prefix, service, by, at));
        return everything("resource prefix " + prefix, by, at);
    }

    /** @return the re-allocation, or empty when there was no such rule */
    public Optional<Optional<Reallocation>> deleteResourceRule(String prefix, String by) {
        Instant at = clock.instant();
        if (!jdbi.inTransaction(h -> RuleBook.deleteResourceRule(h, prefix))) {
            return Optional.empty();
        }
        return Optional.of(everything("resource prefix " + prefix + " removed", by, at));
    }

    /** @return the sub-account rules by sub-account */
    public List<SubAccountRuleView> subAccountRules() {
        return jdbi.withHandle(h -> RuleBook.subAccountRules(h).values().stream().map(SubAccountRuleView::of)
                .toList());
    }

    /** Sets a sub-account's team and allocates every stored day again. */
    public Optional<Reallocation> putSubAccountRule(SubAccountRule rule, String by) {
        if (catalog.entity(rule.team()).isEmpty()) {
            throw new RuleProblem("team", "names no team of the catalog: '" + rule.team().key() + "'");
        }
        Instant at = clock.instant();
        jdbi.useTransaction(h -> RuleBook.putSubAccountRule(h, rule, by, at));
        return everything("sub-account " + rule.subAccountId(), by, at);
    }

    /** @return the re-allocation, or empty when there was no such rule */
    public Optional<Optional<Reallocation>> deleteSubAccountRule(String subAccountId, String by) {
        Instant at = clock.instant();
        if (!jdbi.inTransaction(h -> RuleBook.deleteSubAccountRule(h, subAccountId))) {
            return Optional.empty();
        }
        return Optional.of(everything("sub-account " + subAccountId + " removed", by, at));
    }

    /** @return the rules in force, for the page */
    public List<RuleVersion> current() {
        return jdbi.withHandle(RuleBook::current);
    }

    private Optional<Reallocation> everything(String subject, String by, Instant at) {
        Optional<Reallocation> done = allocator.reallocate(subject, LocalDate.MIN, by, at);
        done.ifPresent(r -> measures.publish(r.firstDay(), r.lastDay()));
        return done;
    }

    private void check(SharedRule rule) {
        rule.among().group().ifPresent(group -> {
            if (catalog.entity(group).isEmpty()) {
                throw new RuleProblem("among", "names no " + rule.among().text().substring(0,
                        rule.among().text().indexOf(':')) + " of the catalog: '" + rule.among().text() + "'");
            }
        });
    }
}
