package dev.vitals.plugins.cost.costs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code GET /api/cost/costs} groups by. */
public enum GroupBy {
    SERVICE, TEAM, PROGRAM, ACCOUNT, PROVIDER, CATEGORY;

    /** The words the API takes, for error messages and the route's description. */
    public static final String CHOICES = Arrays.stream(values()).map(GroupBy::word).collect(Collectors.joining("|"));

    /** @return the word of the API */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the grouping the word names, if any */
    public static Optional<GroupBy> of(String word) {
        return Arrays.stream(values()).filter(g -> g.word().equalsIgnoreCase(word)).findFirst();
    }

    /** @return the column of the charges the grouping reads; a constant for groupings by catalog entity */
    String column() {
        return switch (this) {
            case SERVICE, TEAM, PROGRAM -> "''";
            case ACCOUNT -> "billing_account_id";
            case PROVIDER -> "provider_name";
            case CATEGORY -> "coalesce(service_category, '')";
        };
    }
}
