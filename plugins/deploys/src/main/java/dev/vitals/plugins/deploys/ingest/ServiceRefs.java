package dev.vitals.plugins.deploys.ingest;

import java.util.List;
import java.util.stream.Stream;

/** The catalog references of the services a batch names, for checking that the caller's team owns each. */
public final class ServiceRefs {

    private ServiceRefs() {
    }

    /** @param services service keys in the batch's order @return their references, each once, in that order */
    public static List<String> of(Stream<String> services) {
        return services.distinct().map(service -> "component:default/" + service).toList();
    }
}
