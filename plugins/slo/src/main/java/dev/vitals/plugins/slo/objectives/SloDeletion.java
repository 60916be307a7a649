package dev.vitals.plugins.slo.objectives;

import java.time.Instant;

/**
 * An SLO someone deleted, as the deletion log keeps it.
 *
 * @param slo its name
 * @param definition what it was, in words: owner, objective, window, method
 * @param deletedBy the login or token that deleted it
 * @param deletedByPerson the person behind that
 * @param deletedAt when
 */
public record SloDeletion(String slo, String definition, String deletedBy, String deletedByPerson,
        Instant deletedAt) {

    /** @return the definition of an SLO in words, as the log keeps it */
    public static String describe(Slo slo) {
        return slo.owner() + ", " + ExactDecimal.percent(slo.objective()) + " over " + slo.window().label() + ", "
                + slo.method().code() + slo.team().map(t -> ", team " + t).orElse("");
    }
}
