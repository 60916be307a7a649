package dev.vitals.api.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.api.ApiRoute;
import dev.vitals.api.HttpMethod;
import dev.vitals.api.Role;
import org.junit.jupiter.api.Test;

class PluginAssetsTest {

    @Test
    void theRouteIsAViewersGetOfOneFileAndItsDescriptionNamesEveryFileServed() {
        ApiRoute route = PluginAssets.of(PluginAssetsTest.class)
                .file("map.js", "/public/x/map.js")
                .versioned("lib-1.2.3.min.js", "/META-INF/resources/webjars/lib/1.2.3/lib.min.js")
                .file("map.css", "/public/x/map.css")
                .route("Serve the map's files");

        assertEquals(HttpMethod.GET, route.method());
        assertEquals("/assets/{file}", route.path());
        assertEquals(Role.VIEWER, route.role());
        assertEquals("Serve the map's files", route.doc().summary());
        assertEquals("The files are lib-1.2.3.min.js, map.css, map.js; the pages load them, nothing else needs to.",
                route.doc().description());
    }

    @Test
    void aNameThatIsNotOneSegmentOfAKnownKindOrARelativeResourceIsRefusedWhenDeclared() {
        PluginAssets assets = PluginAssets.of(PluginAssetsTest.class);
        assertThrows(IllegalArgumentException.class, () -> assets.file("../secret.js", "/public/x/secret.js"));
        assertThrows(IllegalArgumentException.class, () -> assets.file("a/b.js", "/public/x/b.js"));
        assertThrows(IllegalArgumentException.class, () -> assets.file("page.html", "/public/x/page.html"));
        assertThrows(IllegalArgumentException.class, () -> assets.file("map.js", "public/x/map.js"));
    }
}
