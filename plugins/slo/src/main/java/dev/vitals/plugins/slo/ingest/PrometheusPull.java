package dev.vitals.plugins.slo.ingest;

import dev.vitals.api.ProblemException;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.PrometheusQueries;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.samples.Sample;
import dev.vitals.plugins.slo.samples.SampleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the minute data of SLOs that carry PromQL queries from a Prometheus-compatible API and stores it through the
 * same validation and idempotent store as {@code POST /api/slo/samples}.
 *
 * <p>Each run asks for the minutes from where the last successful pull stopped to the last complete minute, one
 * minute behind the clock so that the scrapes of that minute have arrived. A new SLO starts with the last
 * {@link #FIRST_BACKFILL}; an SLO whose pull stood still longer than {@link #MAX_BACKFILL} (Prometheus was down) skips
 * the older minutes. The answer at step time {@code T} is the minute {@code [T − 60 s, T)}, which is what
 * {@code increase(x[1m])} evaluated at {@code T} counts. Counts are rounded to whole events (increase extrapolates to
 * fractions) and good is capped at total. A minute that is missing or {@code NaN} in any query has no data and is
 * not written. Any failure writes nothing of the run and is recorded for the SLO's page; the next run asks again.
 */
public final class PrometheusPull {

    static final Duration FIRST_BACKFILL = Duration.ofHours(1);
    static final Duration MAX_BACKFILL = Duration.ofHours(24);
    static final Duration SCRAPE_LAG = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusPull.class);

    private final Optional<PrometheusClient> client;
    private final SloRepository slos;
    private final SampleRepository samples;
    private final PullLog log;
    private final Clock clock;

    public PrometheusPull(Optional<PrometheusClient> client, SloRepository slos, SampleRepository samples, PullLog log,
            Clock clock) {
        this.client = client;
        this.slos = slos;
        this.samples = samples;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Pulls every SLO that carries queries.
     *
     * @return the minutes of the pulls that added any, for what is computed from new minutes
     */
    public List<Sample> pullAll() {
        List<Sample> arrived = new ArrayList<>();
        if (client.isEmpty()) {
            return arrived;
        }
        for (Slo slo : slos.pulled()) {
            Pulled pulled = run(slo);
            if (pulled.added() > 0) {
                arrived.addAll(pulled.minutes());
            }
        }
        return arrived;
    }

    /** @return how many minutes were added */
    int pull(Slo slo) {
        return run(slo).added();
    }

    /** What one pull stored: the minutes it took, of which {@code added} were new. */
    private record Pulled(int added, List<Sample> minutes) {
        static final Pulled NOTHING = new Pulled(0, List.of());
    }

    private Pulled run(Slo slo) {
        Instant now = clock.instant();
        Instant until = now.truncatedTo(ChronoUnit.MINUTES).minus(SCRAPE_LAG);
        Instant earliest = until.minus(MAX_BACKFILL);
        Instant from = log.last(slo.name()).flatMap(PullOutcome::pulledUntil)
                .orElse(until.minus(FIRST_BACKFILL));
        String skipped = "";
        if (from.isBefore(earliest)) {
            skipped = "; minutes before " + earliest + " were not pulled: the pull looks back at most "
                    + MAX_BACKFILL.toHours() + " h";
            from = earliest;
        }
        if (!from.isBefore(until)) {
            return Pulled.NOTHING;
        }
        try {
            List<SampleRow> rows = rows(slo, client.orElseThrow(), from, until);
            List<Sample> minutes = SampleBatch.validate(rows, Map.of(slo.name(), slo), now);
            int added = samples.store(minutes);
            long span = Duration.between(from, until).toMinutes();
            log.succeeded(slo.name(), until, now, added, "pulled " + from + " to " + until + ": " + rows.size()
                    + " of " + span + " minutes had data, " + added + " new" + skipped);
            return new Pulled(added, minutes);
        } catch (PrometheusException e) {
            return failed(slo, now, e.getMessage());
        } catch (ProblemException e) {
            return failed(slo, now, "the pulled minutes were refused, nothing was stored: " + e.getMessage()
                    + e.errors().stream().limit(3).map(f -> " " + f.field() + " " + f.reason()).reduce("", String::concat));
        } catch (RuntimeException e) {
            LOG.warn("Pulling SLO {} from Prometheus failed", slo.name(), e);
            return failed(slo, now, "the pull failed: " + e);
        }
    }

    private Pulled failed(Slo slo, Instant now, String message) {
        log.failed(slo.name(), now, message);
        return Pulled.NOTHING;
    }

    private static List<SampleRow> rows(Slo slo, PrometheusClient client, Instant from, Instant until)
            throws PrometheusException {
        PrometheusQueries queries = slo.prometheus().orElseThrow();
        Instant start = from.plus(PrometheusClient.STEP);
        List<SampleRow> rows = new ArrayList<>();
        if (slo.method() == BudgetingMethod.OCCURRENCES) {
            Map<Instant, Double> good = client.range(queries.good().orElseThrow(), start, until);
            Map<Instant, Double> total = client.range(queries.total().orElseThrow(), start, until);
            for (Map.Entry<Instant, Double> t : total.entrySet()) {
                Double g = good.get(t.getKey());
                if (g == null || !onStep(t.getKey(), start, until)) {
                    continue;
                }
                long all = Math.round(t.getValue());
                rows.add(new SampleRow(slo.name(), minuteOf(t.getKey()), Math.min(Math.round(g), all), all, null));
            }
        } else {
            Map<Instant, Double> values = client.range(queries.value().orElseThrow(), start, until);
            values.forEach((at, value) -> {
                if (onStep(at, start, until)) {
                    rows.add(new SampleRow(slo.name(), minuteOf(at), null, null, value));
                }
            });
        }
        return rows;
    }

    /** Keeps only step times asked for: an answer with other times is not one minute per step. */
    private static boolean onStep(Instant at, Instant start, Instant until) {
        return !at.isBefore(start) && !at.isAfter(until) && at.getEpochSecond() % 60 == 0 && at.getNano() == 0;
    }

    private static String minuteOf(Instant stepTime) {
        return stepTime.minus(PrometheusClient.STEP).toString();
    }
}
