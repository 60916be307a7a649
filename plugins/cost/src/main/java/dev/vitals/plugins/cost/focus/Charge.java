package dev.vitals.plugins.cost.focus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of a FOCUS file, checked: what the portal keeps of it. Amounts are in the billing currency, exact.
 *
 * @param row the row in the file, the header being row 1
 * @param billingAccountId the account billed
 * @param billingPeriodStart the first instant of the billing period (inclusive)
 * @param billingPeriodEnd its end (exclusive)
 * @param chargePeriodStart when the charge's period starts; for a correction, the period it restates
 * @param chargePeriodEnd when it ends (exclusive)
 * @param chargeCategory Usage, Purchase, Tax, Credit or Adjustment
 * @param chargeClass {@code Correction} for a row that restates an earlier period, empty otherwise
 * @param providerName who provides the service, e.g. AWS
 * @param invoiceIssuerName who issues the invoice
 * @param invoiceId the invoice the charge is on (FOCUS 1.2), when the export says
 * @param subAccountId the sub-account (AWS account, Azure subscription, GCP project)
 * @param serviceCategory e.g. Compute
 * @param serviceName e.g. Amazon Elastic Compute Cloud
 * @param billingCurrency ISO 4217 code of the amounts, upper case
 * @param billedCost the amount invoiced
 * @param effectiveCost the amortised cost, the basis of trends
 * @param tags the {@code Tags} object as JSON text
 * @param extra the {@code x_…} columns as a JSON object
 * @param allocationTag the value of the first allocation key the row carries
 * @param resourceId the resource billed, when the export says; ResourceId prefix rules allocate by it
 */
public record Charge(long row, String billingAccountId, Instant billingPeriodStart, Instant billingPeriodEnd,
        Instant chargePeriodStart, Instant chargePeriodEnd, String chargeCategory, Optional<String> chargeClass,
        String providerName, Optional<String> invoiceIssuerName, Optional<String> invoiceId,
        Optional<String> subAccountId, Optional<String> serviceCategory, Optional<String> serviceName,
        String billingCurrency, BigDecimal billedCost, BigDecimal effectiveCost, Optional<String> tags,
        Optional<String> extra, Optional<String> allocationTag, Optional<String> resourceId) {
}
