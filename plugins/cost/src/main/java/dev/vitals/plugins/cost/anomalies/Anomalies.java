package dev.vitals.plugins.cost.anomalies;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.cost.allocation.Organisation;
import dev.vitals.plugins.cost.notify.Outbox;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reading and dismissing anomalies, for the API and the pages alike. */
public final class Anomalies {

    private final AnomalyStore store;
    private final CostWatch watch;
    private final Outbox outbox;
    private final Organisation organisation;
    private final PluginUrls urls;
    private final Clock clock;
    private final String currency;

    public Anomalies(AnomalyStore store, CostWatch watch, Outbox outbox, Organisation organisation, PluginUrls urls,
            Clock clock, String currency) {
        this.store = store;
        this.watch = watch;
        this.outbox = outbox;
        this.organisation = organisation;
        this.urls = urls;
        this.clock = clock;
        this.currency = currency;
    }

    public AnomalyList list(LocalDate from, LocalDate to, Optional<Collection<EntityRef>> services,
            Optional<Boolean> open) {
        return new AnomalyList(currency, from, to, SeasonalBaseline.SEASONAL, SeasonalBaseline.WARM_UP_DAYS,
                store.list(from, to, services, open).stream().map(this::view).toList());
    }

    public Optional<AnomalyView> find(long id) {
        return store.find(id).map(this::view);
    }

    public Optional<StoredAnomaly> stored(long id) {
        return store.find(id);
    }

    /**
     * @throws ProblemException 404 when there is no such anomaly, 403 unless the caller edits the service's team,
     *     409 when it was dismissed already
     */
    public AnomalyView dismiss(io.javalin.http.Context ctx, long id, DismissRequest request) {
        StoredAnomaly anomaly = store.find(id).orElseThrow(() -> new ProblemException(404, "there is no anomaly "
                + id, List.of()));
        RequestCaller.requireEditorOf(ctx, anomaly.service());
        if (anomaly.dismissal().isPresent()) {
            throw new ProblemException(409, "anomaly " + id + " was dismissed already by "
                    + anomaly.dismissal().get().by(), List.of());
        }
        StoredAnomaly dismissed = store.dismiss(id, new Dismissal(RequestCaller.of(ctx).name(), clock.instant(),
                request.reason(), request.noteText())).orElseThrow();
        outbox.cancel(CostWatch.key(dismissed.service(), dismissed.expectation().day()));
        watch.reassess(dismissed.service());
        return view(dismissed);
    }

    public String currency() {
        return currency;
    }

    private AnomalyView view(StoredAnomaly a) {
        return AnomalyView.of(a, organisation.teamOf(a.service()).map(EntityRef::key),
                urls.page("/anomalies/{id}", a.id()));
    }
}
