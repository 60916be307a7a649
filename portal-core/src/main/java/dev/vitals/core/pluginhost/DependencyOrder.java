package dev.vitals.core.pluginhost;

import dev.vitals.api.PluginDependency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The order plugins start in: each after the plugins it needs or can use, so that a plugin's factory finds a
 * dependency already running. Plugins that require each other in a circle can never start; they are named with the
 * circle. An optional dependency that closes a circle is simply not waited for.
 *
 * @param plugins every plugin, dependencies first
 * @param cycles the plugins in a circle of required dependencies, each with the circle written out
 */
record DependencyOrder(List<HostedPlugin> plugins, Map<String, String> cycles) {

    static DependencyOrder of(Collection<HostedPlugin> all) {
        Map<String, HostedPlugin> byId = all.stream()
                .collect(Collectors.toMap(HostedPlugin::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, String> cycles = new LinkedHashMap<>();
        Set<String> done = new HashSet<>();
        for (HostedPlugin p : byId.values()) {
            findCycles(p, byId, new ArrayList<>(), done, cycles);
        }
        List<HostedPlugin> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (HostedPlugin p : byId.values()) {
            place(p, byId, new HashSet<>(), placed, order);
        }
        return new DependencyOrder(List.copyOf(order), Map.copyOf(cycles));
    }

    private static void findCycles(HostedPlugin p, Map<String, HostedPlugin> byId, List<String> path, Set<String> done,
            Map<String, String> cycles) {
        if (done.contains(p.id())) {
            return;
        }
        path.add(p.id());
        for (PluginDependency d : p.dependencies()) {
            HostedPlugin next = byId.get(d.pluginId());
            if (!d.required() || next == null) {
                continue;
            }
            int at = path.indexOf(next.id());
            if (at >= 0) {
                List<String> circle = new ArrayList<>(path.subList(at, path.size()));
                circle.add(next.id());
                String written = String.join(" → ", circle);
                circle.forEach(id -> cycles.putIfAbsent(id, written));
            } else {
                findCycles(next, byId, path, done, cycles);
            }
        }
        path.remove(path.size() - 1);
        done.add(p.id());
    }

    private static void place(HostedPlugin p, Map<String, HostedPlugin> byId, Set<String> visiting, Set<String> placed,
            List<HostedPlugin> order) {
        if (placed.contains(p.id()) || !visiting.add(p.id())) {
            return;
        }
        for (PluginDependency d : p.dependencies()) {
            HostedPlugin next = byId.get(d.pluginId());
            if (next != null) {
                place(next, byId, visiting, placed, order);
            }
        }
        placed.add(p.id());
        order.add(p);
    }
}
