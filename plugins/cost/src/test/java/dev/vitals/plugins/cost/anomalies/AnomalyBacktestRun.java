package dev.vitals.plugins.cost.anomalies;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a test of the build (it runs only when {@code -Dcost.backtest=SEED} is given): the detector over
 * generated bills with planted spikes ({@link PlantedCosts}: weekly rhythm, growth, month-start batches, noise of 3 to
 * 10 %, two spikes of 2 to 4 times per service), 500 services over 395 days, for docs/PERFORMANCE.md.
 *
 * <pre>
 * mvn -B -q -o test -pl plugins/cost -am -Dtest=AnomalyBacktestRun -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcost.backtest=11
 * </pre>
 */
@EnabledIfSystemProperty(named = "cost.backtest", matches = "[0-9]+")
class AnomalyBacktestRun {

    @Test
    void backtest() {
        long seed = Long.parseLong(System.getProperty("cost.backtest"));
        LocalDate first = LocalDate.parse("2024-01-01");
        PlantedCosts bills = PlantedCosts.generate(seed, 500, first, 395, 2);
        long start = System.nanoTime();
        PlantedCosts.Score score = bills.score(new SeasonalBaseline(ZoneOffset.UTC), first.plusDays(14),
                first.plusDays(395));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("BACKTEST seed %d: %d planted, %d found, %d false, precision %.3f, recall %.3f, "
                + "%d service-days in %d ms%n", seed, score.planted(), score.truePositives(), score.falsePositives(),
                score.precision(), score.recall(), 500 * 381, millis);
    }
}
