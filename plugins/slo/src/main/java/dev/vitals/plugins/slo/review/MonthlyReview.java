package dev.vitals.plugins.slo.review;

import dev.vitals.plugins.slo.alerts.AlertLog;
import dev.vitals.plugins.slo.objectives.ExactDecimal;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.samples.Counts;
import dev.vitals.plugins.slo.samples.SampleRepository;
import dev.vitals.plugins.slo.samples.TimeRange;
import dev.vitals.plugins.slo.status.ErrorBudget;
import dev.vitals.plugins.slo.status.Percent;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The monthly SLO review of a program or component: per SLO, whether the calendar month (in the org zone) met the
 * objective, how much of that month's error budget it used, and the same for the months before it.
 *
 * @param month the month reviewed
 * @param months the month reviewed and the ones before it, newest first
 * @param lines one per SLO in scope
 */
public record MonthlyReview(YearMonth month, List<YearMonth> months, List<Line> lines) {

    /** How many months the trend looks back, the reviewed one included. */
    static final int TREND_MONTHS = 4;

    /**
     * One SLO in the review.
     *
     * @param slo the SLO
     * @param monthly counts per month, newest first, as {@link MonthlyReview#months()}
     * @param alertsFired how many burn-rate alerts started in each month, in the same order
     */
    public record Line(Slo slo, List<Counts> monthly, List<Integer> alertsFired) {

        public Optional<Boolean> compliant(int month) {
            return monthly.get(month).attainment().isPresent()
                    ? Optional.of(monthly.get(month).attainment().getAsDouble() >= slo.objective().doubleValue())
                    : Optional.empty();
        }

        /** @return the objective as a percentage, as written: 99.9 % */
        public String objective() {
            return ExactDecimal.percent(slo.objective());
        }

        public String attainment(int month) {
            return monthly.get(month).attainment().isPresent()
                    ? Percent.of(monthly.get(month).attainment().getAsDouble(), 3) : "no data";
        }

        public String budgetUsed(int month) {
            return ErrorBudget.of(monthly.get(month), slo.objective()).map(b -> Percent.of(b.consumed(), 1))
                    .orElse("no data");
        }

        public String compliance(int month) {
            return compliant(month).map(c -> c ? "met" : "missed").orElse("no data");
        }

        /**
         * @return the attainment of the month reviewed minus the month before's, in percentage points; empty when
         *     either has no data
         */
        public OptionalDouble changePoints() {
            if (monthly.get(0).attainment().isEmpty() || monthly.get(1).attainment().isEmpty()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((monthly.get(0).attainment().getAsDouble()
                    - monthly.get(1).attainment().getAsDouble()) * 100);
        }

        /** @return an arrow for {@link #changePoints()}: ▲ better, ▼ worse, = same, – unknown */
        public String arrow() {
            OptionalDouble change = changePoints();
            return change.isEmpty() ? "–" : change.getAsDouble() > 0 ? "▲" : change.getAsDouble() < 0 ? "▼" : "=";
        }

        /** @return the change in words and number, e.g. {@code worse by 0.052 pp} */
        public String change() {
            OptionalDouble change = changePoints();
            if (change.isEmpty()) {
                return "no data to compare";
            }
            double points = change.getAsDouble();
            String amount = String.format(Locale.ROOT, "%.3f pp", Math.abs(points));
            return points > 0 ? "better by " + amount : points < 0 ? "worse by " + amount : "the same";
        }

        /** @return better, worse or same attainment than the month before, in words */
        public String trend() {
            if (monthly.get(0).attainment().isEmpty() || monthly.get(1).attainment().isEmpty()) {
                return "–";
            }
            double now = monthly.get(0).attainment().getAsDouble();
            double before = monthly.get(1).attainment().getAsDouble();
            return now > before ? "better" : now < before ? "worse" : "same";
        }
    }

    /**
     * @param month a month reviewed
     * @param current the month it is now in the organisation's time zone
     * @return how pages name its window: {@code month to date} while it runs, {@code calendar month} once it ended
     */
    public static String windowOf(YearMonth month, YearMonth current) {
        return month.equals(current) ? "month to date" : month.isAfter(current) ? "month not begun"
                : "calendar month";
    }

    public static MonthlyReview of(YearMonth month, List<Slo> slos, SampleRepository samples, AlertLog alerts,
            ZoneId zone) {
        List<YearMonth> months = new ArrayList<>();
        List<TimeRange> ranges = new ArrayList<>();
        for (int i = 0; i < TREND_MONTHS; i++) {
            YearMonth m = month.minusMonths(i);
            months.add(m);
            ranges.add(new TimeRange(start(m, zone), start(m.plusMonths(1), zone)));
        }
        List<java.util.Map<String, Integer>> fired = ranges.stream()
                .map(r -> alerts.startedBetween(r.from(), r.to())).toList();
        List<Line> lines = slos.stream().map(s -> new Line(s, samples.counts(s, ranges),
                fired.stream().map(f -> f.getOrDefault(s.name(), 0)).toList())).toList();
        return new MonthlyReview(month, months, lines);
    }

    private static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** @return the review as CSV, one line per SLO and month */
    public String csv() {
        StringBuilder out = new StringBuilder("slo,owner,team,objective,month,attainment,compliance,budget_used,alerts_fired\n");
        for (Line line : lines) {
            for (int i = 0; i < months.size(); i++) {
                Counts c = line.monthly().get(i);
                out.append(cell(line.slo().name())).append(',').append(cell(line.slo().owner())).append(',')
                        .append(cell(line.slo().team().orElse(""))).append(',')
                        .append(line.slo().objective().toPlainString()).append(',').append(months.get(i)).append(',')
                        .append(c.attainment().isPresent() ? String.format(Locale.ROOT, "%.6f",
                                c.attainment().getAsDouble()) : "").append(',')
                        .append(line.compliance(i)).append(',')
                        .append(ErrorBudget.of(c, line.slo().objective()).map(b -> String.format(Locale.ROOT, "%.6f",
                                b.consumed())).orElse("")).append(',').append(line.alertsFired().get(i))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String cell(String s) {
        // A leading =, +, - or @ would run as a formula in a spreadsheet.
        String safe = s.matches("^[=+\\-@].*") ? "'" + s : s;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
