package dev.vitals.plugins.cost.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Amounts as pages show them: rounded to cents, for display only; the API keeps the rest. */
final class Amounts {

    private Amounts() {
    }

    static String cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String cents(String exact) {
        return cents(new BigDecimal(exact));
    }

    /**
     * An amount for a chart of cents: rounded here as every other amount on the page is, half to even. Handed to the
     * chart exact, a sum ending in half a cent (3209.305) would be rounded there half up, one cent away from the
     * same sum in the page's text and in the API's answer rounded alike.
     */
    static double charted(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** @return the part as a share of the whole, e.g. {@code 12.5 %}; empty when the whole is zero */
    static Optional<String> share(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN)
                .toPlainString() + " %");
    }
}
