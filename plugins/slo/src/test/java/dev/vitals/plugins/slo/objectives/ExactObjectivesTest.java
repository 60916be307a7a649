package dev.vitals.plugins.slo.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.core.Json;
import dev.vitals.core.testing.Samples;
import dev.vitals.plugins.slo.SloStores;
import dev.vitals.plugins.slo.api.SloJson;
import dev.vitals.plugins.slo.openslo.OpenSloExport;
import dev.vitals.plugins.slo.openslo.OpenSloImport;
import dev.vitals.plugins.slo.openslo.OpenSloImportTest;
import dev.vitals.plugins.slo.pages.SloForm;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Objectives and thresholds are stored, read back, shown and exported exactly as they were written. */
class ExactObjectivesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .build();

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static SloStores plugin;

    @BeforeAll
    static void start(VitalsPortal portal) {
        plugin = SloStores.of(portal, ZoneOffset.UTC);
    }

    private static OpenSloImport.Result read(String yaml) {
        return new OpenSloImport(OpenSloImportTest.CATALOG, NOW, Optional.of("billing-api"), Optional.empty())
                .read(yaml);
    }

    private static Slo stored(Slo slo) {
        plugin.slos().upsertAll(List.of(slo));
        return plugin.slos().find(slo.name()).orElseThrow();
    }

    private static String json(Slo slo) throws IOException {
        return Json.mapper().writeValueAsString(SloJson.of(slo));
    }

    @Test
    void aSlothObjectiveOf99Point9IsStoredReadAndExportedAsExactly0Point999() throws IOException {
        Slo imported = read(Files.readString(Samples.path("sloth/examples/getting-started.yml"))).slos().get(0);

        Slo back = stored(imported);

        assertEquals("0.999", back.objective().toPlainString());
        assertTrue(json(back).contains("\"objective\":0.999,"), json(back));
        assertTrue(OpenSloExport.yaml(back).contains("    - target: 0.999\n"), OpenSloExport.yaml(back));
        assertEquals("99.9 %", ExactDecimal.percent(back.objective()));
        assertEquals(back, read(OpenSloExport.yaml(back)).slos().get(0), "the export imports back unchanged");
    }

    @Test
    void anOpenSloTargetAndThresholdStayAsWritten() throws IOException {
        Slo imported = read("""
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: exact-latency}
                spec:
                  service: billing-api
                  indicator: {spec: {thresholdMetric: {metricSource: {type: Vitals}}}}
                  timeWindow: [{duration: 7d, isRolling: true}]
                  budgetingMethod: Timeslices
                  objectives: [{target: 0.999, op: lte, value: 0.3, timeSliceWindow: 1m}]
                """).slos().get(0);

        Slo back = stored(imported);

        assertEquals("0.999", back.objective().toPlainString());
        assertEquals(Optional.of(new BigDecimal("0.3")), back.sliceThreshold());
        assertTrue(json(back).contains("\"sliceThreshold\":0.3,"), json(back));
        assertTrue(OpenSloExport.yaml(back).contains("    - target: 0.999\n      op: lte\n      value: 0.3\n"),
                OpenSloExport.yaml(back));
    }

    @Test
    void aJsonObjectiveOf0Point999RoundTripsExactly() throws IOException {
        ObjectMapper request = Json.requestMapper();
        SloInput input = request.readValue("""
                {"name": "exact-json", "service": "billing-api", "objective": 0.999, "window": "30d",
                 "method": "timeslices", "sliceThreshold": 300}""", SloInput.class);

        Slo back = stored(input.validate(OpenSloImportTest.CATALOG, NOW));

        assertEquals(new BigDecimal("0.999"), back.objective());
        assertTrue(json(back).contains("\"objective\":0.999,"), json(back));
        assertTrue(json(back).contains("\"sliceThreshold\":300,"), "a whole threshold is no 3E+2: " + json(back));
        SloJson given = SloJson.of(back);
        SloInput again = request.readValue(Json.mapper().writeValueAsString(new SloInput(given.name(),
                given.service().orElse(null), given.component().orElse(null), given.objective(), given.window(),
                given.method(), given.sliceThreshold().orElse(null), given.description().orElse(null), null)),
                SloInput.class);
        assertEquals(back, stored(again.validate(OpenSloImportTest.CATALOG, NOW)),
                "what the API gives, it takes back unchanged");
    }

    @Test
    void theFormShowsThePercentageTypedAndTheApiTheShare() {
        SloForm typed = new SloForm(Map.of("name", "exact-form", "service", "billing-api", "objective", "99.95",
                "window", "30d", "method", "occurrences"), Map.of());

        Slo back = stored(typed.input(OpenSloImportTest.CATALOG, NOW).validate(OpenSloImportTest.CATALOG, NOW));

        assertEquals(new BigDecimal("0.9995"), back.objective());
        assertEquals("99.95", SloForm.of(back).value("objective"));
        assertEquals("99.95 %", ExactDecimal.percent(back.objective()));
    }

    @Test
    void theMigrationTurnsAStoredDoubleIntoTheDecimalItWasTypedAs() {
        // V10 converts the double columns with a plain cast, which keeps 15 significant digits.
        BigDecimal converted = plugin.jdbi().withHandle(h -> h.createQuery(
                "SELECT CAST(CAST(0.9990000000000001 AS double precision) AS numeric)").mapTo(BigDecimal.class).one());

        assertEquals(new BigDecimal("0.999"), ExactDecimal.normal(converted));
    }

    @Test
    void objectivesOutsideZeroToOneOrWithMoreThanSixPlacesAreRefusedNamingTheField() {
        assertEquals(List.of("objective"), refused("\"objective\": 1"));
        assertEquals(List.of("objective"), refused("\"objective\": 0"));
        assertEquals(List.of("objective"), refused("\"objective\": 1e400"));
        assertEquals(List.of("objective"), refused("\"objective\": 0.9999999"));
        assertEquals(List.of("objective"), refused("\"objective\": 1e-999999999"));
        assertEquals(List.of("sliceThreshold"), refused("\"objective\": 0.99, \"method\": \"timeslices\", "
                + "\"sliceThreshold\": 300.0000001"));
        assertEquals(List.of("sliceThreshold"), refused("\"objective\": 0.99, \"method\": \"timeslices\", "
                + "\"sliceThreshold\": 1e400"));
        assertEquals(new BigDecimal("0.999999"), accepted("\"objective\": 0.9999990").objective());
    }

    @Test
    void anOpenSloTargetPercentIsTheShareItStandsFor() {
        Slo imported = read("""
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: exact-percent}
                spec:
                  service: billing-api
                  indicator: {spec: {ratioMetric: {}}}
                  timeWindow: [{duration: 30d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{targetPercent: 99.95}]
                """).slos().get(0);

        assertEquals("0.9995", imported.objective().toPlainString());
    }

    @Test
    void aSlothObjectiveWithMoreThanFourPlacesIsRefusedNamingTheField() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("""
                version: "prometheus/v1"
                service: "billing-api"
                slos:
                  - name: "too-fine"
                    objective: 99.99999
                    sli: {events: {error_query: e, total_query: t}}
                """));
        assertEquals(List.of("[0].slos[0].objective"), e.errors().stream().map(FieldError::field).toList());
    }

    private static SloInput input(String fields) {
        try {
            return Json.requestMapper().readValue("{\"name\": \"exact-refused\", \"service\": \"billing-api\", "
                    + "\"window\": \"7d\", " + fields + "}", SloInput.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Slo accepted(String fields) {
        return input(fields).validate(OpenSloImportTest.CATALOG, NOW);
    }

    private static List<String> refused(String fields) {
        ProblemException e = assertThrows(ProblemException.class, () -> accepted(fields));
        assertEquals(422, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }
}
