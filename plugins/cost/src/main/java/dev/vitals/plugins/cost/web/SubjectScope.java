package dev.vitals.plugins.cost.web;

import dev.vitals.api.EntityRef;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.cost.allocation.Organisation;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The services a cost answer is about, from at most one of {@code service=}, {@code team=} and {@code program=}; none
 * means the whole organisation. Each route keeps its own refusal (status and wording), so this takes it.
 */
public final class SubjectScope {

    private static final List<Subject> SUBJECTS = List.of(new Subject("service", "component"),
            new Subject("team", "group"), new Subject("program", "program"));

    private SubjectScope() {
    }

    /**
     * @param refuse builds the refusal naming a parameter and the reason
     * @param oneOf what the route asks for instead of two subjects, e.g. {@code give one of service, team and program}
     * @return the services, or empty for the whole organisation
     */
    public static Optional<Set<EntityRef>> of(Context ctx, Organisation organisation,
            BiFunction<String, String, ProblemException> refuse, String oneOf) {
        List<Subject> given = new ArrayList<>();
        for (Subject subject : SUBJECTS) {
            if (Parameters.text(ctx, subject.parameter()).isPresent()) {
                given.add(subject);
            }
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() > 1) {
            throw refuse.apply(given.get(1).parameter(), "cannot be combined with " + given.get(0).parameter()
                    + ": " + oneOf);
        }
        Subject subject = given.get(0);
        String key = Parameters.text(ctx, subject.parameter()).orElseThrow();
        return Optional.of(EntityRef.fromKey(subject.kind(), key).flatMap(organisation::servicesOf).orElseThrow(() ->
                refuse.apply(subject.parameter(), "names no " + subject.parameter() + " of the catalog: '" + key
                        + "'")));
    }

    private record Subject(String parameter, String kind) {
    }
}
