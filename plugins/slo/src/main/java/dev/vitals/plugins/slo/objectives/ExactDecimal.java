package dev.vitals.plugins.slo.objectives;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Objectives and slice thresholds are decimals people type (99.9 %, 300 ms) and expect back as typed: they are kept
 * as {@link BigDecimal}, never as binary fractions, and turned into a {@code double} only where a rate is computed.
 */
public final class ExactDecimal {

    /** The most decimal places an objective (as a share) or a threshold may have: 99.9999 % is 0.999999. */
    public static final int MAX_PLACES = 6;

    /** The largest threshold: beyond it a {@code double} sample could no longer be compared with it exactly. */
    private static final BigDecimal MAX_THRESHOLD = new BigDecimal("1e15");

    private ExactDecimal() {
    }

    /** @return the value without trailing zeros and never in exponent form: 0.9990 → 0.999, 3E+2 → 300 */
    public static BigDecimal normal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** @return a share as a percentage, as written: 0.999 → "99.9 %", 0.99 → "99 %" */
    public static String percent(BigDecimal share) {
        return normal(share.movePointRight(2)).toPlainString() + " %";
    }

    /** @return why this is not an objective, a share between 0 and 1 exclusive; empty when it is one */
    public static Optional<String> objectiveFault(BigDecimal share) {
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0) {
            return Optional.of("is required: a share between 0 and 1 exclusive, e.g. 0.999, got " + share);
        }
        return places(share);
    }

    /** @return why this is not a slice threshold; empty when it is one */
    public static Optional<String> thresholdFault(BigDecimal threshold) {
        if (threshold.abs().compareTo(MAX_THRESHOLD) >= 0) {
            return Optional.of("must be less than 10^15 in size, got " + threshold);
        }
        return places(threshold);
    }

    private static Optional<String> places(BigDecimal value) {
        // Checked before normal(), which would spell out an exponent such as 1E-999999999 digit by digit.
        int places = value.stripTrailingZeros().scale();
        return places > MAX_PLACES ? Optional.of("must have at most " + MAX_PLACES + " decimal places, got " + places
                + " in " + value) : Optional.empty();
    }
}
