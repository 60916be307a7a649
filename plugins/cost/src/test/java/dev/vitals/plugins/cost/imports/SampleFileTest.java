package dev.vitals.plugins.cost.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.plugins.cost.Conservation;
import dev.vitals.plugins.cost.GeneratedFocus;
import dev.vitals.plugins.cost.Uploads;
import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The FinOps Foundation's FOCUS 1.0 sample (1,000 rows of AWS, Microsoft and Oracle billing) imports as exported,
 * plain and gzip, with sums checked against the file read here on its own; and a generated file of 200,000 rows
 * streams through.
 */
class SampleFileTest {

    private static final String SAMPLE = "/focus/focus-1.0-sample.csv";
    private static final ZoneId UTC = ZoneId.of("UTC");

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .environment("VITALS_TIMEZONE", "UTC")
            .setting("allocation_keys", "service,application")
            .catalog(TestCatalog.of().team("vision").service("blueassetedge", "vision").descriptor("""
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: lens
                      annotations:
                        vitals.dev/cost-tag: BrightLensMatrix
                    spec: {type: service, lifecycle: production, owner: vision}
                    """))
            .build();

    @BeforeEach
    void emptyTables(VitalsPortal portal) {
        portal.pluginJdbi().useHandle(h -> h.execute("TRUNCATE charges, imports, rates, allocations, allocation_dirty"));
    }

    private static byte[] sample() throws IOException {
        try (InputStream in = SampleFileTest.class.getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theSampleImportsWithItsRowsAndTheTotalsOfEachProviderAndService(VitalsPortal portal) throws Exception {
        byte[] file = sample();
        Map<String, BigDecimal> byProvider = new TreeMap<>();
        Map<String, BigDecimal> byApplication = new HashMap<>();
        List<Map<String, String>> rows = Csv.rows(new String(file, StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        for (Map<String, String> row : rows) {
            BigDecimal cost = new BigDecimal(row.get("EffectiveCost"));
            byProvider.merge(row.get("ProviderName"), cost, BigDecimal::add);
            if (!row.get("Tags").equals("NULL") && json.readTree(row.get("Tags")).has("application")) {
                byApplication.merge(json.readTree(row.get("Tags")).get("application").asText()
                        .toLowerCase(Locale.ROOT), cost, BigDecimal::add);
            }
        }

        JsonNode result = Uploads.asAdmin(portal, "text/csv", () -> new ByteArrayInputStream(file)).expect(201)
                .json();

        assertEquals(1000, rows.size());
        assertEquals(1000, result.get("rows").asLong());
        assertEquals(4, result.get("periods").size(), "AWS, Microsoft and Oracle in September, Oracle in October");
        JsonNode providers = portal.viewer().get("/api/cost/costs?groupBy=provider&from=2024-08-01&to=2024-11-01")
                .expect(200).json();
        Map<String, BigDecimal> answered = new TreeMap<>();
        providers.get("groups").forEach(g -> answered.put(g.get("key").asText(), new BigDecimal(g.get("cost")
                .asText())));
        assertEquals(byProvider.keySet(), answered.keySet());
        byProvider.forEach((provider, sum) -> assertEquals(0, sum.compareTo(answered.get(provider)), provider));
        JsonNode services = portal.viewer().get("/api/cost/costs?groupBy=service&from=2024-08-01&to=2024-11-01")
                .expect(200).json();
        Map<String, BigDecimal> perService = new HashMap<>();
        services.get("groups").forEach(g -> perService.put(g.get("key").asText(), new BigDecimal(g.get("cost")
                .asText())));
        assertEquals(0, byApplication.get("brightlensmatrix").compareTo(perService.get("lens")));
        assertEquals(0, byApplication.get("blueassetedge").compareTo(perService.get("blueassetedge")));
        Conservation.assertConserved(portal, UTC, LocalDate.parse("2024-09-01"), LocalDate.parse("2024-10-02"));
    }

    @Test
    void theSampleGzippedImportsTheSameAndImportingItAgainChangesNothing(VitalsPortal portal) throws Exception {
        byte[] zipped = Uploads.gzip(sample());
        String query = "/api/cost/costs?groupBy=account&from=2024-08-01&to=2024-11-01";

        Uploads.asAdmin(portal, "application/gzip", () -> new ByteArrayInputStream(zipped)).expect(201);
        String first = portal.viewer().get(query).expect(200).body();
        JsonNode again = Uploads.asAdmin(portal, "application/gzip", () -> new ByteArrayInputStream(zipped))
                .expect(201).json();

        assertEquals(1000, again.get("replaced").asLong());
        assertEquals(first, portal.viewer().get(query).expect(200).body());
        long stored = portal.pluginJdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM charges")
                .mapTo(Long.class).one());
        assertEquals(1000, stored);
    }

    @Test
    void aFileOfTwoHundredThousandRowsStreamsThroughWhole(VitalsPortal portal) {
        int rows = 200_000;

        JsonNode result = Uploads.asAdmin(portal, "text/csv", () -> GeneratedFocus.stream(rows)).expect(201).json();

        assertEquals(rows, result.get("rows").asLong());
        // Row i costs i/1000 (0.001 … 200): the sum is n(n+1)/2000.
        JsonNode month = portal.viewer().get("/api/cost/costs?groupBy=service&from=2024-09-01&to=2024-10-01")
                .expect(200).json();
        assertEquals("20000100", month.get("total").asText());
        // The even rows are tagged: the sum of 2k/1000 for k up to 100,000 is 100,000 * 100,001 / 1000.
        assertEquals("10000100", month.get("groups").get(0).get("cost").asText());
        assertEquals("10000000", month.get("unallocated").asText());
    }

    /** A small RFC 4180 reader of its own, so that the expected sums do not come from the importer's parser. */
    private static final class Csv {

        static List<Map<String, String>> rows(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\n') {
                    record.add(cell.toString());
                    cell.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                } else if (c != '\r') {
                    cell.append(c);
                }
            }
            List<String> header = records.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> r : records.subList(1, records.size())) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), r.get(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
