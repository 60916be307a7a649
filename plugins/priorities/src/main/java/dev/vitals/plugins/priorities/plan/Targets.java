package dev.vitals.plugins.priorities.plan;

import java.math.BigDecimal;

/**
 * A team's capacity targets, as shares of its estimated person-weeks.
 *
 * @param immediate the share of immediate work it aims at, e.g. 0.7 (the rest is future work)
 * @param foundation the least share of foundation work (reliability, security, compliance, scaling, tech debt)
 */
public record Targets(BigDecimal immediate, BigDecimal foundation) {

    /** The organisation's default: about 70 % immediate, at least 30 % foundation. */
    public static final Targets DEFAULT = new Targets(new BigDecimal("0.7"), new BigDecimal("0.3"));
}
