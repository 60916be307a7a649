package dev.vitals.plugins.cost.imports;

/**
 * What one import holds of one invoice, in the billing currency, to reconcile with the invoice itself.
 *
 * @param invoiceIssuer who issues the invoice
 * @param invoiceId the invoice's id where the export names it (FOCUS 1.2), else empty text
 * @param currency the billing currency
 * @param rows the rows
 * @param billed the sum of BilledCost, which the invoice shows
 * @param effective the sum of EffectiveCost, the amortised cost trends use
 */
public record InvoiceTotal(String invoiceIssuer, String invoiceId, String currency, long rows, String billed,
        String effective) {
}
