package dev.vitals.web.signals;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.Role;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.signals.SignalStore;
import dev.vitals.web.security.GuardedRoutes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code GET /api/signals?subject=…}: the latest signal of every plugin and kind about one subject. The subject is an
 * entity reference; its kind may be left out for a service ({@code artist-lookup} is
 * {@code component:default/artist-lookup}).
 */
public final class SignalsApi {

    private final SignalStore signals;

    public SignalsApi(SignalStore signals) {
        this.signals = signals;
    }

    /**
     * The answer.
     *
     * @param subject the subject asked about, in canonical form
     * @param signals its latest signals, one per plugin and kind
     */
    public record Answer(String subject, List<SignalView> signals) {
    }

    /**
     * One signal, its subject written as the canonical reference {@code kind:namespace/name}.
     *
     * @param plugin the plugin that published it
     * @param subject the entity it is about
     * @param kind what it is about, e.g. {@code error-budget}
     * @param status the verdict
     * @param summary one line a person can read
     * @param value the number behind the verdict, if any
     * @param link where to see the detail, if anywhere
     * @param observedAt when the verdict was made
     */
    public record SignalView(String plugin, String subject, String kind, SignalStatus status, String summary,
            OptionalDouble value, Optional<String> link, Instant observedAt) {

        static SignalView of(Signal signal) {
            return new SignalView(signal.plugin(), signal.subject().toString(), signal.kind(), signal.status(),
                    signal.summary(), signal.value(), signal.link(), signal.observedAt());
        }
    }

    public void register(GuardedRoutes routes) {
        routes.get("/api/signals", Role.VIEWER, Scopes.CATALOG_READ, RouteDoc.of(
                "Show the latest signal of every plugin and kind about one subject")
                .query(RouteParam.required("subject", "an entity reference; the kind may be left out for a service, "
                        + "e.g. artist-lookup or component:default/artist-lookup"))
                .returns(200, RouteDoc.Body.json(Answer.class, """
                        {"subject": "component:default/artist-lookup", "signals": [{"plugin": "slo",
                          "subject": "component:default/artist-lookup", "kind": "error-budget", "status": "WARN",
                          "summary": "38% of the error budget left", "value": 0.38, "link": "/p/slo/artist-lookup",
                          "observedAt": "2030-01-02T03:04:05Z"}]}""")), ctx -> {
            EntityRef subject = subject(ctx.queryParam("subject"));
            ctx.json(new Answer(subject.toString(),
                    signals.latestFor(subject.toString()).stream().map(SignalView::of).toList()));
        });
    }

    private static EntityRef subject(String text) {
        if (text == null || text.isBlank()) {
            throw new ProblemException(400, "say which subject",
                    List.of(new FieldError("subject", "is required, e.g. component:default/artist-lookup")));
        }
        try {
            return EntityRef.parse(text, "component");
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "the subject is not an entity reference",
                    List.of(new FieldError("subject", e.getMessage())));
        }
    }
}
