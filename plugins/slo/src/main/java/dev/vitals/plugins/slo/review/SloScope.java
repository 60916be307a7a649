package dev.vitals.plugins.slo.review;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SLOs an availability component or a program stands for: a component's own SLOs and those of its services; a
 * program's services' SLOs and those of the availability components in its scope. Keys come from requests, so a key
 * that cannot name an entity names nothing.
 */
public final class SloScope {

    private final SloRepository slos;
    private final CatalogView catalog;

    public SloScope(SloRepository slos, CatalogView catalog) {
        this.slos = slos;
        this.catalog = catalog;
    }

    /** @return the SLOs of the component, of the program, of both; every SLO when neither is given */
    public List<Slo> of(Optional<String> component, Optional<String> program) {
        List<Slo> all = slos.all();
        if (component.isEmpty() && program.isEmpty()) {
            return all;
        }
        Set<String> components = new HashSet<>();
        component.ifPresent(components::add);
        program.ifPresent(p -> componentsOf(p).forEach(c -> components.add(c.ref().key())));
        Set<String> services = new HashSet<>();
        components.forEach(c -> servicesOf(EntityRef.fromKey("availabilitycomponent", c))
                .forEach(e -> services.add(e.ref().key())));
        program.ifPresent(p -> servicesOf(EntityRef.fromKey("program", p)).forEach(e -> services.add(e.ref().key())));
        return all.stream().filter(s -> s.service().map(services::contains).orElse(false)
                || s.component().map(components::contains).orElse(false)).toList();
    }

    /** @return the keys of the services of an availability component */
    public Set<String> servicesOfComponent(String component) {
        Set<String> keys = new HashSet<>();
        servicesOf(EntityRef.fromKey("availabilitycomponent", component)).forEach(e -> keys.add(e.ref().key()));
        return keys;
    }

    /** @return the availability components in a program's scope */
    public List<CatalogEntity> componentsOf(String program) {
        return EntityRef.fromKey("program", program).map(catalog::availabilityComponentsOf).orElse(List.of());
    }

    private List<CatalogEntity> servicesOf(Optional<EntityRef> ref) {
        return ref.map(catalog::servicesOf).orElse(List.of());
    }
}
