package dev.vitals.web.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.HttpMethod;
import dev.vitals.api.Role;
import dev.vitals.web.security.GuardedRoutes.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The document's text is kept while its routes and their plugins stay as they were, and written again otherwise. */
class ApiDescriptionTextTest {

    private static final Rule NOTES = new Rule(HttpMethod.GET, "/api/x/notes", Optional.of(Role.VIEWER),
            Optional.of("x:read"), false);
    private static final Rule THINGS = new Rule(HttpMethod.GET, "/api/x/things", Optional.of(Role.VIEWER),
            Optional.of("x:read"), false);

    @Test
    void theTextIsWrittenAgainOnlyWhenARouteOrAPluginChanged() {
        Map<String, String> plugins = new ConcurrentHashMap<>(Map.of("x", "Keeps notes"));
        ApiDescription description = new ApiDescription(id -> Optional.ofNullable(plugins.get(id))
                .map(about -> new ApiDescription.PluginTag("X", about)));

        String first = description.json(List.of(NOTES));
        assertSame(first, description.json(List.of(NOTES)), "the same routes, equal but not the same list");

        String more = description.json(List.of(NOTES, THINGS));
        assertTrue(more.contains("/api/x/things"), more);
        assertFalse(first.contains("/api/x/things"));

        plugins.put("x", "Keeps notes and things");
        String described = description.json(List.of(NOTES, THINGS));
        assertNotSame(more, described);
        assertTrue(described.contains("Keeps notes and things"), described);
    }
}
