package dev.vitals.plugins.deploys.dora;

import java.time.LocalDate;

/**
 * The one window the four keys are judged over wherever they are shown as "now": the service signal the home page
 * reads, the overview, the team panel and the service's Deploys tab and page. One window, so a service's change
 * failure rate is one number on every page, and one label, so every page says which.
 */
public final class DoraWindow {

    /** How many days, today included. */
    public static final int DAYS = 30;

    /** How pages and verdicts name it. */
    public static final String LABEL = "last 30 d";

    /** How pages name the window before it, that the team panel compares with. */
    public static final String PREVIOUS_LABEL = "the 30 d before";

    private DoraWindow() {
    }

    /** @return the window that ends with {@code today} */
    public static Period current(OrgClock clock) {
        return endingOn(clock.today(), clock);
    }

    /** @return the window of the same length just before {@link #current} */
    public static Period previous(OrgClock clock) {
        return endingOn(clock.today().minusDays(DAYS), clock);
    }

    /** @return the window that ends with {@code day}, as the signal of that day judged it */
    public static Period endingOn(LocalDate day, OrgClock clock) {
        return Period.lastDays(day, DAYS, clock.zone());
    }
}
