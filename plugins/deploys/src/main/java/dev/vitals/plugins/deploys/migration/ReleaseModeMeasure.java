package dev.vitals.plugins.deploys.migration;

import dev.vitals.api.CatalogView;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.dora.OrgClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Each service's release mode as the measure {@code deploys.independent}: 1 on a day it deploys independently, 0 on
 * the release train. Other plugins read it without knowing this plugin's tables; the priorities plugin ticks an
 * initiative's services off with it ("move every service to independent deploys").
 */
public final class ReleaseModeMeasure {

    /** The measure's name. */
    public static final String NAME = "deploys.independent";

    private final MigrationTracker migration;
    private final CatalogView catalog;
    private final Measures measures;
    private final OrgClock clock;

    public ReleaseModeMeasure(MigrationTracker migration, CatalogView catalog, Measures measures, OrgClock clock) {
        this.migration = migration;
        this.catalog = catalog;
        this.measures = measures;
        this.clock = clock;
    }

    /** Publishes today's mode of every service of the catalog; publishing again the same day changes nothing. */
    public void publishToday() {
        publish(clock.today());
    }

    /** @param day the day whose modes are published */
    public void publish(LocalDate day) {
        List<String> services = ServiceRefs.keys(catalog.services());
        if (services.isEmpty()) {
            return;
        }
        measures.publish(migration.modes(services, day).stream()
                .map(mode -> new MeasurePoint(NAME, ServiceRefs.ref(mode.service()), day,
                        mode.independent() ? BigDecimal.ONE : BigDecimal.ZERO))
                .toList());
    }
}
