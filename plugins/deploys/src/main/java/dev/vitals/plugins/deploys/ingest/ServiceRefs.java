package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.EntityRef;
import java.util.List;
import java.util.stream.Stream;

/** The catalog references of the services a batch names, for checking that the caller's team owns each. */
public final class ServiceRefs {

    private ServiceRefs() {
    }

    /** @param services services in the batch's order, each checked against the catalog @return their references, each once, in that order */
    public static List<String> of(Stream<String> services) {
        return services.distinct().map(service -> EntityRef.parse(service, "component").toString()).toList();
    }
}
