package dev.vitals.plugins.priorities.backlog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How scores are rounded: exact decimals, a quotient to 4 places half up, written without trailing zeros. */
public final class Scores {

    static final int PLACES = 4;

    private Scores() {
    }

    static BigDecimal exact(BigDecimal numerator, BigDecimal denominator) {
        return plain(numerator.divide(denominator, PLACES, RoundingMode.HALF_UP));
    }

    /** @return the value without trailing zeros and never in exponent form (800, not 8E+2) */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
