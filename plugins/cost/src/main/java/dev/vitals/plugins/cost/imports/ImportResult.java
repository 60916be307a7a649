package dev.vitals.plugins.cost.imports;

import java.time.LocalDate;
import java.util.List;

/**
 * What an accepted file did.
 *
 * @param id the import's number
 * @param rows the rows stored
 * @param replaced the rows of earlier imports of the same billing accounts and periods it replaced
 * @param periods the billing accounts and periods the file holds
 * @param firstDay the first day (org time zone) of any charge it stored or replaced
 * @param lastDay the last such day
 */
public record ImportResult(long id, long rows, long replaced, List<BillingPeriod> periods, LocalDate firstDay,
        LocalDate lastDay) {
}
