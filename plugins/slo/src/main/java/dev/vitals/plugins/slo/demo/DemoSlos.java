package dev.vitals.plugins.slo.demo;

import dev.vitals.api.CatalogView;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.plugins.slo.samples.SampleRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Demo SLOs with 35 days of data that look real: steady traffic with rare errors, one fast incident (a broken
 * deploy of recorder-api three days ago) and one slow one (auth-service failing a little for the last two days, so
 * a ticket alert fires now). Data is generated inside PostgreSQL, and only the minutes since the last start are
 * added, so starting the demo stays quick and a restart adds nothing twice.
 */
public final class DemoSlos {

    /** How far back the demo data reaches. */
    public static final Duration HISTORY = Duration.ofDays(35);

    private record Incident(Duration startAgo, Duration length, double badShare) {
        static final Incident NONE = new Incident(Duration.ZERO, Duration.ZERO, 0);
    }

    private record Demo(Slo slo, int stepMinutes, int perMinute, Incident incident) {
    }

    private final SloRepository slos;
    private final Jdbi jdbi;
    private final CatalogView catalog;
    private final Clock clock;

    public DemoSlos(SloRepository slos, Jdbi jdbi, CatalogView catalog, Clock clock) {
        this.slos = slos;
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.clock = clock;
    }

    public void seed() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<Demo> demos = List.of(
                new Demo(occurrences("recorder-api-availability", Optional.of("recorder-api"), Optional.empty(),
                        "recording", "0.999", SloWindow.ROLLING_30D, "Recording requests answered without a 5xx", now),
                        1, 1000, new Incident(Duration.ofHours(72), Duration.ofMinutes(50), 0.45)),
                new Demo(occurrences("auth-service-sign-in", Optional.of("auth-service"), Optional.empty(),
                        "identity", "0.9995", SloWindow.ROLLING_30D, "Sign-in attempts that succeed or fail for the "
                                + "user's own reasons", now),
                        1, 600, new Incident(Duration.ofHours(48), Duration.ofHours(48), 0.0025)),
                new Demo(new Slo("stream-edge-latency", Optional.of("stream-edge"), Optional.empty(),
                        Optional.of("playback"), new BigDecimal("0.99"), SloWindow.ROLLING_28D,
                        BudgetingMethod.TIMESLICES, Optional.of(new BigDecimal("300")),
                        Optional.of("Minutes whose p99 segment latency is at most 300 ms"), now), 1, 0, new Incident(Duration.ofHours(27), Duration.ofMinutes(40), 1)),
                new Demo(occurrences("public-api-gateway-availability", Optional.of("public-api-gateway"),
                        Optional.empty(), "platform", "0.999", SloWindow.CALENDAR_MONTH, "API calls answered "
                                + "without a 5xx", now), 1, 2000, Incident.NONE),
                new Demo(occurrences("web-recording-journey", Optional.empty(), Optional.of("web-recording"),
                        "recording", "0.995", SloWindow.ROLLING_30D, "Browser recordings that reach the library", now),
                        5, 50, Incident.NONE),
                new Demo(occurrences("sign-in-journey", Optional.empty(), Optional.of("sign-in"), "identity", "0.999",
                        SloWindow.ROLLING_30D, "Sign-ins completed end to end", now), 5, 80, Incident.NONE),
                new Demo(occurrences("public-api-journey", Optional.empty(), Optional.of("public-api"), "platform",
                        "0.999", SloWindow.CALENDAR_QUARTER, "Synthetic API journeys that pass", now), 5, 20,
                        Incident.NONE),
                new Demo(occurrences("playback-starts", Optional.empty(), Optional.of("playback"), "playback", "0.995",
                        SloWindow.ROLLING_7D, "Playbacks that start within 2 s", now), 5, 300, Incident.NONE));
        for (Demo demo : demos) {
            if (slos.find(demo.slo().name()).isEmpty()
                    && catalog.entity(demo.slo().subject()).isEmpty()) {
                continue;
            }
            slos.create(demo.slo());
            fill(demo, now);
        }
    }

    private static Slo occurrences(String name, Optional<String> service, Optional<String> component, String team,
            String objective, SloWindow window, String description, Instant now) {
        return new Slo(name, service, component, Optional.of(team), new BigDecimal(objective), window,
                BudgetingMethod.OCCURRENCES, Optional.empty(), Optional.of(description), now);
    }

    private void fill(Demo demo, Instant now) {
        Slo slo = demo.slo();
        Instant incidentFrom = now.minus(demo.incident().startAgo());
        Instant incidentTo = incidentFrom.plus(demo.incident().length());
        jdbi.useHandle(h -> {
            Instant last = h.createQuery("SELECT max(minute) FROM samples WHERE slo = :slo").bind("slo", slo.name())
                    .mapTo(java.time.OffsetDateTime.class).findOne().map(java.time.OffsetDateTime::toInstant)
                    .orElse(null);
            Instant from = last == null ? now.minus(HISTORY) : last.plus(Duration.ofMinutes(demo.stepMinutes()));
            // Minutes of coarser demo series sit on multiples of the step so that restarts line up.
            long step = demo.stepMinutes() * 60L;
            from = Instant.ofEpochSecond((from.getEpochSecond() + step - 1) / step * step);
            String sql = slo.method() == BudgetingMethod.OCCURRENCES ? """
                    INSERT INTO samples (slo, minute, good, total)
                    SELECT :slo, m, t - least(t, bad), t FROM (
                        SELECT m, t, CASE WHEN m >= :incFrom AND m < :incTo THEN round(t * :incShare)::bigint
                                          WHEN abs(hashtext(:slo || m::text)) % 1000 < 30
                                              THEN 1 + abs(hashtext(m::text || :slo)) % 2
                                          ELSE 0 END AS bad
                        FROM (SELECT m, (:perStep + abs(hashtext(m::text)) % greatest(1, :perStep / 5))::bigint AS t
                              FROM generate_series(CAST(:from AS timestamptz), CAST(:to AS timestamptz),
                                                   :step * interval '1 second') AS m) AS traffic) AS minutes
                    ON CONFLICT (slo, minute) DO NOTHING""" : """
                    INSERT INTO samples (slo, minute, value)
                    SELECT :slo, m, CASE WHEN m >= :incFrom AND m < :incTo THEN 650 + abs(hashtext(m::text)) % 300
                                         WHEN abs(hashtext(:slo || m::text)) % 1000 < 4 THEN 320
                                         ELSE 140 + abs(hashtext(m::text || :slo)) % 120 END
                    FROM generate_series(CAST(:from AS timestamptz), CAST(:to AS timestamptz),
                                         :step * interval '1 second') AS m
                    ON CONFLICT (slo, minute) DO NOTHING""";
            h.createUpdate(sql).bind("slo", slo.name()).bind("from", SampleRepository.utc(from))
                    .bind("to", SampleRepository.utc(now.minus(Duration.ofMinutes(1))))
                    .bind("step", step).bind("perStep", (long) demo.perMinute() * demo.stepMinutes())
                    .bind("incFrom", SampleRepository.utc(incidentFrom))
                    .bind("incTo", SampleRepository.utc(incidentTo))
                    .bind("incShare", demo.incident().badShare()).execute();
        });
    }
}
