package dev.vitals.plugins.cost.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A period's total from a daily cost history: the days already known are summed exactly, the others forecast by the
 * {@link WeekdayTrendModel}. The 80 % interval is empirical: the model is refitted at every past day of the history
 * and its forecast over the same days ahead compared with what came; the 10th and 90th percentiles of those relative
 * errors widen the forecast. No distribution is assumed, so a noisy or spiky series gets a wide interval and a calm
 * one a narrow one, and the backtest in docs/PERFORMANCE.md checks that the truth falls inside about 80 % of the time.
 */
public final class Forecaster {

    /** The share of outcomes the interval should hold. */
    public static final BigDecimal INTERVAL = new BigDecimal("0.8");
    /** How the forecast is made, as the answer states it. */
    public static final String METHOD = "seasonal naive by weekday with a Theil-Sen trend over the last 8 weeks; "
            + "80 % interval from the 10th and 90th percentiles of past forecast errors over as many days ahead";
    /** The fewest past forecasts whose errors make an interval: fewer would not place a 10th percentile. */
    static final int MIN_ERRORS = 20;
    /** The most past forecasts the errors come from: the last year's. */
    static final int MAX_ERRORS = 365;
    /** The days of history worth reading: a year of past forecasts, each with the model's window behind it. */
    public static final int HISTORY_DAYS = 420;

    private Forecaster() {
    }

    /**
     * @param history the daily cost, oldest first, ending at {@code lastKnown}; leading days before any cost are
     *     left out of the learning
     * @param lastKnown the last day whose cost is known
     * @param from the first day of the total
     * @param until the day after its last
     * @return the total over [from, until)
     */
    public static Forecast forecast(List<BigDecimal> history, LocalDate lastKnown, LocalDate from, LocalDate until) {
        LocalDate firstDay = lastKnown.minusDays(history.size() - 1L);
        BigDecimal actual = BigDecimal.ZERO;
        for (int i = 0; i < history.size(); i++) {
            LocalDate day = firstDay.plusDays(i);
            if (!day.isBefore(from) && day.isBefore(until)) {
                actual = actual.add(history.get(i));
            }
        }
        LocalDate firstUnknown = from.isAfter(lastKnown) ? from : lastKnown.plusDays(1);
        if (!firstUnknown.isBefore(until)) {
            return new Forecast(actual, actual, Optional.of(actual), Optional.of(actual), history.size(),
                    Optional.empty());
        }
        int first = (int) ChronoUnit.DAYS.between(lastKnown, firstUnknown);
        int last = (int) ChronoUnit.DAYS.between(lastKnown, until.minusDays(1));

        int start = 0;
        while (start < history.size() && history.get(start).signum() == 0) {
            start++;
        }
        double[] y = history.subList(start, history.size()).stream().mapToDouble(BigDecimal::doubleValue).toArray();
        LocalDate learnFrom = firstDay.plusDays(start);
        if (y.length < WeekdayTrendModel.MIN_DAYS) {
            return meanCarriedForward(actual, y, last - first + 1);
        }
        WeekdayTrendModel model = new WeekdayTrendModel(y, learnFrom);
        double predicted = model.predictSum(first, last);
        BigDecimal total = actual.add(cents(predicted));
        List<Double> errors = pastErrors(y, learnFrom, first, last);
        if (errors.size() < MIN_ERRORS) {
            int needed = WeekdayTrendModel.MIN_DAYS + last + MIN_ERRORS - 1;
            return new Forecast(actual, total, Optional.empty(), Optional.empty(), y.length, Optional.of(
                    "Only " + y.length + " days of cost history: an interval over " + last + " days ahead needs "
                            + needed + ", to compare " + MIN_ERRORS + " past forecasts with what came."));
        }
        double[] sorted = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // Neighbouring origins forecast overlapping days, so their errors are far from independent: a year holds
        // only so many disjoint windows of this length, and tail percentiles of few samples fall short. The levels
        // are moved out by the conformal correction for that many samples, (k + 1) / k.
        double windows = Math.max(1, (double) errors.size() / (last - first + 1));
        double tail = 0.1 * windows / (windows + 1);
        BigDecimal low = actual.add(cents(predicted * (1 + quantile(sorted, tail))));
        BigDecimal high = actual.add(cents(predicted * (1 + quantile(sorted, 1 - tail))));
        return new Forecast(actual, total, Optional.of(low.min(total)), Optional.of(high.max(total)), y.length,
                Optional.empty());
    }

    private static Forecast meanCarriedForward(BigDecimal actual, double[] y, int days) {
        if (y.length == 0) {
            return new Forecast(actual, actual, Optional.empty(), Optional.empty(), 0, Optional.of(
                    "No cost history yet: import FOCUS exports to forecast."));
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        return new Forecast(actual, actual.add(cents(mean * days)), Optional.empty(), Optional.empty(), y.length,
                Optional.of("Only " + y.length + " days of cost history: a forecast by weekday and trend needs "
                        + WeekdayTrendModel.MIN_DAYS + ", so this is the daily mean carried forward, without an "
                        + "interval."));
    }

    /**
     * The relative errors ({@code actual / forecast - 1}) of the model's past forecasts over the days
     * {@code first..last} ahead, from every origin of the history that has those days behind it, the latest
     * {@value #MAX_ERRORS}.
     */
    static List<Double> pastErrors(double[] y, LocalDate firstDay, int first, int last) {
        List<Double> errors = new ArrayList<>();
        int lastEnd = y.length - last;
        for (int end = Math.max(WeekdayTrendModel.MIN_DAYS, lastEnd - MAX_ERRORS + 1); end <= lastEnd; end++) {
            WeekdayTrendModel model = new WeekdayTrendModel(y, end, firstDay.getDayOfWeek());
            double predicted = model.predictSum(first, last);
            double came = 0;
            for (int h = first; h <= last; h++) {
                came += y[end - 1 + h];
            }
            if (predicted > 0) {
                errors.add(came / predicted - 1);
            }
        }
        return errors;
    }

    /** The q-quantile of sorted values, interpolated linearly between ranks (Hyndman and Fan's type 7). */
    static double quantile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    private static BigDecimal cents(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }
}
