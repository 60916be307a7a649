package dev.vitals.plugins.priorities.pages;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import dev.vitals.plugins.priorities.initiative.Checklist;
import gg.jte.Content;
import java.util.Map;

/** The part of a service's Backlog tab that lists the initiatives whose checklist holds the service. */
public final class InitiativeTab {

    private final Checklist checklist;
    private final PluginUrls urls;

    public InitiativeTab(Checklist checklist, PluginUrls urls) {
        this.checklist = checklist;
        this.urls = urls;
    }

    /** @return the initiatives naming the service, with whether it is done in each */
    public Content of(EntityRef service) {
        return Templates.render("service-initiatives.jte", Map.of("service", service.key(),
                "initiatives", checklist.ofService(service.key()), "urls", urls));
    }

    /** @return the two parts one after the other */
    public static Content both(Content first, Content second) {
        return out -> {
            first.writeTo(out);
            second.writeTo(out);
        };
    }
}
