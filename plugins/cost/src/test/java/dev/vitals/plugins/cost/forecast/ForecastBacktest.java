package dev.vitals.plugins.cost.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The forecast's backtest of docs/PERFORMANCE.md: for generated services ({@link SyntheticCost}) with two years of
 * daily cost, forecast the month's total on the 1st, 8th, 15th and 22nd of each month of the second year from the
 * days before, and compare with the month's true total: the mean absolute percentage error, and how often the truth
 * fell inside the 80 % interval.
 *
 * <pre>
 * mvn -B -q -o test-compile -pl plugins/cost -am
 * java -cp "plugins/cost/target/test-classes:plugins/cost/target/classes" \
 *     dev.vitals.plugins.cost.forecast.ForecastBacktest 500
 * </pre>
 */
public final class ForecastBacktest {

    private static final LocalDate START = LocalDate.parse("2024-01-01");
    private static final int[] AS_OF = {1, 8, 15, 22};

    private ForecastBacktest() {
    }

    /** @param args the number of generated services, 500 unless given */
    public static void main(String[] args) {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Result result = run(services, 1);
        System.out.println(result.summary());
    }

    /** What a backtest found. */
    record Result(int forecasts, double mape, double coverage, double meanWidth, int[] coveredByDay,
            int[] forecastsByDay, double[] apeByDay) {

        String summary() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%d month-end forecasts: MAPE %.2f %%, truth inside the 80 %% interval %.1f %%, mean interval "
                            + "width %.1f %% of the forecast%n", forecasts, mape * 100, coverage * 100,
                    meanWidth * 100));
            for (int i = 0; i < AS_OF.length; i++) {
                out.append(String.format(Locale.ROOT, "  as of day %2d: MAPE %.2f %%, inside %.1f %%%n", AS_OF[i],
                        apeByDay[i] / forecastsByDay[i] * 100, 100.0 * coveredByDay[i] / forecastsByDay[i]));
            }
            return out.toString();
        }
    }

    static Result run(int services, long seed) {
        SyntheticCost generator = new SyntheticCost(seed);
        int days = (int) START.until(START.plusYears(2), java.time.temporal.ChronoUnit.DAYS);
        int forecasts = 0;
        int covered = 0;
        double ape = 0;
        double width = 0;
        int[] coveredByDay = new int[AS_OF.length];
        int[] byDay = new int[AS_OF.length];
        double[] apeByDay = new double[AS_OF.length];
        for (int s = 0; s < services; s++) {
            List<BigDecimal> cost = generator.series(START, days);
            for (int month = 12; month < 24; month++) {
                LocalDate from = START.plusMonths(month);
                LocalDate until = from.plusMonths(1);
                BigDecimal truth = sum(cost, from, until);
                for (int a = 0; a < AS_OF.length; a++) {
                    LocalDate today = from.withDayOfMonth(AS_OF[a]);
                    LocalDate lastKnown = today.minusDays(1);
                    int known = (int) START.until(today, java.time.temporal.ChronoUnit.DAYS);
                    List<BigDecimal> history = cost.subList(Math.max(0, known - Forecaster.HISTORY_DAYS), known);
                    Forecast f = Forecaster.forecast(history, lastKnown, from, until);
                    double error = f.total().subtract(truth).abs().divide(truth, MathContext.DECIMAL64)
                            .doubleValue();
                    boolean inside = f.low().orElseThrow().compareTo(truth) <= 0
                            && truth.compareTo(f.high().orElseThrow()) <= 0;
                    forecasts++;
                    ape += error;
                    apeByDay[a] += error;
                    byDay[a]++;
                    if (inside) {
                        covered++;
                        coveredByDay[a]++;
                    }
                    width += f.high().orElseThrow().subtract(f.low().orElseThrow())
                            .divide(f.total(), MathContext.DECIMAL64).doubleValue();
                }
            }
        }
        return new Result(forecasts, ape / forecasts, (double) covered / forecasts, width / forecasts, coveredByDay,
                byDay, apeByDay);
    }

    private static BigDecimal sum(List<BigDecimal> cost, LocalDate from, LocalDate until) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
            sum = sum.add(cost.get((int) START.until(d, java.time.temporal.ChronoUnit.DAYS)));
        }
        return sum;
    }
}
