package dev.vitals.plugins.deploys.demo;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.ingest.Commit;
import dev.vitals.plugins.deploys.ingest.DeploymentEvent;
import dev.vitals.plugins.deploys.ingest.DeploymentStatus;
import dev.vitals.plugins.deploys.ingest.DeploymentStore;
import dev.vitals.plugins.deploys.ingest.IncidentEvent;
import dev.vitals.plugins.deploys.ingest.IncidentStore;
import dev.vitals.plugins.deploys.migration.MigrationTracker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;

/**
 * 90 days of deployments and incidents for the demo organisation. For the first half every service rides the
 * weekly Tuesday release train; from then on services move, a few each week, to deploying on their own several
 * times a week, so the weekly chart takes off. Seeded once: a portal that already has demo data is left alone,
 * so restarts cost nothing. Random numbers come from fixed seeds, so every seeding tells the same story.
 */
public final class DemoDeploys {

    /** How many days back the demo's deployments and incidents go. */
    public static final int DAYS = 90;
    private static final java.util.Set<String> KNOWN_LIFECYCLES = java.util.Set.of("production", "experimental",
            "deprecated");
    private final Jdbi jdbi;
    private final CatalogView catalog;
    private final OrgClock clock;
    private final DeploymentStore deployments;
    private final IncidentStore incidents;
    private final MigrationTracker migration;

    public DemoDeploys(Jdbi jdbi, CatalogView catalog, OrgClock clock, DeploymentStore deployments,
            IncidentStore incidents, MigrationTracker migration) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.clock = clock;
        this.deployments = deployments;
        this.incidents = incidents;
        this.migration = migration;
    }

    /** @return true when it seeded, false when demo data was there already */
    public boolean seed() {
        boolean seeded = jdbi.withHandle(h -> h.createQuery(
                "SELECT EXISTS (SELECT 1 FROM deployments WHERE source = 'demo')").mapTo(Boolean.class).one());
        if (seeded) {
            return false;
        }
        ZoneId zone = clock.zone();
        LocalDate today = clock.today();
        LocalDate first = today.minusDays(DAYS);
        LocalDate halfway = first.plusDays(DAYS / 2);
        List<CatalogEntity> services = catalog.services().stream().filter(DemoDeploys::demonstrable).toList();
        List<DeploymentEvent> events = new ArrayList<>();
        List<IncidentEvent> outages = new ArrayList<>();
        Instant now = clock.now();
        for (int s = 0; s < services.size(); s++) {
            String service = services.get(s).ref().key();
            Random random = new Random(service.hashCode());
            // Four in five services migrate, a few more each week after the halfway mark.
            Optional<LocalDate> independentSince = s % 5 == 4 ? Optional.empty()
                    : Optional.of(halfway.plusDays((s * 3L) % 28));
            independentSince.ifPresent(since -> migration.set(service, "independent", since.toString(), "demo", now));
            int sequence = 0;
            for (LocalDate date = first; date.isBefore(today); date = date.plusDays(1)) {
                boolean independent = independentSince.isPresent() && !date.isBefore(independentSince.get());
                int count = independent ? independentCount(date, random) : date.getDayOfWeek() == DayOfWeek.TUESDAY
                        ? 1 : 0;
                for (int n = 0; n < count; n++) {
                    sequence++;
                    Instant finished = date.atTime(10 + random.nextInt(7), random.nextInt(60)).atZone(zone)
                            .toInstant();
                    // On the train, changes wait for Tuesday: days old. Independently they ship within hours.
                    long waitMinutes = independent ? 30 + random.nextInt(20 * 60) : 24 * 60 + random.nextInt(6 * 24 * 60);
                    List<Commit> commits = new ArrayList<>();
                    for (int c = 0, commitCount = 1 + random.nextInt(independent ? 3 : 12); c < commitCount; c++) {
                        commits.add(new Commit(Integer.toHexString((service + sequence + "-" + c).hashCode()) + c,
                                finished.minus(Duration.ofMinutes(waitMinutes + c * 17L))));
                    }
                    double roll = random.nextDouble();
                    DeploymentStatus status = roll < (independent ? 0.03 : 0.10) ? DeploymentStatus.ROLLED_BACK
                            : roll < (independent ? 0.06 : 0.14) ? DeploymentStatus.FAILURE : DeploymentStatus.SUCCESS;
                    String id = "demo-" + service + "-" + sequence;
                    events.add(new DeploymentEvent(id, service, "production", status,
                            finished.minus(Duration.ofMinutes(8 + random.nextInt(20))), finished,
                            Optional.of((independent ? "2." : "1.") + sequence), commits,
                            Optional.of(independent ? "service-pipeline" : "release-train")));
                    if (status == DeploymentStatus.SUCCESS && random.nextDouble() < (independent ? 0.04 : 0.08)) {
                        Instant started = finished.plus(Duration.ofMinutes(20 + random.nextInt(240)));
                        long restoreMinutes = independent ? 15 + random.nextInt(120) : 60 + random.nextInt(36 * 60);
                        Instant resolved = started.plus(Duration.ofMinutes(restoreMinutes));
                        if (resolved.isBefore(now)) {
                            outages.add(new IncidentEvent("DEMO-" + service + "-" + sequence, service, started,
                                    Optional.of(resolved), Optional.of(random.nextBoolean() ? "sev2" : "sev3"),
                                    Optional.of(id)));
                        }
                    }
                }
            }
        }
        deployments.ingest(events, "demo");
        incidents.ingest(outages, "demo");
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO freeze_windows (name, kind, holiday, created_by, created_at)
                        VALUES ('Christmas', 'holiday', '12-25', 'demo', :at), ('New Year', 'holiday', '01-01', 'demo', :at)""")
                .bind("at", now).execute());
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO freeze_windows (name, kind, team, from_day, to_day, created_by, created_at)
                        VALUES ('No Friday deploys for payments', 'weekdays', 'payments', 5, 5, 'demo', :at)""")
                .bind("at", now).execute());
        return true;
    }

    /**
     * Whether a service belongs in the demo's story: one with a lifecycle the catalog knows (production, experimental,
     * deprecated) and not tagged {@code test}. A test fixture or a half-described entity left in the catalog would
     * otherwise get 90 days of deployments and show on every page as if it were real.
     */
    static boolean demonstrable(CatalogEntity service) {
        return service.kind().equalsIgnoreCase("Component")
                && service.lifecycle().filter(KNOWN_LIFECYCLES::contains).isPresent()
                && !service.tags().contains("test");
    }

    private static int independentCount(LocalDate date, Random random) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return 0;
        }
        double roll = random.nextDouble();
        return roll < 0.35 ? 0 : roll < 0.8 ? 1 : 2;
    }
}
