package dev.vitals.plugins.cost.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.FileImporter;
import dev.vitals.core.Vitals;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import dev.vitals.plugins.cost.CostPlugin;
import dev.vitals.plugins.cost.GeneratedFocus;
import dev.vitals.plugins.cost.Uploads;
import dev.vitals.plugins.cost.focus.FocusProblem;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer behind {@code vitals.jar import cost FILE…}, as the host hands it a file. */
class FocusFileImporterTest {

    @TempDir
    Path folder;

    @Test
    void aGzippedFileImportsWithProgressEveryTenThousandRowsAndABadFileNamesItsRow() throws Exception {
        Path zipped = folder.resolve("focus.csv.gz");
        try (InputStream in = GeneratedFocus.stream(25_000)) {
            Files.write(zipped, Uploads.gzip(in.readAllBytes()));
        }
        Path bad = Files.writeString(folder.resolve("bad.csv"), "BilledCost\n1\n");
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("cost", CostPlugin::new).source(), Map.of())) {
            FileImporter importer = portal.plugins().plugin("cost").orElseThrow().running().orElseThrow()
                    .fileImporter().orElseThrow();
            List<Long> progress = new ArrayList<>();

            String summary = importer.importFile(zipped, progress::add);

            assertEquals(List.of(10_000L, 20_000L, 25_000L), progress);
            assertTrue(summary.startsWith("25,000 rows imported as import 1"), summary);
            assertEquals(25_000L, portal.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM cost.charges").mapTo(Long.class).one()).longValue());
            FocusProblem problem = assertThrows(FocusProblem.class, () -> importer.importFile(bad, n -> { }));
            assertTrue(problem.getMessage().startsWith("row 1, column BillingAccountId"), problem.getMessage());
        }
    }
}
