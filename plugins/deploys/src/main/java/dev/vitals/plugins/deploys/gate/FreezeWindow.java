package dev.vitals.plugins.deploys.gate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A time when production deploys are frozen, in the org time zone.
 *
 * @param id its id
 * @param name what people call it, e.g. "Year-end freeze"
 * @param kind weekends, a weekday range, a yearly holiday or a one-off window
 * @param team the team it applies to; with no team and no service it applies to everyone
 * @param service the service it applies to
 * @param fromDay first day of a weekday range
 * @param toDay last day of a weekday range, inclusive; before {@code fromDay} it wraps over the weekend
 * @param holiday the day of a yearly holiday
 * @param startsAt start of a one-off window
 * @param endsAt end of a one-off window, exclusive
 * @param createdBy who made it
 */
public record FreezeWindow(long id, String name, Kind kind, Optional<String> team, Optional<String> service,
        Optional<DayOfWeek> fromDay, Optional<DayOfWeek> toDay, Optional<MonthDay> holiday, Optional<Instant> startsAt,
        Optional<Instant> endsAt, String createdBy) {

    /** The forms a freeze takes. */
    public enum Kind {
        WEEKENDS, WEEKDAYS, HOLIDAY, ONCE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param service a service @param owner its owning team's name, if any @return true if the window covers it */
    public boolean appliesTo(String service, Optional<String> owner) {
        if (team.isEmpty() && this.service.isEmpty()) {
            return true;
        }
        return this.service.map(service::equalsIgnoreCase).orElse(false)
                || team.flatMap(t -> owner.map(t::equalsIgnoreCase)).orElse(false);
    }

    /** @param localNow the current time in the org zone @return true while the window is on */
    public boolean coversTime(ZonedDateTime localNow) {
        DayOfWeek day = localNow.getDayOfWeek();
        return switch (kind) {
            case WEEKENDS -> day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            case WEEKDAYS -> {
                int from = fromDay.orElseThrow().getValue();
                int to = toDay.orElseThrow().getValue();
                int d = day.getValue();
                yield from <= to ? d >= from && d <= to : d >= from || d <= to;
            }
            case HOLIDAY -> MonthDay.from(localNow).equals(holiday.orElseThrow());
            case ONCE -> !localNow.toInstant().isBefore(startsAt.orElseThrow())
                    && localNow.toInstant().isBefore(endsAt.orElseThrow());
        };
    }

    /** @return the window in words, e.g. "weekdays friday to monday" */
    public String describe() {
        String when = switch (kind) {
            case WEEKENDS -> "every weekend";
            case WEEKDAYS -> "every " + fromDay.orElseThrow().name().toLowerCase(Locale.ROOT) + " to "
                    + toDay.orElseThrow().name().toLowerCase(Locale.ROOT);
            case HOLIDAY -> "every year on " + holiday.orElseThrow().toString().substring(2);
            case ONCE -> "from " + startsAt.orElseThrow() + " to " + endsAt.orElseThrow();
        };
        String scope = service.map(s -> "service " + s).or(() -> team.map(t -> "team " + t)).orElse("everyone");
        return name + " (" + when + ", " + scope + ")";
    }
}
