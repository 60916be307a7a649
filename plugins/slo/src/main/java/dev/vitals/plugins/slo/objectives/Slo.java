package dev.vitals.plugins.slo.objectives;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A service level objective as stored.
 *
 * @param name the unique key
 * @param service the catalog key of the service it belongs to, or empty when it belongs to a component
 * @param component the availability component it belongs to, or empty when it belongs to a service
 * @param team the owning team's catalog key (its name in the default namespace), taken from the catalog when the SLO
 *     was saved
 * @param objective the target share of good, exactly as written, e.g. 0.999
 * @param window the time it is judged over
 * @param method how good is counted
 * @param sliceThreshold for timeslices: the highest value of a good minute, exactly as written
 * @param description free text
 * @param updatedAt when it last changed
 * @param prometheus the queries its minute data is pulled with, or empty when its data is sent to the API
 */
public record Slo(String name, Optional<String> service, Optional<String> component, Optional<String> team,
        BigDecimal objective, SloWindow window, BudgetingMethod method, Optional<BigDecimal> sliceThreshold,
        Optional<String> description, Instant updatedAt, Optional<PrometheusQueries> prometheus) {

    /** Trailing zeros go, so 0.9990 and 0.999 are the same SLO and both are shown as 0.999. */
    public Slo {
        objective = ExactDecimal.normal(objective);
        sliceThreshold = sliceThreshold.map(ExactDecimal::normal);
    }

    /** An SLO whose minute data is sent to the API. */
    public Slo(String name, Optional<String> service, Optional<String> component, Optional<String> team,
            BigDecimal objective, SloWindow window, BudgetingMethod method, Optional<BigDecimal> sliceThreshold,
            Optional<String> description, Instant updatedAt) {
        this(name, service, component, team, objective, window, method, sliceThreshold, description, updatedAt,
                Optional.empty());
    }

    /** @return the catalog reference signals about this SLO are published on */
    public EntityRef subject() {
        return service.map(s -> EntityRef.ofKey("component", s))
                .orElseGet(() -> EntityRef.ofKey("availabilitycomponent", component.orElseThrow()));
    }

    /** @return the owning team, as the catalog named it when the SLO was saved */
    public Optional<EntityRef> teamRef() {
        return team.map(t -> EntityRef.ofKey("group", t));
    }

    /** @return what it belongs to, for people: the service or component name */
    public String owner() {
        return service.orElseGet(component::orElseThrow);
    }
}
