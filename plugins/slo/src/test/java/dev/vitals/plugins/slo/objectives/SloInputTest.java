package dev.vitals.plugins.slo.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import dev.vitals.plugins.slo.openslo.OpenSloImportTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloInputTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void aServiceTypedInAnotherCaseIsKeptUnderTheCatalogsKeyWithItsTeam() {
        Slo slo = new SloInput("checkout", " Billing-API ", null, new BigDecimal("0.999"), "30d", null, null, null,
                null).validate(OpenSloImportTest.CATALOG, NOW);

        assertEquals(Optional.of("billing-api"), slo.service());
        assertEquals(EntityRef.of("component", "billing-api"), slo.subject());
        assertEquals(Optional.of(EntityRef.of("group", "payments")), slo.teamRef());
    }
}
