package dev.vitals.benchmark;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated organisation with the heavy-tailed shape of real dependency graphs: services, APIs and resources are
 * picked by preferential attachment (the more dependents a node has, the likelier the next service depends on it), so
 * a few platform services, APIs and databases gather thousands of dependents and most have a handful. Around them:
 * teams of very different sizes, systems, APIs with one or two providers, programs with stakeholders, a few dozen
 * dependency cycles (some sharing a service, some self-loops) and dangling references to retired services and APIs.
 * The same seed gives the same organisation.
 *
 * <p>Dependency edges are counted as the graph counts them: {@code dependsOn}, {@code consumesApis} and one per
 * (API, provider).
 */
final class GeneratedOrganisation {

    /** One catalog entity as the generator made it. */
    record Entity(String kind, String name, String owner, String system, String lifecycle, int tier,
            List<String> dependsOn, List<String> providesApis, List<String> consumesApis, List<String> stakeholders,
            List<String> scope) {
    }

    final int services;
    final int teams;
    final List<Entity> entities = new ArrayList<>();
    /** The resource most depended on: the blast radius asked about. */
    final String hub = "resource:payments-db";
    int dependencyEdges;
    int cycles;
    int danglingRefs;

    private GeneratedOrganisation(int services, int teams) {
        this.services = services;
        this.teams = teams;
    }

    /**
     * @param services how many services (Components)
     * @param dependencyEdges how many dependency edges, about
     * @param teams how many teams
     * @param seed the random seed
     */
    static GeneratedOrganisation generate(int services, int dependencyEdges, int teams, long seed) {
        GeneratedOrganisation org = new GeneratedOrganisation(services, teams);
        org.build(dependencyEdges, new Random(seed));
        return org;
    }

