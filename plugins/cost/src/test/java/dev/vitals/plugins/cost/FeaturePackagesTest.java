package dev.vitals.plugins.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin's feature packages, read from its compiled classes with the JDK's {@code jdeps}: none reaches back into
 * the root package that builds them, and no two depend on each other in a circle.
 */
class FeaturePackagesTest {

    private static final String ROOT = "dev.vitals.plugins.cost";
    private static final Pattern EDGE = Pattern.compile("^\\s+(" + Pattern.quote(ROOT) + "\\S*)\\s+->\\s+("
            + Pattern.quote(ROOT) + "\\S*)\\s", Pattern.MULTILINE);

    /** @return per package of the plugin, the packages of the plugin it uses */
    private static Map<String, Set<String>> dependencies() throws URISyntaxException {
        Path classes = Path.of(CostPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
                "-verbose:package", classes.toString());
        assertEquals(0, exit, out.toString());
        Map<String, Set<String>> uses = new TreeMap<>();
        Matcher edge = EDGE.matcher(out.toString());
        while (edge.find()) {
            if (!edge.group(1).equals(edge.group(2))) {
                uses.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return uses;
    }

    @Test
    void noFeaturePackageUsesTheRootPackageThatBuildsThem() throws Exception {
        Map<String, Set<String>> uses = dependencies();
        assertTrue(uses.get(ROOT).containsAll(Set.of(ROOT + ".imports", ROOT + ".costs", ROOT + ".rates")),
                "the root builds the features: " + uses.get(ROOT));
        List<String> backwards = new ArrayList<>();
        uses.forEach((from, to) -> {
            if (!from.equals(ROOT) && to.contains(ROOT)) {
                backwards.add(from);
            }
        });

        assertEquals(List.of(), backwards);
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() throws Exception {
        Map<String, Set<String>> uses = dependencies();
        List<String> circles = new ArrayList<>();
        for (String start : uses.keySet()) {
            // A package is in a circle when it can reach itself again.
            Map<String, String> cameFrom = new HashMap<>();
            Deque<String> next = new ArrayDeque<>(uses.get(start));
            uses.get(start).forEach(p -> cameFrom.put(p, start));
            while (!next.isEmpty()) {
                String p = next.pop();
                if (p.equals(start)) {
                    circles.add(start + " reaches itself through " + cameFrom.get(start));
                    break;
                }
                for (String q : uses.getOrDefault(p, Set.of())) {
                    if (cameFrom.putIfAbsent(q, p) == null) {
                        next.push(q);
                    }
                }
            }
        }

        assertEquals(List.of(), circles);
    }
}
