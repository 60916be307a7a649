package dev.vitals.plugins.cost.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.cost.allocation.RuleProblem;
import dev.vitals.plugins.cost.allocation.RuleText;
import dev.vitals.plugins.cost.allocation.SharedRule;
import dev.vitals.plugins.cost.allocation.Split;
import dev.vitals.plugins.cost.allocation.SubAccountRule;
import dev.vitals.plugins.cost.web.Parameters;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The allocation rules' routes: shared-cost rules under {@code /api/cost/rules}, ResourceId prefixes under
 * {@code /api/cost/resource-rules}, sub-accounts under {@code /api/cost/sub-account-rules}. Bad bodies are 422
 * naming the field.
 */
public final class RulesApi {

    /** The longest preview: a quarter and a bit, so that it answers while the admin waits. */
    static final long PREVIEW_DAYS = 92;

    private final AllocationRules rules;
    private final Clock clock;

    public RulesApi(AllocationRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    public void list(Context ctx) {
        ctx.json(rules.list());
    }

    public void get(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.json(rules.rule(name).orElseThrow(() -> ProblemException.notFound("no shared-cost rule named '" + name
                + "'")));
    }

    public void create(Context ctx) {
        RuleInput input = input(ctx);
        SharedRule rule = unprocessable(() -> SharedRule.parse(SharedRule.name(input.name()), body(input)));
        if (rules.exists(rule.name())) {
            throw ProblemException.conflict("a shared-cost rule named '" + rule.name() + "' exists; change it with "
                    + "PUT /api/cost/rules/" + rule.name());
        }
        ctx.status(201).json(unprocessable(() -> rules.save(rule.name(), Optional.of(rule), reallocate(ctx),
                RequestCaller.of(ctx).name())));
    }

    public void put(Context ctx) {
        String name = pathName(ctx);
        RuleInput input = input(ctx);
        SharedRule rule = unprocessable(() -> {
            if (input.name() != null && !input.name().isNull() && !SharedRule.name(input.name()).equals(name)) {
                throw new RuleProblem("name", "must be the path's name, '" + name + "', or left out");
            }
            return SharedRule.parse(name, body(input));
        });
        ctx.json(unprocessable(() -> rules.save(name, Optional.of(rule), reallocate(ctx),
                RequestCaller.of(ctx).name())));
    }

    public void delete(Context ctx) {
        String name = pathName(ctx);
        if (!rules.exists(name)) {
            throw ProblemException.notFound("no shared-cost rule named '" + name + "'");
        }
        ctx.json(rules.save(name, Optional.empty(), reallocate(ctx), RequestCaller.of(ctx).name()));
    }

    public void preview(Context ctx) {
        RuleInput input = input(ctx);
        SharedRule rule = unprocessable(() -> SharedRule.parse(SharedRule.name(input.name()), body(input)));
        LocalDate to = Parameters.text(ctx, "to").isPresent() ? Parameters.day(ctx, "to")
                : LocalDate.now(clock).plusDays(1);
        LocalDate from = Parameters.text(ctx, "from").isPresent() ? Parameters.day(ctx, "from") : to.minusDays(30);
        if (!to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > PREVIEW_DAYS) {
            throw Parameters.bad("to", "must be after from and at most " + PREVIEW_DAYS + " days after it");
        }
        ctx.json(unprocessable(() -> rules.preview(rule, from, to)));
    }

    public void directRules(Context ctx) {
        ctx.json(new DirectRuleLists(rules.resourceRules(), rules.subAccountRules()));
    }

    public void putResourceRule(Context ctx) {
        ResourceRuleInput input = ctx.bodyAsClass(ResourceRuleInput.class);
        if (input == null) {
            throw unprocessable(new RuleProblem("prefix", "is required"));
        }
        String prefix = unprocessable(() -> RuleText.of(input.prefix(), "prefix"));
        EntityRef service = unprocessable(() -> EntityRef.fromKey("component", RuleText.of(input.service(),
                "service")).orElseThrow(() -> new RuleProblem("service", "must be a service's key such as checkout")));
        ctx.json(new DirectRuleSaved(unprocessable(() -> rules.putResourceRule(prefix, service,
                RequestCaller.of(ctx).name()))));
    }

    public void deleteResourceRule(Context ctx) {
        String prefix = Parameters.text(ctx, "prefix").orElseThrow(() -> Parameters.bad("prefix",
                "is required: the prefix of the rule to remove"));
        rules.deleteResourceRule(prefix, RequestCaller.of(ctx).name()).orElseThrow(() ->
                ProblemException.notFound("no ResourceId prefix rule for '" + prefix + "'"));
        ctx.status(204);
    }

    public void putSubAccountRule(Context ctx) {
        String subAccount = unprocessable(() -> RuleText.checked(ctx.pathParam("subAccountId"), "subAccountId"));
        SubAccountRuleInput input = ctx.bodyAsClass(SubAccountRuleInput.class);
        if (input == null) {
            throw unprocessable(new RuleProblem("team", "is required"));
        }
        SubAccountRule rule = unprocessable(() -> new SubAccountRule(subAccount, EntityRef.fromKey("group",
                RuleText.of(input.team(), "team")).orElseThrow(() -> new RuleProblem("team",
                "must be a team's key such as payments")), Split.parse(input.split(), "split")));
        ctx.json(new DirectRuleSaved(unprocessable(() -> rules.putSubAccountRule(rule,
                RequestCaller.of(ctx).name()))));
    }

    public void deleteSubAccountRule(Context ctx) {
        String subAccount = ctx.pathParam("subAccountId");
        rules.deleteSubAccountRule(subAccount, RequestCaller.of(ctx).name()).orElseThrow(() ->
                ProblemException.notFound("no sub-account rule for '" + subAccount + "'"));
        ctx.status(204);
    }

    private static RuleInput input(Context ctx) {
        RuleInput input = ctx.bodyAsClass(RuleInput.class);
        if (input == null) {
            throw unprocessable(new RuleProblem("name", "the body must be a JSON object with name, match, split "
                    + "and among"));
        }
        return input;
    }

    private static JsonNode body(RuleInput input) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("match", input.match());
        body.set("split", input.split());
        body.set("among", input.among());
        return body;
    }

    private static String pathName(Context ctx) {
        String name = ctx.pathParam("name");
        if (!SharedRule.NAME.matcher(name).matches()) {
            throw Parameters.bad("name", "must be 1 to 63 lower case letters, digits and dashes");
        }
        return name;
    }

    /** {@code ?reallocate=from:YYYY-MM-DD}: the first day the change allocates; today when absent. */
    private static Optional<LocalDate> reallocate(Context ctx) {
        Optional<String> text = Parameters.text(ctx, "reallocate");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get();
        try {
            if (value.startsWith("from:")) {
                LocalDate day = LocalDate.parse(value.substring("from:".length()));
                if (day.getYear() >= 1970 && day.getYear() < 9999) {
                    return Optional.of(day);
                }
            }
        } catch (DateTimeParseException e) {
            // refused below, naming the form
        }
        throw Parameters.bad("reallocate", "must be from:YYYY-MM-DD, the first day to allocate again, got '"
                + value + "'");
    }

    private static <T> T unprocessable(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (RuleProblem problem) {
            throw unprocessable(problem);
        }
    }

    private static ProblemException unprocessable(RuleProblem problem) {
        return ProblemException.unprocessable("the rule cannot be saved: " + problem.field() + " "
                + problem.getMessage(), List.of(new FieldError(problem.field(), problem.getMessage())));
    }
}
