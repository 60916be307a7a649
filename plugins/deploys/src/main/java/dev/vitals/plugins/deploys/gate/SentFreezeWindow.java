package dev.vitals.plugins.deploys.gate;

/**
 * A freeze window as {@code POST /api/deploys/freezes} receives it; {@link FreezeWindows} checks it. Fields the
 * caller left out are {@code null} here, and only here.
 *
 * @param name what people call it, e.g. {@code Year-end freeze}
 * @param kind {@code weekends}, {@code weekdays}, {@code holiday} or {@code once}
 * @param team the team's key it applies to, optional
 * @param service the service's key it applies to, optional
 * @param fromDay for weekdays: {@code monday} … {@code sunday}
 * @param toDay for weekdays, inclusive
 * @param date for a holiday: {@code MM-DD}
 * @param startsAt for once: a time with offset, or a local date-time in the org zone
 * @param endsAt for once, exclusive
 */
public record SentFreezeWindow(String name, String kind, String team, String service, String fromDay, String toDay,
        String date, String startsAt, String endsAt) {
}
