package dev.vitals.web.signals;

import dev.vitals.web.security.GuardedRoutes;
import dev.vitals.core.identity.Scopes;
import dev.vitals.api.Role;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.core.signals.SignalStore;
import java.util.List;
import java.util.Map;

/** {@code GET /api/signals?subject=…}: the latest signal of every plugin and kind about one subject. */
public final class SignalsApi {

    private final SignalStore signals;

    public SignalsApi(SignalStore signals) {
        this.signals = signals;
    }

    public void register(GuardedRoutes routes) {
        routes.get("/api/signals", Role.VIEWER, Scopes.CATALOG_READ, ctx -> {
            String subject = ctx.queryParam("subject");
            if (subject == null || subject.isBlank()) {
                throw new ProblemException(400, "say which subject",
                        List.of(new FieldError("subject", "is required, e.g. component:default/artist-lookup")));
            }
            ctx.json(Map.of("subject", subject, "signals", signals.latestFor(subject.trim().toLowerCase())));
        });
    }
}