    private void build(int targetEdges, Random random) {
        int systems = Math.max(1, teams / 5);
        int apis = services / 6;
        int resources = services / 10;
        int programs = Math.max(1, teams / 20);
        // Team sizes are skewed as well: a few platform teams own hundreds of services, most own a few dozen.
        int[] ownerOf = new int[services];
        for (int i = 0; i < services; i++) {
            ownerOf[i] = (int) (teams * Math.pow(random.nextDouble(), 1.6));
        }
        for (int t = 0; t < teams; t++) {
            entities.add(new Entity("Group", team(t), null, null, null, 0, List.of(), List.of(), List.of(),
                    List.of(), List.of()));
        }
        for (int s = 0; s < systems; s++) {
            entities.add(new Entity("System", "system-" + s, team(s % teams), null, null, 0, List.of(), List.of(),
                    List.of(), List.of(), List.of()));
        }
        // APIs: each provided by one service, one in ten by two (an old and a new implementation).
        List<List<String>> provides = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            provides.add(new ArrayList<>());
        }
        int apiProviderEdges = 0;
        for (int a = 0; a < apis; a++) {
            int provider = a * (services / apis);
            provides.get(provider).add(api(a));
            apiProviderEdges++;
            if (a % 10 == 3) {
                provides.get(Math.min(services - 1, provider + 1)).add(api(a));
                apiProviderEdges++;
            }
            entities.add(new Entity("API", api(a), team(ownerOf[provider]), "system-" + (provider % systems),
                    "production", 0, List.of(), List.of(), List.of(), List.of(), List.of()));
        }
        for (int r = 0; r < resources; r++) {
            entities.add(new Entity("Resource", resource(r), team(r % teams), "system-" + (r % systems), null, 0,
                    List.of(), List.of(), List.of(), List.of(), List.of()));
        }
        // Preferential attachment: a node is in the pool once, and once more per dependent it has.
        int[] servicePool = new int[targetEdges + services];
        int servicePoolSize = 0;
        int[] apiPool = new int[targetEdges + apis];
        int apiPoolSize = 0;
        int[] resourcePool = new int[targetEdges + 2 * resources];
        int resourcePoolSize = 0;
        for (int r = 0; r < resources; r++) {
            resourcePool[resourcePoolSize++] = r;
        }
        // The payments database starts ahead: the hub whose blast radius is asked about.
        for (int k = 0; k < resources / 10; k++) {
            resourcePool[resourcePoolSize++] = 0;
        }
        // Out-degrees: heavy-tailed (most services need a few things, some aggregate dozens), scaled to the target.
        double perService = (double) (targetEdges - apiProviderEdges) / services;
        List<Set<String>> dependsOn = new ArrayList<>();
        List<Set<String>> consumes = new ArrayList<>();
        int edges = apiProviderEdges;
        for (int i = 0; i < services; i++) {
            Set<String> needs = new LinkedHashSet<>();
            Set<String> calls = new LinkedHashSet<>();
            int degree = i == 0 ? 0 : (int) Math.min(60, Math.round(perService * 0.55 / Math.pow(random.nextDouble()
                    + 1e-9, 0.45)));
            for (int k = 0; k < degree; k++) {
                double kind = random.nextDouble();
                if (kind < 0.62 && servicePoolSize > 0) {
                    int target = servicePool[random.nextInt(servicePoolSize)];
                    if (needs.add("component:" + service(target))) {
                        servicePool[servicePoolSize++] = target;
                    }
                } else if (kind < 0.87 && apiPoolSize > 0) {
                    int target = apiPool[random.nextInt(apiPoolSize)];
                    if (calls.add(api(target))) {
                        apiPool[apiPoolSize++] = target;
                    }
                } else {
                    int target = resourcePool[random.nextInt(resourcePoolSize)];
                    if (needs.add("resource:" + resource(target))) {
                        resourcePool[resourcePoolSize++] = target;
                    }
                }
            }
            servicePool[servicePoolSize++] = i;
            // An API can be called once it is provided: consumers come after their providers, as services do.
            for (String api : provides.get(i)) {
                apiPool[apiPoolSize++] = Integer.parseInt(api.substring("api-".length()));
            }
            edges += needs.size() + calls.size();
            dependsOn.add(needs);
            consumes.add(calls);
        }
        // Cycles among services nothing else depends on, so that each cycle is exactly its members: pairs, rings of
        // three to six, two rings sharing a service, and services that depend on themselves.
        int[] dependents = new int[services];
        for (Set<String> needs : dependsOn) {
            for (String need : needs) {
                if (need.startsWith("component:")) {
                    dependents[Integer.parseInt(need.substring("component:service-".length()))]++;
                }
            }
        }
        List<Integer> leaves = new ArrayList<>();
        for (int i = services - 1; i >= 0 && leaves.size() < 400; i--) {
            if (dependents[i] == 0 && !dependsOn.get(i).isEmpty() && provides.get(i).isEmpty()) {
                leaves.add(i);
            }
        }
        int next = 0;
        for (int c = 0; c < 60 && next + 6 < leaves.size(); c++) {
            int length = 2 + c % 5;
            List<Integer> ring = new ArrayList<>(leaves.subList(next, next + length));
            next += length;
            if (c % 10 == 9) {
                ring.set(0, leaves.get(next - length - 1)); // shares its first service with the ring before
            }
            for (int j = 0; j < ring.size(); j++) {
                if (dependsOn.get(ring.get(j)).add("component:" + service(ring.get((j + 1) % ring.size())))) {
                    edges++;
                }
            }
            cycles++;
        }
        for (int s = 0; s < 10 && next < leaves.size(); s++, next++) {
            int self = leaves.get(next);
            if (dependsOn.get(self).add("component:" + service(self))) {
                edges++;
            }
            cycles++;
        }
        // Dangling references: retired services and an API that was never registered.
        for (int d = 0; d < 100; d++) {
            int from = 1 + random.nextInt(services - 1);
            String target = d % 5 == 0 ? "api:retired-api-" + d : "component:retired-service-" + d;
            boolean added = target.startsWith("api:") ? consumes.get(from).add(target.substring(4))
                    : dependsOn.get(from).add(target);
            if (added) {
                edges++;
                danglingRefs++;
            }
        }
        for (int i = 0; i < services; i++) {
            String lifecycle = i % 20 == 7 ? "experimental" : i % 20 == 13 ? "deprecated" : "production";
            entities.add(new Entity("Component", service(i), team(ownerOf[i]), "system-" + (i % systems), lifecycle,
                    1 + i % 3, List.copyOf(dependsOn.get(i)), List.copyOf(provides.get(i)),
                    List.copyOf(consumes.get(i)),
                    List.of(), List.of()));
        }
        for (int p = 0; p < programs; p++) {
            List<String> stakeholders = new ArrayList<>();
            for (int k = 0; k < 3 + p % 6; k++) {
                stakeholders.add(team((p * 37 + k * 101) % teams));
            }
            List<String> scope = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                scope.add("component:" + service((p * 997 + k * 131) % services));
            }
            entities.add(new Entity("Program", "program-" + p, team(p % teams), null, null, 0, List.of(), List.of(),
                    List.of(), stakeholders, scope));
        }
        dependencyEdges = edges;
    }

    private static String team(int t) {
        return "team-" + t;
    }

    private static String service(int i) {
        return "service-" + i;
    }

    private static String resource(int r) {
        return r == 0 ? "payments-db" : "db-" + r;
    }

    private static String api(int a) {
        return "api-" + a;
    }

    /**
     * Writes the organisation as Backstage catalog files in one folder, as {@code vitals import catalog} reads it: 5,000
     * entities a file, because the importer refuses a file over 16 MiB.
     */
    Path write(Path folder) throws Exception {
        Files.createDirectories(folder);
        for (int from = 0; from < entities.size(); from += 5_000) {
            write(folder.resolve(String.format("catalog-%03d.yaml", from / 5_000)),
                    entities.subList(from, Math.min(entities.size(), from + 5_000)));
        }
        return folder;
    }

    private static void write(Path file, List<Entity> entities) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            boolean first = true;
            for (Entity e : entities) {
                if (!first) {
                    out.write("---\n");
                }
                first = false;
                out.write(e.kind().equals("Program") ? "apiVersion: vitals.dev/v1\n" : "apiVersion: backstage.io/v1alpha1\n");
                out.write("kind: " + e.kind() + "\nmetadata:\n  name: " + e.name() + "\n");
                if (e.tier() > 0) {
                    out.write("  annotations:\n    vitals.dev/tier: \"" + e.tier() + "\"\n");
                }
                out.write("spec:\n");
                switch (e.kind()) {
                    case "Group" -> out.write("  type: team\n  children: []\n");
                    case "System" -> out.write("  owner: " + e.owner() + "\n");
                    case "API" -> out.write("  type: openapi\n  lifecycle: " + e.lifecycle() + "\n  owner: " + e.owner()
                            + "\n  system: " + e.system() + "\n");
                    case "Resource" -> out.write("  type: database\n  owner: " + e.owner() + "\n  system: " + e.system()
                            + "\n");
                    case "Component" -> {
                        out.write("  type: service\n  lifecycle: " + e.lifecycle() + "\n  owner: " + e.owner()
                                + "\n  system: " + e.system() + "\n");
                        list(out, "dependsOn", e.dependsOn());
                        list(out, "providesApis", e.providesApis());
                        list(out, "consumesApis", e.consumesApis());
                    }
                    case "Program" -> {
                        out.write("  owner: " + e.owner() + "\n  outcome: Generated program " + e.name()
                                + "\n  stakeholders:\n");
                        for (int k = 0; k < e.stakeholders().size(); k++) {
                            out.write("  - team: " + e.stakeholders().get(k) + "\n    role: "
                                    + (k == 0 ? "Engineering" : k % 2 == 0 ? "Finance" : "Customer Experience") + "\n");
                        }
                        list(out, "services", e.scope());
                    }
                    default -> throw new IllegalStateException(e.kind());
                }
            }
        }
    }

    private static void list(BufferedWriter out, String field, List<String> items) throws Exception {
        if (!items.isEmpty()) {
            out.write("  " + field + ": [" + String.join(", ", items) + "]\n");
        }
    }

    /** @return how many entities of each kind, for the report */
    String shape() {
        long[] counts = new long[6];
        List<String> kinds = Arrays.asList("Group", "System", "API", "Resource", "Component", "Program");
        entities.forEach(e -> counts[kinds.indexOf(e.kind())]++);
        return String.format("%,d services, %,d APIs, %,d resources, %,d systems, %,d teams, %,d programs; %,d "
                + "dependency edges, %d cycles, %d dangling references", counts[4], counts[2], counts[3], counts[1],
                counts[0], counts[5], dependencyEdges, cycles, danglingRefs);
    }
}
