package dev.vitals.plugins.cost.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The days [from, until) over which one version of a shared-cost rule allocates.
 *
 * @param position which rule wins when several match a row: the one created first
 * @param from the first day
 * @param until the day after the last
 * @param rule the rule
 */
public record RuleSpan(long position, LocalDate from, LocalDate until, SharedRule rule) {

    /** The end of the spans of the rules in force: after every day a charge can have. */
    static final LocalDate FOREVER = LocalDate.of(9999, 1, 1);

    /**
     * A day is allocated by the newest version of each rule whose first day is on or before it: a change reaches
     * back exactly as far as the admin asked, and a later change without reaching back leaves that history alone.
     *
     * @param versions every version, oldest first
     * @return the spans with a rule (deleted rules have none), ordered by position then day
     */
    public static List<RuleSpan> of(List<RuleVersion> versions) {
        Map<String, List<RuleVersion>> byName = new LinkedHashMap<>();
        versions.stream().sorted(Comparator.comparingLong(RuleVersion::id))
                .forEach(v -> byName.computeIfAbsent(v.name(), n -> new ArrayList<>()).add(v));
        List<RuleSpan> spans = new ArrayList<>();
        for (List<RuleVersion> ofRule : byName.values()) {
            long position = ofRule.get(0).id();
            List<LocalDate> starts = new ArrayList<>(new TreeSet<>(ofRule.stream().map(RuleVersion::from).toList()));
            for (int i = 0; i < starts.size(); i++) {
                LocalDate start = starts.get(i);
                LocalDate until = i + 1 < starts.size() ? starts.get(i + 1) : FOREVER;
                Optional<RuleVersion> newest = ofRule.stream().filter(v -> !v.from().isAfter(start))
                        .max(Comparator.comparingLong(RuleVersion::id));
                newest.flatMap(RuleVersion::rule).ifPresent(rule -> spans.add(new RuleSpan(position, start, until,
                        rule)));
            }
        }
        spans.sort(Comparator.comparingLong(RuleSpan::position).thenComparing(RuleSpan::from));
        return spans;
    }
}
