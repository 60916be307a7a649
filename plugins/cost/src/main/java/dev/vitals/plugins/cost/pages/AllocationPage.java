package dev.vitals.plugins.cost.pages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.api.FieldError;
import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.ui.Flash;
import dev.vitals.plugins.cost.allocation.RuleProblem;
import dev.vitals.plugins.cost.allocation.RuleText;
import dev.vitals.plugins.cost.allocation.RuleVersion;
import dev.vitals.plugins.cost.allocation.SharedRule;
import dev.vitals.plugins.cost.allocation.Split;
import dev.vitals.plugins.cost.rates.Rates;
import dev.vitals.plugins.cost.rules.AllocationRules;
import dev.vitals.plugins.cost.rules.RulePreview;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /p/cost/allocation}, for admins: the tag keys in use, the shared-cost rules with a preview of a rule's effect
 * before it is saved, the exchange rates, and the costliest unallocated rows with what would catch them. Plain forms:
 * it works without JavaScript.
 */
public final class AllocationPage {

    /** The days the unallocated list and a preview cover, today included. */
    static final int DAYS = 30;

    private final AllocationRules rules;
    private final Rates rates;
    private final UnallocatedRows unallocated;
    private final Clock clock;
    private final ZoneId zone;
    private final PluginUrls urls;

    public AllocationPage(AllocationRules rules, Rates rates, UnallocatedRows unallocated, Clock clock, ZoneId zone,
            PluginUrls urls) {
        this.rules = rules;
        this.rates = rates;
        this.unallocated = unallocated;
        this.clock = clock;
        this.zone = zone;
        this.urls = urls;
    }

    /** @return the page and its two forms */
    public List<PageRoute> routes() {
        return List.of(
                new PageRoute("/allocation", Role.ADMIN, ctx -> render(ctx, RuleForm.EMPTY, Optional.empty())),
                PageRoute.form("/allocation/rules", this::rule).requiring(Role.ADMIN),
                PageRoute.form("/allocation/rates", this::rate).requiring(Role.ADMIN));
    }

    private Page rule(Context ctx) {
        RuleForm form = new RuleForm(field(ctx, "name"), field(ctx, "matchKind"), field(ctx, "matchKey"),
                field(ctx, "matchValue"), field(ctx, "split"), field(ctx, "among"), field(ctx, "reallocateFrom"));
        SharedRule rule = refused(() -> form.rule());
        Optional<LocalDate> from = form.reallocateFrom().isBlank() ? Optional.empty()
                : Optional.of(refused(() -> day(form.reallocateFrom(), "reallocateFrom")));
        String action = field(ctx, "action");
        if (!action.equals("preview") && !action.equals("save")) {
            throw refusal("action", "must be preview or save");
        }
        if (action.equals("save")) {
            refused(() -> rules.save(rule.name(), Optional.of(rule), from, RequestCaller.of(ctx).name()));
            Flash.confirm(ctx, "Rule " + rule.name() + " saved" + from.map(day -> ", history re-allocated from " + day)
                    .orElse("") + ".");
            return Page.seeOther(ctx, urls.page("/allocation"));
        }
        LocalDate to = today().plusDays(1);
        return render(ctx, form, Optional.of(refused(() -> rules.preview(rule, to.minusDays(DAYS), to))));
    }

    private Page rate(Context ctx) {
        String currency = refused(() -> RuleText.checked(field(ctx, "currency"), "currency"))
                .toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}") || currency.equals(rates.reporting())) {
            throw refusal("currency", "must be an ISO 4217 code such as EUR, other than " + rates.reporting());
        }
        YearMonth month;
        BigDecimal rate;
        try {
            month = YearMonth.parse(field(ctx, "month").strip());
        } catch (DateTimeParseException e) {
            throw refusal("month", "must be a month such as 2024-09");
        }
        try {
            rate = new BigDecimal(field(ctx, "rate").strip());
        } catch (NumberFormatException e) {
            throw refusal("rate", "must be a positive decimal such as 1.0852");
        }
        if (rate.signum() <= 0 || rate.compareTo(new BigDecimal("1000000000")) > 0 || rate.precision() > 24
                || month.getYear() < 1970 || month.getYear() > 9998) {
            throw refusal("rate", "must be positive, at most 1000000000, with at most 24 significant digits, for a "
                    + "month from 1970");
        }
        rates.put(currency, month, rate, RequestCaller.of(ctx).name(), clock.instant());
        Flash.confirm(ctx, "Rate of " + currency + " for " + month + " saved: " + rate.toPlainString() + ".");
        return Page.seeOther(ctx, urls.page("/allocation"));
    }

    private Page render(Context ctx, RuleForm form, Optional<RulePreview> preview) {
        LocalDate to = today().plusDays(1);
        List<RuleVersion> current = rules.current();
        Map<String, Object> params = new HashMap<>();
        params.put("caller", RequestCaller.of(ctx));
        params.put("urls", urls);
        params.put("zone", zone);
        params.put("keys", unallocated.allocationKeys());
        params.put("rules", current.stream().map(v -> {
            SharedRule r = v.rule().orElseThrow();
            return new RuleLine(r.name(), r.match().words(), r.split().words(), r.among().text(), v.from(),
                    v.setBy(), v.setAt());
        }).toList());
        params.put("reallocations", rules.list().reallocations());
        params.put("form", form);
        params.put("preview", preview);
        params.put("rates", rates.list());
        params.put("from", to.minusDays(DAYS));
        params.put("last", to.minusDays(1));
        params.put("unallocated", unallocated.top(to.minusDays(DAYS), to, current.stream()
                .map(v -> v.rule().orElseThrow()).toList()));
        return new Page("Cost allocation", Templates.render("allocation.jte", params));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static String field(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static LocalDate day(String text, String field) {
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 1970 || day.getYear() > 9998) {
                throw new RuleProblem(field, "must be a day from 1970 on");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new RuleProblem(field, "must be a day such as 2024-09-01");
        }
    }

    private static <T> T refused(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RuleProblem problem) {
            throw refusal(problem.field(), problem.getMessage());
        }
    }

    private static ProblemException refusal(String field, String reason) {
        return ProblemException.unprocessable(field + " " + reason, List.of(new FieldError(field, reason)));
    }

    /**
     * The rule form's fields as typed, so that a preview shows them again.
     *
     * @param name the rule's name
     * @param matchKind tag, serviceName or account
     * @param matchKey the tag's key
     * @param matchValue the tag's value, the service name or the account
     * @param split even, proportional or a measure's name
     * @param among team:&lt;key&gt;, system:&lt;key&gt; or org
     * @param reallocateFrom the first day to allocate again; empty for today
     */
    public record RuleForm(String name, String matchKind, String matchKey, String matchValue, String split,
            String among, String reallocateFrom) {

        static final RuleForm EMPTY = new RuleForm("", "tag", "shared", "", "even", "org", "");

        SharedRule rule() {
            String checked = SharedRule.name(JsonNodeFactory.instance.textNode(name.strip()));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ObjectNode match = body.putObject("match");
            switch (matchKind) {
                case "tag" -> match.putObject("tag").put(RuleText.checked(matchKey, "matchKey"), matchValue);
                case "serviceName" -> match.put("serviceName", matchValue);
                case "account" -> match.put("account", matchValue);
                default -> throw new RuleProblem("matchKind", "must be tag, serviceName or account");
            }
            body.set("split", Split.ofWord(RuleText.checked(split.isBlank() ? "even" : split, "split"), "split")
                    .json());
            body.put("among", among);
            return SharedRule.parse(checked, body);
        }
    }
}
