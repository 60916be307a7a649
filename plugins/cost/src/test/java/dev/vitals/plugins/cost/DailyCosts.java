package dev.vitals.plugins.cost;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.function.Function;

/** FOCUS rows of one service, one a day (or one an hour), each in its own month's billing period. */
public final class DailyCosts {

    private DailyCosts() {
    }

    /**
     * @param csv the file to add to
     * @param service the service's tag
     * @param from the first day
     * @param to the day after the last
     * @param zone the organisation's zone, whose midnight each row starts at
     * @param cost the day's cost
     * @return the file
     */
    public static FocusCsv daily(FocusCsv csv, String service, LocalDate from, LocalDate to, ZoneId zone,
            Function<LocalDate, String> cost) {
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            csv.billingMonth(YearMonth.from(day).toString()).usage(day.atStartOfDay(zone).toInstant().toString(),
                    cost.apply(day), service);
        }
        return csv;
    }
}
