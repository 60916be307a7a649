package dev.vitals.plugins.deploys.gate;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A freeze window as the API shows it.
 *
 * @param id its id
 * @param name its name
 * @param kind weekends, weekdays, holiday or once
 * @param team its team, if any
 * @param service its service, if any
 * @param fromDay first day of a weekday range
 * @param toDay last day of a weekday range
 * @param date a holiday's {@code MM-DD}
 * @param startsAt start of a one-off window
 * @param endsAt end of a one-off window
 * @param createdBy who made it
 * @param description the window in words
 */
public record FreezeWindowJson(long id, String name, String kind, Optional<String> team, Optional<String> service,
        Optional<String> fromDay, Optional<String> toDay, Optional<String> date, Optional<Instant> startsAt,
        Optional<Instant> endsAt, String createdBy, String description) {

    /** @param w a stored window @return it as the API shows it */
    public static FreezeWindowJson of(FreezeWindow w) {
        return new FreezeWindowJson(w.id(), w.name(), w.kind().wire(), w.team(), w.service(),
                w.fromDay().map(d -> d.name().toLowerCase(Locale.ROOT)),
                w.toDay().map(d -> d.name().toLowerCase(Locale.ROOT)),
                w.holiday().map(d -> d.toString().substring(2)), w.startsAt(), w.endsAt(), w.createdBy(),
                w.describe());
    }
}
