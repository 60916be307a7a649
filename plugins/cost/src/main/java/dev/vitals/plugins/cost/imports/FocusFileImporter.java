package dev.vitals.plugins.cost.imports;

import dev.vitals.api.FileImporter;
import dev.vitals.plugins.cost.measures.EffectiveCostMeasures;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongConsumer;

/**
 * {@code java -jar vitals.jar import cost FILE…}: a FOCUS file, plain or gzip, imported as {@code POST /imports}
 * imports it, and the days it touched published as measures. A bad file fails with the row, column and reason.
 */
public final class FocusFileImporter implements FileImporter {

    private final ChargeImport imports;
    private final EffectiveCostMeasures measures;
    private final Clock clock;

    public FocusFileImporter(ChargeImport imports, EffectiveCostMeasures measures, Clock clock) {
        this.imports = imports;
        this.measures = measures;
        this.clock = clock;
    }

    @Override
    public String importFile(Path file, LongConsumer progress) throws Exception {
        ImportResult result;
        try (Reader csv = ImportsApi.reader(Files.newInputStream(file))) {
            result = imports.run(csv, "cli:" + System.getProperty("user.name"), clock.instant(), progress);
        }
        measures.publish(result.firstDay(), result.lastDay());
        return String.format("%,d rows imported as import %d, %,d rows of earlier imports replaced, %d billing "
                + "periods, charges from %s to %s", result.rows(), result.id(), result.replaced(),
                result.periods().size(), result.firstDay(), result.lastDay());
    }
}
