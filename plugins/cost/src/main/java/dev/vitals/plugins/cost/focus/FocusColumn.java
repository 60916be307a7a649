package dev.vitals.plugins.cost.focus;

/**
 * The FOCUS columns the portal reads, by their names in the specification (1.0 to 1.2). A file must have the
 * mandatory ones, in any order; the others are read when present. Columns named {@code x_…} are kept as they are;
 * other columns are not kept.
 */
public enum FocusColumn {
    BILLED_COST("BilledCost", true),
    BILLING_ACCOUNT_ID("BillingAccountId", true),
    BILLING_CURRENCY("BillingCurrency", true),
    BILLING_PERIOD_START("BillingPeriodStart", true),
    BILLING_PERIOD_END("BillingPeriodEnd", true),
    CHARGE_CATEGORY("ChargeCategory", true),
    CHARGE_CLASS("ChargeClass", false),
    CHARGE_PERIOD_START("ChargePeriodStart", true),
    CHARGE_PERIOD_END("ChargePeriodEnd", true),
    EFFECTIVE_COST("EffectiveCost", true),
    INVOICE_ID("InvoiceId", false),
    INVOICE_ISSUER_NAME("InvoiceIssuerName", false),
    PROVIDER_NAME("ProviderName", true),
    RESOURCE_ID("ResourceId", false),
    SERVICE_CATEGORY("ServiceCategory", false),
    SERVICE_NAME("ServiceName", false),
    SUB_ACCOUNT_ID("SubAccountId", false),
    TAGS("Tags", false);

    private final String header;
    private final boolean mandatory;

    FocusColumn(String header, boolean mandatory) {
        this.header = header;
        this.mandatory = mandatory;
    }

    /** @return the column's name as FOCUS writes it */
    public String header() {
        return header;
    }

    /** @return whether a file without it is refused */
    public boolean mandatory() {
        return mandatory;
    }
}
