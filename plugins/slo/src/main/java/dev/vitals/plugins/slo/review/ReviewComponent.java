package dev.vitals.plugins.slo.review;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.status.ErrorBudget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One availability component of a program in a month: how its SLOs (its own and its services') did. The review page
 * and the program page's SLO panel both read it, so they cannot disagree about a component and a month.
 *
 * @param name the component's name
 * @param title its display title
 * @param lines its SLOs' lines of the review, worst first (most budget used)
 */
public record ReviewComponent(String name, String title, List<MonthlyReview.Line> lines) {

    /** @return each availability component of the program with its SLOs' lines in the review */
    public static List<ReviewComponent> ofProgram(String program, MonthlyReview review, SloScope scope) {
        List<ReviewComponent> result = new ArrayList<>();
        for (CatalogEntity c : scope.componentsOf(program)) {
            String key = c.ref().key();
            Set<String> members = scope.of(Optional.of(key), Optional.empty()).stream().map(Slo::name)
                    .collect(Collectors.toSet());
            List<MonthlyReview.Line> lines = review.lines().stream().filter(l -> members.contains(l.slo().name()))
                    .sorted(Comparator.comparingDouble(ReviewComponent::usedOrLess).reversed()).toList();
            result.add(new ReviewComponent(key, c.title(), lines));
        }
        return result;
    }

    private static double usedOrLess(MonthlyReview.Line line) {
        return ErrorBudget.of(line.monthly().get(0), line.slo().objective()).map(ErrorBudget::consumed).orElse(-1.0);
    }

    /** @return how many SLOs count towards it */
    public int slos() {
        return lines.size();
    }

    /** @return how many met their objective in the month */
    public int met() {
        return (int) lines.stream().filter(l -> l.compliant(0).orElse(false)).count();
    }

    /** @return how many missed it */
    public int missed() {
        return (int) lines.stream().filter(l -> !l.compliant(0).orElse(true)).count();
    }

    /** @return the SLOs without data in the month */
    public int noData() {
        return slos() - met() - missed();
    }

    /** @return the component's verdict for the month in words */
    public String verdict() {
        return slos() == 0 ? "no SLO yet" : missed() > 0 ? "missed" : met() == slos() ? "met" : "partly without data";
    }

    /** @return the verdict as a status: missed is critical, met is OK, anything else unknown */
    public SignalStatus status() {
        return missed() > 0 ? SignalStatus.CRITICAL : slos() > 0 && met() == slos() ? SignalStatus.OK
                : SignalStatus.UNKNOWN;
    }

    /** @return the SLO that used most of its budget in the month, the one to look at first */
    public Optional<MonthlyReview.Line> worst() {
        return lines.stream().findFirst();
    }
}
