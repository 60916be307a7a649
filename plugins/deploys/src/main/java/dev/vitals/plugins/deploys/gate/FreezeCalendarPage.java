package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.Page;
import dev.vitals.api.PageRoute;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.deploys.dora.OrgClock;
import dev.vitals.plugins.deploys.view.Templates;
import gg.jte.Content;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /freezes}: every freeze window, and which of them freeze each of the next 28 days. */
public final class FreezeCalendarPage {

    private final FreezeWindows freezes;
    private final OrgClock clock;
    private final PluginUrls urls;

    public FreezeCalendarPage(FreezeWindows freezes, OrgClock clock, PluginUrls urls) {
        this.freezes = freezes;
        this.clock = clock;
        this.urls = urls;
    }

    /** @return the page's route */
    public PageRoute route() {
        return PageRoute.of("/freezes", ctx -> new Page("Freeze calendar", render()));
    }

    private Content render() {
        ZoneId zone = clock.zone();
        List<FreezeWindow> all = freezes.all();
        List<CalendarDay> days = new ArrayList<>();
        LocalDate start = clock.today();
        for (int i = 0; i < 28; i++) {
            LocalDate date = start.plusDays(i);
            ZonedDateTime noon = date.atTime(12, 0).atZone(zone);
            List<String> on = all.stream().filter(w -> coversDay(w, date)).map(FreezeWindow::describe).toList();
            days.add(new CalendarDay(date, noon.getDayOfWeek().name().substring(0, 1)
                    + noon.getDayOfWeek().name().substring(1, 3).toLowerCase(Locale.ROOT), on));
        }
        return Templates.render("freezes.jte", Map.of("urls", urls, "windows", all, "days", days, "zone",
                zone.getId()));
    }

    private boolean coversDay(FreezeWindow window, LocalDate date) {
        ZoneId zone = clock.zone();
        if (window.kind() == FreezeWindow.Kind.ONCE) {
            Instant dayStart = date.atStartOfDay(zone).toInstant();
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            return window.startsAt().orElseThrow().isBefore(dayEnd) && window.endsAt().orElseThrow().isAfter(dayStart);
        }
        return window.coversTime(date.atTime(12, 0).atZone(zone));
    }
}
