package dev.vitals.plugins.cost.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seasonal-naive by weekday with a robust trend, fitted to the last {@value #WINDOW} days of a daily series.
 *
 * <ul>
 *   <li><b>Weekday index:</b> each day's cost over the centred 7-day mean around it; per weekday the median of those
 *       ratios, scaled so that the seven average 1. A normal Saturday or a weekly batch day is in the index; a one-off
 *       spike is outvoted by the other weeks.</li>
 *   <li><b>Trend:</b> a Theil–Sen line (the median of the slopes between every pair of days, the median intercept) of
 *       the cost divided by its weekday index. A spike moves a median little, where it would pull a least-squares
 *       line.</li>
 *   <li><b>Forecast</b> of a day: the line at that day times its weekday index, never below zero.</li>
 * </ul>
 *
 * A flat series forecasts its value, a pure weekly rhythm repeats itself, a straight line continues: up to the
 * rounding of binary arithmetic, which the answer rounds away at cents.
 */
final class WeekdayTrendModel {

    /** Days the model looks back over: eight weeks, enough for medians that outvote a spike or two. */
    static final int WINDOW = 56;
    /** The fewest days a model is fitted to: two weeks, so each weekday is seen twice. */
    static final int MIN_DAYS = 14;

    private final double[] index = new double[7];
    private final double intercept;
    private final double slope;
    private final int last;
    private final int firstWeekday;

    /**
     * @param history the daily values, oldest first, at least {@value #MIN_DAYS} of them
     * @param firstDay the day of {@code history[0]}
     */
    WeekdayTrendModel(double[] history, LocalDate firstDay) {
        this(history, history.length, firstDay.getDayOfWeek());
    }

    /**
     * Fits the model to {@code history[0, end)}, for a backtest that fits at every origin without copying.
     *
     * @param history the daily values, oldest first
     * @param end how many of them are known at the origin, at least {@value #MIN_DAYS}
     * @param firstWeekday the weekday of {@code history[0]}
     */
    WeekdayTrendModel(double[] history, int end, DayOfWeek firstWeekday) {
        if (end < MIN_DAYS) {
            throw new IllegalArgumentException("a model needs " + MIN_DAYS + " days, got " + end);
        }
        this.firstWeekday = firstWeekday.getValue() - 1;
        this.last = end - 1;
        int start = Math.max(0, end - WINDOW);
        fitIndex(history, start, end);
        int n = end - start;
        double[] x = new double[n];
        double[] z = new double[n];
        int m = 0;
        for (int i = start; i < end; i++) {
            double s = index[weekday(i)];
            if (s > 0) {
                x[m] = i;
                z[m] = history[i] / s;
                m++;
            }
        }
        double[] slopes = new double[m * (m - 1) / 2];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                slopes[k++] = (z[j] - z[i]) / (x[j] - x[i]);
            }
        }
        this.slope = k == 0 ? 0 : median(slopes, k);
        double[] intercepts = new double[m];
        for (int i = 0; i < m; i++) {
            intercepts[i] = z[i] - slope * x[i];
        }
        this.intercept = m == 0 ? 0 : median(intercepts, m);
    }

    /**
     * @param ahead days after the last known day, 1 for the next
     * @return the day's forecast, at least zero
     */
    double predict(int ahead) {
        int day = last + ahead;
        return Math.max(0, (intercept + slope * day) * index[weekday(day)]);
    }

    /** @return the forecast summed over the days {@code first..lastAhead} ahead, both included */
    double predictSum(int first, int lastAhead) {
        double sum = 0;
        for (int h = first; h <= lastAhead; h++) {
            sum += predict(h);
        }
        return sum;
    }

    private void fitIndex(double[] history, int start, int end) {
        List<List<Double>> ratios = new ArrayList<>();
        for (int w = 0; w < 7; w++) {
            ratios.add(new ArrayList<>());
        }
        for (int i = start + 3; i + 3 < end; i++) {
            double mean = 0;
            for (int j = i - 3; j <= i + 3; j++) {
                mean += history[j];
            }
            mean /= 7;
            if (mean > 0) {
                ratios.get(weekday(i)).add(history[i] / mean);
            }
        }
        double sum = 0;
        for (int w = 0; w < 7; w++) {
            double[] r = ratios.get(w).stream().mapToDouble(Double::doubleValue).toArray();
            index[w] = r.length == 0 ? 1 : median(r, r.length);
            sum += index[w];
        }
        for (int w = 0; w < 7; w++) {
            // A series without any cost has no rhythm: every weekday is alike.
            index[w] = sum > 0 ? index[w] * 7 / sum : 1;
        }
    }

    private int weekday(int i) {
        return (firstWeekday + i) % 7;
    }

    /** The median of the first {@code n} values; sorts them. */
    static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
