package dev.vitals.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.WebhookRoute;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteDocsTest {

    record Order(String item, int quantity) {
    }

    private static final Handler NOTHING = ctx -> {
    };

    @Test
    void describedRoutesWithReadableExamplesHaveNoFaults() {
        List<ApiRoute> routes = List.of(
                ApiRoute.get("/orders", NOTHING).doc(RouteDoc.of("List the orders")),
                ApiRoute.post("/orders", NOTHING).doc(RouteDoc.of("Place an order")
                        .accepts(Order.class, "{\"item\": \"tea\", \"quantity\": 2}")),
                ApiRoute.post("/orders/{id}/ship", NOTHING).doc(RouteDoc.of("Ship an order")));

        assertEquals(List.of(), RouteDocs.faults(routes, List.of(), Set.of("POST /orders/{id}/ship")));
    }

    @Test
    void aMissingSummaryAMissingExampleAndAnExampleThePortalWouldRefuseAreEachNamed() {
        List<ApiRoute> routes = List.of(
                ApiRoute.get("/orders", NOTHING),
                ApiRoute.put("/orders/{id}", NOTHING).doc(RouteDoc.of("Replace an order")),
                ApiRoute.post("/orders", NOTHING).doc(RouteDoc.of("Place an order")
                        .accepts(Order.class, "{\"item\": \"tea\", \"quantity\": \"2\", \"colour\": \"red\"}")));
        List<WebhookRoute> webhooks = List.of(new WebhookRoute("/webhooks/shop", NOTHING));

        List<String> faults = RouteDocs.faults(routes, webhooks, Set.of("POST /orders/{id}/cancel"));

        assertEquals(6, faults.size(), faults.toString());
        assertEquals("GET /orders has no summary", faults.get(0));
        assertEquals("PUT /orders/{id} shows no example of the body it takes", faults.get(1));
        // The portal refuses text for a number: a lenient reader would have let the example pass.
        assertTrue(faults.get(2).startsWith("POST /orders request: the example does not read as Order"),
                faults.get(2));
        assertEquals("POST /webhooks/shop (webhook) has no summary", faults.get(3));
        assertEquals("POST /webhooks/shop (webhook) shows no example of the body it takes", faults.get(4));
        assertEquals("POST /orders/{id}/cancel is listed as taking no body, but the plugin has no such route",
                faults.get(5));
    }
}
