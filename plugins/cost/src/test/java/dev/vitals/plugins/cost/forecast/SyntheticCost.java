package dev.vitals.plugins.cost.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Daily cost as services run up: a level, steady growth (or decline), a weekly rhythm (quiet weekends, a batch day),
 * multiplicative noise and, now and then, a one-day spike of 2 to 4 times. Seeded, so a run is repeatable.
 */
final class SyntheticCost {

    private final Random random;

    SyntheticCost(long seed) {
        this.random = new Random(seed);
    }

    /** @return one service's cost per day from {@code first}, for {@code days} days, in cents */
    List<BigDecimal> series(LocalDate first, int days) {
        double level = 50 + random.nextDouble() * 450;
        double growth = -0.001 + random.nextDouble() * 0.005;
        double weekend = 0.4 + random.nextDouble() * 0.6;
        DayOfWeek batchDay = DayOfWeek.of(1 + random.nextInt(7));
        double batch = 1 + random.nextDouble() * 0.5;
        double noise = 0.03 + random.nextDouble() * 0.12;
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            DayOfWeek day = first.plusDays(i).getDayOfWeek();
            double rhythm = (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? weekend : 1)
                    * (day == batchDay ? batch : 1);
            double spike = random.nextDouble() < 1.0 / 60 ? 2 + random.nextDouble() * 2 : 1;
            double value = level * Math.pow(1 + growth, i) * rhythm * spike * Math.exp(noise * random.nextGaussian());
            values.add(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN));
        }
        return values;
    }
}
