package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code POST /api/priorities/items}, one item (or each element of an array).
 *
 * @param key an optional key of your own, unique, e.g. {@code PAY-12}; other items of the same batch may name it as
 *     {@code parentKey}
 * @param title what the item is, 1 to 300 characters
 * @param level theme, epic, feature, story or task
 * @param parent the id of the parent, one level up; themes have none
 * @param parentKey the key of the parent instead of its id
 * @param owner the owning team ({@code payments}, {@code group:default/payments}) or program
 *     ({@code program:availability})
 * @param horizon immediate or future
 * @param investment foundation or innovation
 * @param status proposed (when absent), ready, in-progress, done or dropped
 * @param estimateWeeks the estimate in person-weeks, 0 to 1000
 * @param quarter the target quarter, e.g. {@code 2027-Q1}
 * @param services the catalog keys of the services the item is about, e.g. {@code checkout-api}
 * @param rice RICE inputs, if scored so
 * @param wsjf WSJF inputs, if scored so
 */
public record NewItem(String key, String title, String level, Long parent, String parentKey, String owner,
        String horizon, String investment, String status, BigDecimal estimateWeeks, String quarter,
        List<String> services, RiceInputs rice, WsjfInputs wsjf) {

    static final BigDecimal MAX_WEEKS = new BigDecimal("1000");

    /**
     * Checks what can be checked without the database, every error naming its field under {@code prefix}.
     *
     * @return the parts read, when nothing is wrong
     */
    Optional<Checked> check(String prefix, List<FieldError> errors) {
        int before = errors.size();
        if (key != null && (key.isBlank() || key.length() > 50 || !Owners.isText(key))) {
            errors.add(new FieldError(prefix + "key", "must be 1 to 50 characters when given"));
        }
        if (title == null || title.isBlank()) {
            errors.add(new FieldError(prefix + "title", "is required: what the item is"));
        } else if (title.length() > 300) {
            errors.add(new FieldError(prefix + "title", "must be at most 300 characters, got " + title.length()));
        } else if (!Owners.isText(title)) {
            errors.add(new FieldError(prefix + "title", "must be one line of text, without control characters"));
        }
        Optional<Level> parsedLevel = Level.parse(level);
        if (parsedLevel.isEmpty()) {
            errors.add(new FieldError(prefix + "level", "must be one of " + Level.choices() + ", got "
                    + (level == null ? "nothing" : "'" + level + "'")));
        }
        if (parentKey != null && (parentKey.isBlank() || parentKey.length() > 50 || !Owners.isText(parentKey))) {
            errors.add(new FieldError(prefix + "parentKey", "must be an item's key, 1 to 50 characters"));
        }
        if (parent != null && parentKey != null) {
            errors.add(new FieldError(prefix + "parentKey", "give parent or parentKey, not both"));
        }
        Optional<EntityRef> parsedOwner = Owners.parse(owner);
        if (parsedOwner.isEmpty()) {
            errors.add(new FieldError(prefix + "owner", "must be a team (payments, group:default/payments) or a "
                    + "program (program:availability), got " + (owner == null ? "nothing" : "'" + owner + "'")));
        }
        oneOf(prefix + "horizon", horizon, Labels.HORIZONS, true, errors);
        oneOf(prefix + "investment", investment, Labels.INVESTMENTS, true, errors);
        oneOf(prefix + "status", status, Labels.STATUSES, false, errors);
        checkEstimate(prefix, estimateWeeks, errors);
        checkQuarter(prefix, quarter, errors);
        List<String> serviceKeys = checkServices(prefix, services, errors);
        if (rice != null) {
            rice.check(prefix + "rice", errors);
        }
        if (wsjf != null) {
            wsjf.check(prefix + "wsjf", errors);
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Checked(this, parsedLevel.orElseThrow(), parsedOwner.orElseThrow(), serviceKeys));
    }

    static void oneOf(String field, String value, List<String> choices, boolean required, List<FieldError> errors) {
        if (value == null && !required) {
            return;
        }
        if (value == null || !choices.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", choices) + ", got "
                    + (value == null ? "nothing" : "'" + value + "'")));
        }
    }

    static void checkEstimate(String prefix, BigDecimal weeks, List<FieldError> errors) {
        if (weeks != null && (weeks.signum() < 0 || weeks.compareTo(MAX_WEEKS) > 0
                || weeks.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError(prefix + "estimateWeeks", "must be person-weeks from 0 to 1000 with at most "
                    + "2 decimals, got " + weeks.toPlainString()));
        }
    }

    static void checkQuarter(String prefix, String quarter, List<FieldError> errors) {
        if (quarter != null && !Labels.QUARTER.matcher(quarter).matches()) {
            errors.add(new FieldError(prefix + "quarter", "must be a year and quarter such as 2027-Q1, got '"
                    + quarter + "'"));
        }
    }

    static List<String> checkServices(String prefix, List<String> services, List<FieldError> errors) {
        List<String> keys = new ArrayList<>();
        if (services == null) {
            return keys;
        }
        if (services.size() > 50) {
            errors.add(new FieldError(prefix + "services", "may name at most 50 services, got " + services.size()));
            return keys;
        }
        for (int i = 0; i < services.size(); i++) {
            String service = services.get(i);
            Optional<EntityRef> ref = service == null ? Optional.empty()
                    : EntityRef.fromKey("component", service.trim());
            if (ref.isEmpty() || !Owners.isText(service)) {
                errors.add(new FieldError(prefix + "services[" + i + "]", "must be a service's key, e.g. "
                        + "checkout-api, got " + (service == null ? "nothing" : "'" + service + "'")));
            } else if (!keys.contains(ref.get().key())) {
                keys.add(ref.get().key());
            }
        }
        return keys;
    }

    /** A new item whose fields have been read. */
    record Checked(NewItem input, Level level, EntityRef owner, List<String> services) {
    }
}
