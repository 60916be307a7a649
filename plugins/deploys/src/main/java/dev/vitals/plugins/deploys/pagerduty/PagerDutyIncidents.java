package dev.vitals.plugins.deploys.pagerduty;

import static dev.vitals.plugins.deploys.integrations.WebhookValues.instant;
import static dev.vitals.plugins.deploys.integrations.WebhookValues.text;

import dev.vitals.api.CatalogView;
import dev.vitals.plugins.deploys.dora.DeployDays;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * PagerDuty V3 incident webhooks kept as incidents. PagerDuty reports state changes rather than finished facts, so
 * these incidents follow the latest word: triggered starts one, resolved sets its resolution, reopened clears it.
 * The PagerDuty service maps to catalog services by the annotation {@code pagerduty.com/service-id}.
 */
public final class PagerDutyIncidents {

    public static final String ANNOTATION = "pagerduty.com/service-id";
    private static final Set<String> KNOWN = Set.of("incident.triggered", "incident.acknowledged",
            "incident.resolved", "incident.reopened", "incident.priority_updated", "incident.escalated",
            "incident.reassigned", "incident.unacknowledged", "incident.annotated");
    private final Jdbi jdbi;
    private final CatalogView catalog;

    public PagerDutyIncidents(Jdbi jdbi, CatalogView catalog) {
        this.jdbi = jdbi;
        this.catalog = catalog;
    }

    /**
     * What one webhook did.
     *
     * @param outcome in words
     * @param services the services whose numbers may have changed
     */
    public record Outcome(String outcome, List<String> services) {
    }

    /** @param payload the webhook's body @return what was recorded */
    public Outcome apply(PagerDutyEvent payload) {
        Optional<PagerDutyEvent.Event> event = Optional.ofNullable(payload.event());
        String type = event.flatMap(e -> text(e.type())).orElse("");
        Optional<PagerDutyEvent.Incident> data = event.map(PagerDutyEvent.Event::data);
        Optional<Instant> occurred = event.flatMap(e -> instant(e.occurredAt()));
        String incidentId = data.flatMap(d -> text(d.id())).orElse("");
        if (!KNOWN.contains(type) || incidentId.isEmpty() || occurred.isEmpty()) {
            return new Outcome("ignored: not an incident event this portal records (" + type + ")", List.of());
        }
        String pdService = data.map(PagerDutyEvent.Incident::service).flatMap(r -> text(r.id())).orElse("");
        List<String> services = catalog.services().stream()
                .filter(s -> pdService.equalsIgnoreCase(s.annotations().getOrDefault(ANNOTATION, "").trim()))
                .map(s -> s.ref().key()).toList();
        if (services.isEmpty()) {
            return new Outcome("ignored: no service has the annotation " + ANNOTATION + ": " + pdService, List.of());
        }
        Instant started = data.flatMap(d -> instant(d.createdAt())).orElse(occurred.get());
        String severity = data.map(PagerDutyEvent.Incident::priority).flatMap(p -> Optional.ofNullable(p.summary()))
                .or(() -> data.flatMap(d -> text(d.urgency()))).orElse("");
        for (String service : services) {
            String id = "pagerduty:" + incidentId + (services.size() > 1 ? ":" + service : "");
            jdbi.useTransaction(h -> {
                h.createUpdate("""
                        INSERT INTO incidents (id, service, started_at, severity, source, content)
                        VALUES (:id, :service, :started, :severity, 'pagerduty', '')
                        ON CONFLICT (id) DO UPDATE SET severity = excluded.severity""")
                        .bind("id", id).bind("service", service).bind("started", started).bind("severity", severity)
                        .execute();
                // Time to restore reads incidents, so cached reports go stale; no deployment is named, so the daily
                // roll-up stays as it is.
                DeployDays.changed(h);
                if (type.equals("incident.resolved")) {
                    h.createUpdate("UPDATE incidents SET resolved_at = greatest(started_at, :at) WHERE id = :id")
                            .bind("at", occurred.get()).bind("id", id).execute();
                } else if (type.equals("incident.reopened")) {
                    h.createUpdate("UPDATE incidents SET resolved_at = NULL WHERE id = :id").bind("id", id).execute();
                }
            });
            jdbi.useHandle(DeployDays::changed);
        }
        return new Outcome(type + " recorded for " + String.join(", ", services), services);
    }
}
