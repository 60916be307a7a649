package dev.vitals.plugins.cost.alerts;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a team's editor sends to change its alert settings; absent fields keep their value.
 *
 * @param relativePercent the rise in percent, above 0 and at most 10,000
 * @param floorPerDay the rise per day, 0 or more, at most 1,000,000,000
 * @param periods some of day, week, month (none switches period alerts off)
 * @param webhook an http(s) URL; "" removes it
 */
public record NewTeamSettings(BigDecimal relativePercent, BigDecimal floorPerDay, List<String> periods,
        String webhook) {

    private static final BigDecimal MAX_PERCENT = new BigDecimal("10000");
    private static final BigDecimal MAX_FLOOR = new BigDecimal("1000000000");

    /** The settings checked, with {@code current} where a field is absent. */
    public record Checked(AlertRules rules, Optional<Optional<URI>> webhook) {
    }

    /** @throws ProblemException 422 naming every bad field */
    public Checked check(AlertRules current) {
        if (relativePercent == null && floorPerDay == null && periods == null && webhook == null) {
            throw ProblemException.unprocessable("the alert settings cannot be saved: the request changes nothing",
                    List.of(new FieldError("relativePercent", "give at least one of relativePercent, floorPerDay, "
                            + "periods and webhook")));
        }
        List<FieldError> errors = new ArrayList<>();
        BigDecimal relative = relativePercent == null ? current.relativePercent() : relativePercent;
        if (relative.signum() <= 0 || relative.compareTo(MAX_PERCENT) > 0) {
            errors.add(new FieldError("relativePercent", "must be above 0 and at most 10000 (percent), got "
                    + relative.toPlainString()));
        }
        BigDecimal floor = floorPerDay == null ? current.floorPerDay() : floorPerDay;
        if (floor.signum() < 0 || floor.compareTo(MAX_FLOOR) > 0) {
            errors.add(new FieldError("floorPerDay", "must be 0 or more and at most 1000000000, got "
                    + floor.toPlainString()));
        }
        Set<Period> chosen = current.periods().isEmpty() ? EnumSet.noneOf(Period.class)
                : EnumSet.copyOf(current.periods());
        if (periods != null) {
            chosen = EnumSet.noneOf(Period.class);
            for (int i = 0; i < periods.size(); i++) {
                String word = periods.get(i) == null ? "" : periods.get(i).trim().toLowerCase(Locale.ROOT);
                Optional<Period> period = Period.of(word);
                if (period.isEmpty()) {
                    errors.add(new FieldError("periods[" + i + "]", "must be one of " + Period.CHOICES + ", got '"
                            + periods.get(i) + "'"));
                } else {
                    chosen.add(period.get());
                }
            }
        }
        Optional<Optional<URI>> hook = Optional.empty();
        if (webhook != null) {
            hook = Optional.of(Optional.empty());
            if (!webhook.isBlank()) {
                Optional<URI> url = url(webhook.trim());
                if (url.isEmpty()) {
                    errors.add(new FieldError("webhook", "must be an absolute http or https URL such as "
                            + "https://hooks.slack.com/services/T000/B000/XXXX, or \"\" to remove it"));
                }
                hook = Optional.of(url);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the alert settings cannot be saved", errors);
        }
        return new Checked(new AlertRules(relative, floor, chosen), hook);
    }

    private static Optional<URI> url(String text) {
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && text.length() <= 2000 ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
