package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import dev.vitals.plugins.deploys.ingest.InputRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Freeze windows in schema {@code deploys}: made and removed through the API, every change in the gate log. */
public final class FreezeWindows {

    private final Jdbi jdbi;
    private final CatalogView catalog;
    private final ZoneId zone;

    public FreezeWindows(Jdbi jdbi, CatalogView catalog, ZoneId zone) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.zone = zone;
    }

    public List<FreezeWindow> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM freeze_windows ORDER BY id")
                .map((rs, ctx) -> window(rs)).list());
    }

    /**
     * @param body the window as sent
     * @param caller who makes it: an editor of the window's team, or an admin for a window for everyone
     * @param now the time
     * @return the stored window
     */
    public FreezeWindow create(SentFreezeWindow body, RequestCaller caller, Instant now) {
        String actor = caller.name();
        FreezeWindow input = parse(body, actor);
        FreezeOwnership.require(caller, input, "make");
        long id = jdbi.inTransaction(h -> {
            long made = h.createQuery("""
                    INSERT INTO freeze_windows (name, kind, team, service, from_day, to_day, holiday, starts_at,
                        ends_at, created_by, created_at)
                    VALUES (:name, :kind, :team, :service, :fromDay, :toDay, :holiday, :startsAt, :endsAt, :by, :at)
                    RETURNING id""")
                    .bind("name", input.name()).bind("kind", input.kind().wire())
                    .bind("team", input.team().orElse(null)).bind("service", input.service().orElse(null))
                    .bindByType("fromDay", input.fromDay().map(d -> (short) d.getValue()).orElse(null), Short.class)
                    .bindByType("toDay", input.toDay().map(d -> (short) d.getValue()).orElse(null), Short.class)
                    .bind("holiday", input.holiday().map(d -> d.toString().substring(2)).orElse(null))
                    .bindByType("startsAt", input.startsAt().orElse(null), Instant.class)
                    .bindByType("endsAt", input.endsAt().orElse(null), Instant.class)
                    .bind("by", actor).bind("at", now).mapTo(Long.class).one();
            GateLog.write(h, now, actor, "freeze.created", "freeze/" + made, input.describe());
            return made;
        });
        return all().stream().filter(w -> w.id() == id).findFirst().orElseThrow();
    }

    /** @param id the window @param caller who removes it, as for {@link #create} @param now the time */
    public void delete(long id, RequestCaller caller, Instant now) {
        String actor = caller.name();
        FreezeWindow window = all().stream().filter(w -> w.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("no freeze window " + id));
        FreezeOwnership.require(caller, window, "remove");
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM freeze_windows WHERE id = :id").bind("id", id).execute();
            GateLog.write(h, now, actor, "freeze.deleted", "freeze/" + id, window.describe());
        });
    }

    private FreezeWindow parse(SentFreezeWindow body, String actor) {
        List<FieldError> errors = new ArrayList<>();
        InputRow row = new InputRow("", errors);
        String name = row.requiredText("name", body.name(), "\"Year-end freeze\"");
        String kindText = row.requiredText("kind", body.kind(), "\"weekends\"");
        Optional<FreezeWindow.Kind> kind = Optional.ofNullable(kindText).flatMap(k -> Arrays.stream(
                FreezeWindow.Kind.values()).filter(v -> v.wire().equals(k)).findFirst());
        if (kindText != null && kind.isEmpty()) {
            row.error("kind", "must be weekends, weekdays, holiday or once, got " + kindText);
        }
        Optional<String> team = row.optionalText("team", body.team());
        Optional<String> service = row.optionalText("service", body.service());
        if (team.isPresent() && service.isPresent()) {
            row.error("team", "give a team or a service, not both");
        }
        team.filter(t -> EntityRef.fromKey("group", t).flatMap(catalog::entity).isEmpty())
                .ifPresent(t -> row.error("team", "is not a team in the catalog: " + t));
        Optional<String> serviceKey = service.flatMap(s -> ServiceRefs.service(catalog, s)).map(e -> e.ref().key());
        if (service.isPresent() && serviceKey.isEmpty()) {
            row.error("service", "is not a service in the catalog: " + service.get());
        }
        Optional<DayOfWeek> fromDay = Optional.empty();
        Optional<DayOfWeek> toDay = Optional.empty();
        Optional<MonthDay> holiday = Optional.empty();
        Optional<Instant> startsAt = Optional.empty();
        Optional<Instant> endsAt = Optional.empty();
        if (kind.orElse(null) == FreezeWindow.Kind.WEEKDAYS) {
            fromDay = day(row, "fromDay", body.fromDay());
            toDay = day(row, "toDay", body.toDay());
        } else if (kind.orElse(null) == FreezeWindow.Kind.HOLIDAY) {
            String date = row.requiredText("date", body.date(), "\"12-25\"");
            if (date != null) {
                try {
                    holiday = Optional.of(MonthDay.parse("--" + date));
                } catch (DateTimeParseException e) {
                    row.error("date", "must be a month and day like 12-25, got " + date);
                }
            }
        } else if (kind.orElse(null) == FreezeWindow.Kind.ONCE) {
            startsAt = time(row, "startsAt", body.startsAt());
            endsAt = time(row, "endsAt", body.endsAt());
            if (startsAt.isPresent() && endsAt.isPresent() && !endsAt.get().isAfter(startsAt.get())) {
                row.error("endsAt", "must be after startsAt");
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("the freeze window cannot be saved", errors);
        }
        return new FreezeWindow(0, name, kind.orElseThrow(), team.map(t -> t.toLowerCase(Locale.ROOT)), serviceKey,
                fromDay, toDay, holiday, startsAt, endsAt, actor);
    }

    private static Optional<DayOfWeek> day(InputRow row, String field, String value) {
        String text = row.requiredText(field, value, "\"friday\"");
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            row.error(field, "must be a day of the week like friday, got " + text);
            return Optional.empty();
        }
    }

    private Optional<Instant> time(InputRow row, String field, String value) {
        String text = row.requiredText(field, value, "\"2026-12-24T00:00\"");
        if (text == null) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                at = LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                row.error(field, "must be a time like 2026-12-24T00:00 (org time zone " + zone + ") or with an"
                        + " offset, got " + text);
                return Optional.empty();
            }
        }
        if (!InputRow.inStorableYears(at)) {
            row.error(field, "must be between the years 1 and 9999, got " + text);
            return Optional.empty();
        }
        return Optional.of(at);
    }

    private static FreezeWindow window(ResultSet rs) throws SQLException {
        return new FreezeWindow(rs.getLong("id"), rs.getString("name"),
                FreezeWindow.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(rs.getString("team")), Optional.ofNullable(rs.getString("service")),
                Optional.ofNullable((Short) rs.getObject("from_day", Short.class)).map(DayOfWeek::of),
                Optional.ofNullable((Short) rs.getObject("to_day", Short.class)).map(DayOfWeek::of),
                Optional.ofNullable(rs.getString("holiday")).map(d -> MonthDay.parse("--" + d)),
                Optional.ofNullable(rs.getObject("starts_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getObject("ends_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                rs.getString("created_by"));
    }
}
