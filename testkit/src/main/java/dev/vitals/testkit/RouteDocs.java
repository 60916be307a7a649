package dev.vitals.testkit;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.WebhookRoute;
import dev.vitals.web.input.JsonBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what a plugin's routes say about themselves for the portal's API description ({@code /api/docs}): every
 * route has a summary, every route that takes a body shows an example of it, and every JSON example reads into the
 * type it documents exactly as the portal reads a request body ({@code ctx.bodyAsClass}: unknown fields, a number
 * for a text, a key given twice are refused). An example that drifts from its record fails the plugin's own build.
 *
 * <pre>{@code
 * assertEquals(List.of(), RouteDocs.faults(portal.apiRoutes(), portal.webhooks(), Set.of("POST /orders/{id}/ship")));
 * }</pre>
 *
 * @since 2.1.0
 */
public final class RouteDocs {

    private static final JsonBodies PORTAL_READER = new JsonBodies();

    private RouteDocs() {
    }

    /**
     * @param routes the plugin's API routes, e.g. {@link VitalsPortal#apiRoutes()}
     * @param webhooks the plugin's webhooks, e.g. {@link VitalsPortal#webhooks()}
     * @param withoutBody the POST and PUT routes that read no body, as {@code "POST /break-glass/{id}/approve"}
     * @return one line per fault, naming the route; empty when every route is described
     * @since 2.1.0
     */
    public static List<String> faults(List<ApiRoute> routes, List<WebhookRoute> webhooks, Set<String> withoutBody) {
        List<String> faults = new ArrayList<>();
        for (ApiRoute route : routes) {
            String name = route.method() + " " + route.path();
            boolean takesBody = (route.method() == HttpMethod.POST || route.method() == HttpMethod.PUT)
                    && !withoutBody.contains(name);
            check(name, route.doc(), takesBody, faults);
        }
        for (WebhookRoute webhook : webhooks) {
            check("POST " + webhook.path() + " (webhook)", webhook.doc(), true, faults);
        }
        Set<String> declared = routes.stream().map(r -> r.method() + " " + r.path()).collect(Collectors.toSet());
        withoutBody.stream().filter(name -> !declared.contains(name)).sorted()
                .forEach(name -> faults.add(name + " is listed as taking no body, but the plugin has no such route"));
        return faults;
    }

    private static void check(String name, RouteDoc doc, boolean takesBody, List<String> faults) {
        if (doc.summary().isBlank()) {
            faults.add(name + " has no summary");
        } else if (doc.summary().contains("\n")) {
            faults.add(name + ": the summary is more than one line; put the rest in the description");
        }
        if (takesBody && doc.request().flatMap(RouteDoc.Body::example).isEmpty()) {
            faults.add(name + " shows no example of the body it takes");
        }
        doc.request().ifPresent(body -> readable(name + " request", body).ifPresent(faults::add));
        doc.response().ifPresent(body -> readable(name + " response", body).ifPresent(faults::add));
    }

    /** A JSON example must read into its type as the portal reads what callers send. */
    private static Optional<String> readable(String name, RouteDoc.Body body) {
        if (body.type().isEmpty() || body.example().isEmpty()) {
            return Optional.empty();
        }
        Class<?> type = body.type().get();
        try {
            PORTAL_READER.fromJsonString(body.example().get(), type);
            return Optional.empty();
        } catch (ProblemException e) {
            return Optional.of(name + ": the example does not read as " + type.getSimpleName() + ": "
                    + e.getMessage() + " " + e.errors());
        } catch (RuntimeException e) {
            return Optional.of(name + ": the example does not read as " + type.getSimpleName() + ": " + e);
        }
    }
}
