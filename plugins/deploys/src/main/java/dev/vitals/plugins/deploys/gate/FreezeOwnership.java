package dev.vitals.plugins.deploys.gate;

import dev.vitals.api.EntityRef;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.plugins.deploys.catalog.ServiceRefs;
import java.util.List;

/**
 * Who may make or remove a freeze window: it stops deploys, so only for what the caller's team owns. A service's
 * window belongs to the service's team, a team's window to that team, and a window for everyone to the admins.
 */
final class FreezeOwnership {

    private FreezeOwnership() {
    }

    /**
     * @param caller who makes or removes the window
     * @param window the window
     * @param verb what the caller does, for the refusal: "make" or "remove"
     * @throws ProblemException 403 naming whose window it is
     */
    static void require(RequestCaller caller, FreezeWindow window, String verb) {
        if (window.service().isPresent()) {
            String service = window.service().get();
            if (!caller.mayEdit(ServiceRefs.ref(service))) {
                throw refused(caller.name() + " may not " + verb + " a freeze of " + service
                        + ": only an editor of the team that owns it may");
            }
        } else if (window.team().isPresent()) {
            if (!caller.editsTeam(EntityRef.ofKey("group", window.team().get()))) {
                throw refused(caller.name() + " may not " + verb + " a freeze of team " + window.team().get()
                        + ": only an editor of that team may");
            }
        } else if (!caller.has(Role.ADMIN)) {
            throw refused(caller.name() + " may not " + verb + " a freeze for the whole organisation: only an"
                    + " administrator may; name your team or one of its services instead");
        }
    }

    private static ProblemException refused(String why) {
        return new ProblemException(403, why, List.of());
    }
}
