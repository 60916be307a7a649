package dev.vitals.plugins.deploys.pagerduty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The parts of a PagerDuty V3 webhook this plugin reads. PagerDuty sends many more fields, and adds new ones, so
 * the rest is ignored here rather than refused; a part PagerDuty leaves out is {@code null}.
 *
 * @param event the event
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PagerDutyEvent(Event event) {

    /**
     * @param type e.g. {@code incident.triggered}
     * @param occurredAt when, ISO-8601
     * @param data the incident
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(@JsonProperty("event_type") String type, @JsonProperty("occurred_at") String occurredAt,
            Incident data) {
    }

    /**
     * @param id PagerDuty's incident id
     * @param createdAt when it started, ISO-8601, if said
     * @param service the PagerDuty service
     * @param priority its priority, if set
     * @param urgency {@code high} or {@code low}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Incident(String id, @JsonProperty("created_at") String createdAt, Reference service,
            Priority priority, String urgency) {
    }

    /** @param id PagerDuty's id */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reference(String id) {
    }

    /** @param summary e.g. {@code P1} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Priority(String summary) {
    }
}
