package dev.vitals.plugins.slo.refresh;

import dev.vitals.api.BackgroundRefresh;
import dev.vitals.plugins.slo.measures.RequestMeasures;
import dev.vitals.plugins.slo.samples.Sample;
import dev.vitals.plugins.slo.signals.BudgetSignals;
import java.util.Collection;
import java.util.Set;

/**
 * Recomputes what new minutes and saved definitions change, on the plugin's own background threads, so that the
 * request that brought them answers first: the error-budget verdicts of the SLOs concerned ({@code slo-budget-refresh})
 * and the request measures of their services' days ({@code slo-measure-refresh}). A burst of batches naming the same
 * SLOs or days costs one computation. The minute job and the hourly measure job catch up on whatever a failed refresh
 * left out.
 */
public final class AfterNewMinutes implements AutoCloseable {

    private final RequestMeasures measures;
    private final BackgroundRefresh budgets;
    private final BackgroundRefresh requests;

    public AfterNewMinutes(BudgetSignals signals, RequestMeasures measures) {
        this.measures = measures;
        this.budgets = new BackgroundRefresh("slo-budget-refresh", names -> signals.publishFor(Set.copyOf(names)));
        this.requests = new BackgroundRefresh("slo-measure-refresh", measures::publishChanged);
    }

    /** @param stored minutes just stored, some of them new */
    public void minutesArrived(Collection<Sample> stored) {
        budgets.request(stored.stream().map(Sample::slo).distinct().toList());
        requests.request(measures.changedDays(stored));
    }

    /** @param names SLOs whose definitions were just saved */
    public void definitionsSaved(Collection<String> names) {
        budgets.request(names);
    }

    @Override
    public void close() {
        budgets.close();
        requests.close();
    }
}
