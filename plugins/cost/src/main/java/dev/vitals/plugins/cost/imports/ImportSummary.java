package dev.vitals.plugins.cost.imports;

import java.time.Instant;
import java.util.List;

/**
 * One import in the history.
 *
 * @param id its number
 * @param importedAt when
 * @param importedBy who
 * @param rows the rows the file had
 * @param current the rows still stored: fewer once a later import replaced its billing periods
 * @param invoices billed against effective cost per invoice, of the rows still stored
 */
public record ImportSummary(long id, Instant importedAt, String importedBy, long rows, long current,
        List<InvoiceTotal> invoices) {
}
