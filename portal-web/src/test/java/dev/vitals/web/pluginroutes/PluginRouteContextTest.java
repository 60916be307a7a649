package dev.vitals.web.pluginroutes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.http.Context;
import io.javalin.http.servlet.JavalinServletContext;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginRouteContextTest {

    /** Answered from the plugin's route, not passed on. */
    private static final Set<String> OWN = Set.of("pathParam", "pathParamMap");

    /**
     * Javalin's servlet context caches what it reads (the body, form and query parameters) in methods that override
     * the interface's defaults; a plugin handler must see those, or it would read the body a second time and find it
     * empty. A Javalin upgrade that overrides one more default fails here until it is passed on too.
     */
    @Test
    void everyContextMethodJavalinsOwnContextImplementsIsPassedOn() throws NoSuchMethodException {
        List<String> missing = Arrays.stream(JavalinServletContext.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !m.isBridge() && declaredByContext(m))
                .filter(m -> !OWN.contains(m.getName()))
                .filter(m -> !implementedIn(m))
                .map(Method::toString)
                .toList();

        assertEquals(List.of(), missing);
    }

    private static boolean declaredByContext(Method method) {
        try {
            Context.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean implementedIn(Method method) {
        try {
            PluginRouteContext.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
