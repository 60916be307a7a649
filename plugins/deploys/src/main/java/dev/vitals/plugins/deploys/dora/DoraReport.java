package dev.vitals.plugins.deploys.dora;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The four DORA keys for a set of services over a period. A key without data is empty, never zero.
 *
 * @param period the dates covered
 * @param deployments counted deployments: production, success or rolled back, finished in the period
 * @param failedDeployments of those, rolled back or named by an incident as its cause
 * @param perWeek counted deployments × 7 ÷ days in the period; empty without counted deployments
 * @param medianDeployDaysPerWeek median over every ISO week overlapping the period of the dates with a counted
 *     deployment, empty weeks included
 * @param medianDeployDaysPerMonth the same per calendar month
 * @param frequencyBand from the two medians
 * @param leadTimeHours median hours from commit to its first counted deployment ever, for first deployments in the
 *     period
 * @param leadTimeBand its band
 * @param changeFailureRate failed ÷ counted deployments
 * @param changeFailureRateBand its band
 * @param timeToRestoreHours median hours from start to resolution of incidents resolved in the period
 * @param timeToRestoreBand its band
 * @param incidentsResolved incidents resolved in the period
 * @param deployDaysPerWeek deploy-days per ISO week (keyed by Monday), for charts
 */
public record DoraReport(Period period, long deployments, long failedDeployments, OptionalDouble perWeek,
        OptionalDouble medianDeployDaysPerWeek, OptionalDouble medianDeployDaysPerMonth, Optional<Band> frequencyBand,
        OptionalDouble leadTimeHours, Optional<Band> leadTimeBand, OptionalDouble changeFailureRate,
        Optional<Band> changeFailureRateBand, OptionalDouble timeToRestoreHours, Optional<Band> timeToRestoreBand,
        long incidentsResolved, Map<LocalDate, Integer> deployDaysPerWeek) {

    /**
     * Computes the keys from what the database summed up.
     *
     * @param period the dates covered
     * @param days counted deployments per local date, only dates in the period
     * @param leadTimeHours the median lead time, if any commit counts
     * @param restore the median time to restore, if any incident was resolved
     * @param incidentsResolved how many incidents were resolved
     * @param thresholds where bands begin
     * @return the report
     */
    public static DoraReport compute(Period period, List<DayCount> days, OptionalDouble leadTimeHours,
            OptionalDouble restore, long incidentsResolved, DoraThresholds thresholds) {
        long deployments = 0;
        long failed = 0;
        TreeSet<LocalDate> deployDays = new TreeSet<>();
        for (DayCount day : days) {
            if (day.date().isBefore(period.from()) || !day.date().isBefore(period.to()) || day.deployments() == 0) {
                continue;
            }
            deployments += day.deployments();
            failed += day.failed();
            deployDays.add(day.date());
        }
        Map<LocalDate, Integer> perIsoWeek = new LinkedHashMap<>();
        for (LocalDate monday : period.weekStarts()) {
            perIsoWeek.put(monday, deployDays.subSet(monday, monday.plusWeeks(1)).size());
        }
        List<Integer> perMonth = new ArrayList<>();
        for (YearMonth month : period.months()) {
            perMonth.add(deployDays.subSet(month.atDay(1), month.plusMonths(1).atDay(1)).size());
        }
        OptionalDouble perWeek = OptionalDouble.empty();
        OptionalDouble weekMedian = OptionalDouble.empty();
        OptionalDouble monthMedian = OptionalDouble.empty();
        Optional<Band> frequencyBand = Optional.empty();
        OptionalDouble failureRate = OptionalDouble.empty();
        Optional<Band> failureBand = Optional.empty();
        if (deployments > 0) {
            perWeek = OptionalDouble.of(deployments * 7.0 / period.days());
            weekMedian = Median.of(perIsoWeek.values());
            monthMedian = Median.of(perMonth);
            frequencyBand = Optional.of(thresholds.frequency(weekMedian.getAsDouble(), monthMedian.getAsDouble()));
            double rate = (double) failed / deployments;
            failureRate = OptionalDouble.of(rate);
            failureBand = Optional.of(thresholds.failureRate(rate));
        }
        Optional<Band> leadBand = leadTimeHours.isPresent()
                ? Optional.of(thresholds.leadTime(leadTimeHours.getAsDouble())) : Optional.empty();
        Optional<Band> restoreBand = restore.isPresent()
                ? Optional.of(thresholds.restore(restore.getAsDouble())) : Optional.empty();
        return new DoraReport(period, deployments, failed, perWeek, weekMedian, monthMedian, frequencyBand,
                leadTimeHours, leadBand, failureRate, failureBand, restore, restoreBand, incidentsResolved,
                perIsoWeek);
    }

    /** @return true when no key has data */
    public boolean empty() {
        return deployments == 0 && leadTimeHours.isEmpty() && timeToRestoreHours.isEmpty();
    }

    /** @return the bands this report has, in key order */
    public List<Band> bands() {
        List<Band> bands = new ArrayList<>();
        frequencyBand.ifPresent(bands::add);
        leadTimeBand.ifPresent(bands::add);
        changeFailureRateBand.ifPresent(bands::add);
        timeToRestoreBand.ifPresent(bands::add);
        return bands;
    }
}
