package dev.vitals.plugins.cost.pages;

import gg.jte.Content;
import io.javalin.http.Context;

/**
 * Where the overview shows the open cost anomalies: the anomaly detection renders its own list here (it owns the
 * anomalies and their page); until it is wired in, the section holds only the link to the anomalies page.
 */
@FunctionalInterface
public interface AnomaliesPartial {

    /** The partial of a portal without anomaly detection: nothing. */
    AnomaliesPartial ABSENT = ctx -> output -> { };

    /**
     * @param ctx the overview's request
     * @return the open anomalies, or nothing
     */
    Content render(Context ctx);
}
