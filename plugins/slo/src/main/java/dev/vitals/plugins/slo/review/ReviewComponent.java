package dev.vitals.plugins.slo.review;

/**
 * One availability component of a program in the monthly review: how its SLOs (its own and its services') did in
 * the month reviewed.
 *
 * @param name the component's name
 * @param title its display title
 * @param slos how many SLOs count towards it
 * @param met how many met their objective in the month
 * @param missed how many missed it
 */
public record ReviewComponent(String name, String title, int slos, int met, int missed) {

    /** @return the SLOs without data in the month */
    public int noData() {
        return slos - met - missed;
    }

    /** @return the component's verdict for the month in words */
    public String verdict() {
        return slos == 0 ? "no SLO yet" : missed > 0 ? "missed" : met == slos ? "met" : "partly without data";
    }
}
