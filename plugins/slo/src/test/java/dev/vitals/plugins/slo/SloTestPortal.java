package dev.vitals.plugins.slo;

import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** A portal running only the SLO plugin on a fresh database, as the plugin's database tests start it. */
final class SloTestPortal {

    private SloTestPortal() {
    }

    static Vitals start(SloPlugin plugin, Map<String, String> env) {
        return TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of().with("slo", () -> plugin).source(), env);
    }

    /** Creates an SLO of team payments on service billing-api. */
    static Slo create(SloPlugin plugin, String name, double objective, SloWindow window, BudgetingMethod method,
            OptionalDouble threshold, Instant updatedAt) {
        // Double literals in tests are written as decimals; valueOf reads them back as written (0.999, not its binary).
        Slo slo = new Slo(name, Optional.of("billing-api"), Optional.empty(), Optional.of("payments"),
                BigDecimal.valueOf(objective), window, method,
                threshold.isPresent() ? Optional.of(BigDecimal.valueOf(threshold.getAsDouble())) : Optional.empty(),
                Optional.empty(), updatedAt);
        plugin.slos().create(slo);
        return slo;
    }
}
