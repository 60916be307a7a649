package dev.vitals.plugins.cost.web;

import java.math.BigDecimal;

/**
 * Amounts as the API writes them: exact decimal strings without trailing zeros ({@code "13"}, {@code "1.97651418586"}),
 * so that no client reads them into a binary floating point number on the way. Rounding is for display only.
 */
public final class Money {

    private Money() {
    }

    /** @return the amount as a plain decimal string */
    public static String text(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }
}
