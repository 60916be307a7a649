package dev.vitals.plugins.graph.api;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.plugins.graph.model.DependencyGraph;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The parameters the graph's routes share, read one way and refused one way: 400 or 404 naming the parameter. */
public final class Parameters {

    private Parameters() {
    }

    /**
     * @param text a reference as a request writes it: {@code kind:name} or {@code kind:namespace/name}
     * @param name the parameter's name, for the error
     * @return the reference
     * @throws ProblemException 400 naming the parameter when the text is not a reference
     */
    public static EntityRef ref(String text, String name) {
        try {
            return EntityRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "'" + name + "' is not an entity reference", List.of(new FieldError(name,
                    "must be kind:name or kind:namespace/name with the slash encoded, e.g. component:payments-api; "
                            + "got '" + text + "'")));
        }
    }

    /**
     * @return the node's number in the graph
     * @throws ProblemException 400 when the text is no reference, 404 naming the parameter when the graph lacks it
     */
    public static int node(DependencyGraph graph, String text, String name) {
        EntityRef ref = ref(text, name);
        return graph.indexOf(ref).orElseThrow(() -> new ProblemException(404, "the graph has no node " + ref,
                List.of(new FieldError(name, "names no entity of the catalog nor any reference in it: " + ref))));
    }

    /** @return the required query parameter's node number */
    public static int requiredNode(Context ctx, DependencyGraph graph, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            throw new ProblemException(400, "the query parameter '" + name + "' is required",
                    List.of(new FieldError(name, "is required: an entity reference, e.g. component:payments-api")));
        }
        return node(graph, text, name);
    }

    /** @return the optional query parameter's node number */
    public static OptionalInt optionalNode(Context ctx, DependencyGraph graph, String name) {
        String text = ctx.queryParam(name);
        return text == null || text.isBlank() ? OptionalInt.empty() : OptionalInt.of(node(graph, text, name));
    }

    /**
     * @return the whole number the parameter holds; empty when absent
     * @throws ProblemException 400 naming the parameter when it is no whole number from {@code min} to {@code max}
     */
    public static OptionalInt wholeNumber(Context ctx, String name, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(400, "the query parameter '" + name + "' is out of range", List.of(
                new FieldError(name, "must be a whole number from " + min + " to " + max + ", got '" + text + "'")));
    }

    /** @return the parameter's text, trimmed; empty when absent or blank */
    public static Optional<String> text(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }
}
