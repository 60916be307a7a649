package dev.vitals.plugins.cost.anomalies;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * The expected band of a service's daily cost: the <b>seasonal median with a MAD band</b> (robust seasonal-naive
 * forecasting as used for anomaly detection by e.g. Twitter's and Netflix's robust methods).
 *
 * <ol>
 * <li>Days are compared per hour: a day of 23 or 25 hours (daylight saving time in the organisation's zone) is scaled
 * to 24 before, and back after.</li>
 * <li><b>Trend:</b> the growth per day is the Theil–Sen estimate over the last 4 weeks: the median of the per-day
 * ratios between every two days of the same weekday, kept within ±2 % a day.</li>
 * <li><b>Weekly rhythm:</b> the expectation is the median of the same weekday over the last 4 weeks (at least 2), each
 * value carried forward by the growth to the day assessed. A Saturday is compared with Saturdays.</li>
 * <li><b>Month days:</b> when the same day of the month was above the same weekday around it in the previous months
 * (median of the ratios of up to 3 months) by more than 3 spreads, that ratio is applied: a month-start batch day is
 * expected.</li>
 * <li><b>Band:</b> the spread is 1.4826 × the median absolute relative deviation of each day of the last 4 weeks
 * from the median of the other days of its weekday (at least {@value #MIN_SPREAD}); the band is expected × (1 ±
 * {@value #Z} spreads).</li>
 * </ol>
 *
 * <p>A day is assessed from the days before it only, so a spike counts from its first day. It needs
 * {@value #WARM_UP_DAYS} days of history; with fewer it falls back to period-over-period: the same weekday a week
 * before (with 7 to 13 days) or the day before, the band at half to twice that.
 */
public final class SeasonalBaseline {

    /** The method's name, as the API and the page state it. */
    public static final String SEASONAL = "seasonal median of the same weekday over 4 weeks, trend-adjusted, "
            + "with a MAD band";
    /** The fallback's names. */
    public static final String WEEK_OVER_WEEK = "week-over-week (less than 14 days of history)";
    public static final String DAY_OVER_DAY = "day-over-day (less than 14 days of history)";
    /** The band's half-width in spreads. */
    public static final double Z = 6;
    /** The smallest spread, relative to the expectation, so a perfectly steady cost still has a band. */
    public static final double MIN_SPREAD = 0.05;
    /** The history the seasonal method needs. */
    public static final int WARM_UP_DAYS = 14;
    /** The days before the first day assessed that {@link #expectations} needs to see. */
    public static final int LOOKBACK_DAYS = 3 * 31 + 35 + 7;

    private static final int WEEKS = 4;
    private static final double MAX_GROWTH = 0.02;
    private static final double MONTH_SPREADS = 3;
    private static final int[] AROUND = {-14, -7, 7, 14};
    /** The standard deviation of a normal distribution per median absolute deviation. */
    private static final double SPREAD_PER_MAD = 1.4826;

    private final ZoneId zone;

    public SeasonalBaseline(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param costs one service's cost per day; days absent after its first day cost nothing
     * @param from the first day to assess
     * @param to the day after the last
     * @return the expectation of every day in [from, to) that has a cost and at least one day of history
     */
    public List<Expectation> expectations(NavigableMap<LocalDate, BigDecimal> costs, LocalDate from, LocalDate to) {
        if (costs.isEmpty()) {
            return List.of();
        }
        Series series = new Series(costs, zone);
        List<Expectation> out = new ArrayList<>();
        for (LocalDate day : costs.subMap(from, true, to, false).keySet()) {
            expectation(series, day).ifPresent(out::add);
        }
        return out;
    }

    /**
     * @return the expectation of any day after the service's first, whether or not it has a cost (for charts)
     */
    public List<Optional<Expectation>> band(NavigableMap<LocalDate, BigDecimal> costs, List<LocalDate> days) {
        if (costs.isEmpty()) {
            return days.stream().map(d -> Optional.<Expectation>empty()).toList();
        }
        Series series = new Series(costs, zone);
        return days.stream().map(d -> expectation(series, d)).toList();
    }

    private Optional<Expectation> expectation(Series s, LocalDate day) {
        int history = (int) ChronoUnit.DAYS.between(s.first, day);
        if (history <= 0) {
            return Optional.empty();
        }
        BigDecimal cost = s.costs.getOrDefault(day, BigDecimal.ZERO);
        double hours = s.hoursShare(day);
        if (history < WARM_UP_DAYS) {
            boolean weekly = history >= 7;
            double before = s.perDay(day.minusDays(weekly ? 7 : 1)) * hours;
            double score = before > 0 ? Z * (cost.doubleValue() - before) / before : 0;
            return Optional.of(new Expectation(day, cost, money(before), money(before / 2), money(before * 2),
                    round(score), weekly ? WEEK_OVER_WEEK : DAY_OVER_DAY, history));
        }
        Weekly weekly = s.weekly(day);
        double expected = weekly.expected * monthFactor(s, day, weekly.spread) * hours;
        double width = Z * weekly.spread * expected;
        double score = expected > 0 ? Z * (cost.doubleValue() - expected) / width : 0;
        return Optional.of(new Expectation(day, cost, money(expected), money(Math.max(0, expected - width)),
                money(expected + width), round(score), SEASONAL, history));
    }

    /**
     * The median ratio of the same day of the month to the same weekday around it, when it is clearly above 1 (a
     * batch day; a day that is lower is no alarm, and trusting a low ratio from noise would cause false spikes). The
     * weekdays around it are those a week and two before and after (before the day assessed), so the growth cancels
     * out and a month-start day at the very start of the history counts too.
     */
    private static double monthFactor(Series s, LocalDate day, double spread) {
        double[] ratios = new double[3];
        int n = 0;
        for (int m = 1; m <= 3; m++) {
            LocalDate earlier = day.minusMonths(m);
            if (earlier.getDayOfMonth() != day.getDayOfMonth() || earlier.isBefore(s.first)) {
                continue;
            }
            double[] around = new double[4];
            int k = 0;
            for (int w : AROUND) {
                LocalDate other = earlier.plusDays(w);
                if (!other.isBefore(s.first) && other.isBefore(day)) {
                    around[k++] = s.perDay(other);
                }
            }
            double expected = k >= 2 ? median(Arrays.copyOf(around, k)) : 0;
            if (expected > 0) {
                ratios[n++] = s.perDay(earlier) / expected;
            }
        }
        if (n == 0) {
            return 1;
        }
        double factor = median(Arrays.copyOf(ratios, n));
        return factor - 1 > MONTH_SPREADS * spread ? factor : 1;
    }

    /** Rounded to cents (half up), without the decimal text a {@code BigDecimal.valueOf(double)} goes through. */
    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(Math.round(value * 100), 2);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The weekly expectation of a day, scaled to 24 hours, and the relative spread around it. */
    private record Weekly(double expected, double spread) {
    }

    /** One service's costs per 24 hours, by day from its first. */
    private static final class Series {

        private final NavigableMap<LocalDate, BigDecimal> costs;
        private final ZoneId zone;
        private final LocalDate first;
        private final double[] perDay;
        private final boolean fixed;

        Series(NavigableMap<LocalDate, BigDecimal> costs, ZoneId zone) {
            this.costs = costs;
            this.zone = zone;
            this.first = costs.firstKey();
            this.perDay = new double[(int) ChronoUnit.DAYS.between(first, costs.lastKey()) + 1];
            this.fixed = zone.getRules().isFixedOffset();
            costs.forEach((day, cost) -> {
                long hours = fixed ? 24 : hours(day);
                perDay[(int) ChronoUnit.DAYS.between(first, day)] = cost.doubleValue() * 24 / hours;
            });
        }

        /** The day's hours over 24: 1 but on the days daylight saving time begins or ends. */
        double hoursShare(LocalDate day) {
            return fixed ? 1 : hours(day) / 24.0;
        }

        long hours(LocalDate day) {
            return Duration.between(day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)).toHours();
        }

        /** The day's cost as if it had 24 hours. */
        double perDay(LocalDate day) {
            return at((int) ChronoUnit.DAYS.between(first, day));
        }

        private double at(int index) {
            return index < 0 || index >= perDay.length ? 0 : perDay[index];
        }

        Weekly weekly(LocalDate day) {
            int index = (int) ChronoUnit.DAYS.between(first, day);
            int weeks = Math.min(WEEKS, index / 7);
            // The last `weeks` weeks grouped by weekday: groups[g][w] is the day 7w + g + 1 back, so group 6 holds the
            // days 7, 14, 21 and 28 before, the same weekday as the day assessed.
            double[][] groups = new double[7][weeks];
            for (int back = 1; back <= 7 * weeks; back++) {
                groups[(back - 1) % 7][(back - 1) / 7] = at(index - back);
            }
            double growth = growth(groups);
            double carried = 1;
            for (int back = 1; back <= 7 * weeks; back++) {
                carried *= growth;
                groups[(back - 1) % 7][(back - 1) / 7] *= carried;
            }
            // Each value against the median of the others of its weekday: the error a prediction from them makes.
            double[] deviations = new double[7 * weeks];
            int n = 0;
            for (int g = 0; g < 7; g++) {
                double[] sorted = groups[g].clone();
                Arrays.sort(sorted);
                for (int p = 0; p < weeks; p++) {
                    double others = medianWithout(sorted, p);
                    deviations[n++] = others > 0 ? Math.abs(sorted[p] / others - 1) : 0;
                }
            }
            double spread = Math.max(MIN_SPREAD, SPREAD_PER_MAD * median(deviations));
            return new Weekly(median(groups[6]), spread);
        }

        /**
         * The Theil–Sen estimate of the growth per day: the median, over every pair of days of the same weekday, of
         * the per-day ratio between them, kept within ±2 % a day. Robust to spikes and batch days, and blind to the
         * weekly rhythm since it compares like with like.
         */
        private static double growth(double[][] groups) {
            double[] slopes = new double[7 * 6];
            double[] logs = new double[WEEKS];
            int n = 0;
            for (double[] group : groups) {
                for (int w = 0; w < group.length; w++) {
                    logs[w] = group[w] > 0 ? Math.log(group[w]) : Double.NaN;
                }
                for (int newer = 0; newer < group.length; newer++) {
                    for (int older = newer + 1; older < group.length; older++) {
                        if (!Double.isNaN(logs[newer]) && !Double.isNaN(logs[older])) {
                            slopes[n++] = (logs[newer] - logs[older]) / (7 * (older - newer));
                        }
                    }
                }
            }
            if (n == 0) {
                return 1;
            }
            double perDay = Math.exp(median(Arrays.copyOf(slopes, n)));
            return Math.max(1 - MAX_GROWTH, Math.min(1 + MAX_GROWTH, perDay));
        }

        /** The median of a sorted array without its element at {@code skip}, allocating nothing. */
        private static double medianWithout(double[] sorted, int skip) {
            int m = sorted.length - 1;
            if (m % 2 == 1) {
                return sorted[shifted(m / 2, skip)];
            }
            return (sorted[shifted(m / 2 - 1, skip)] + sorted[shifted(m / 2, skip)]) / 2;
        }

        private static int shifted(int index, int skip) {
            return index < skip ? index : index + 1;
        }

    }
}
