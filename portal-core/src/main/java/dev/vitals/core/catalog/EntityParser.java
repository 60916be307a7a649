package dev.vitals.core.catalog;

import dev.vitals.api.EntityRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a descriptor into an {@link Entity}, checking it as Backstage would, and naming every field at fault.
 * Kinds it does not know are skipped, not refused, so that a catalog with Templates or custom kinds still imports.
 */
public final class EntityParser {

    private static final Set<String> BACKSTAGE_VERSIONS = Set.of("backstage.io/v1alpha1", "backstage.io/v1beta1");
    private static final String VITALS_VERSION = "vitals.dev/v1";
    private static final Set<String> BACKSTAGE_KINDS = Set.of("Component", "API", "Resource", "System", "Domain",
            "Group", "User", "Location");
    private static final Set<String> VITALS_KINDS = Set.of("AvailabilityComponent", "Program");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[a-z0-9:+#]+(-[a-z0-9:+#]+)*");

    /**
     * The outcome for one descriptor.
     *
     * @param entity the entity, when the descriptor is a valid one of a known kind
     * @param problems what is wrong with it
     * @param unknownKind true when the kind is not one the portal imports (skipped, counted)
     */
    public record Parsed(Optional<Entity> entity, List<ImportProblem> problems, boolean unknownKind) {
    }

    public Parsed parse(Descriptor descriptor) {
        Map<String, Object> doc = descriptor.document();
        Checks checks = new Checks(descriptor);
        String apiVersion = checks.requiredString(doc, "apiVersion", "apiVersion");
        String kind = checks.requiredString(doc, "kind", "kind");
        if (apiVersion == null || kind == null) {
            return new Parsed(Optional.empty(), checks.problems, false);
        }
        boolean known = (BACKSTAGE_VERSIONS.contains(apiVersion) && BACKSTAGE_KINDS.contains(kind))
                || (VITALS_VERSION.equals(apiVersion) && VITALS_KINDS.contains(kind));
        if (!known) {
            return new Parsed(Optional.empty(), List.of(), true);
        }
        Map<String, Object> metadata = checks.requiredMap(doc, "metadata", "metadata");
        Map<String, Object> spec = doc.get("spec") == null && (kind.equals("User"))
                ? Map.of() : checks.requiredMap(doc, "spec", "spec");
        if (metadata == null || spec == null) {
            return new Parsed(Optional.empty(), checks.problems, false);
        }
        String name = checks.requiredString(metadata, "name", "metadata.name");
        if (name != null && (name.length() > 63 || !NAME.matcher(name).matches())) {
            checks.problem("metadata.name", "is not a valid name: 1 to 63 letters, digits, and -_. between them");
        }
        String namespace = Optional.ofNullable(checks.optionalString(metadata, "namespace", "metadata.namespace"))
                .orElse(EntityRef.DEFAULT_NAMESPACE);
        if (!NAMESPACE.matcher(namespace).matches() || namespace.length() > 63) {
            checks.problem("metadata.namespace", "is not a valid namespace: lower case letters, digits and -");
        }
        Optional<String> title = Optional.ofNullable(checks.optionalString(metadata, "title", "metadata.title"));
        Optional<String> description = Optional.ofNullable(
                checks.optionalString(metadata, "description", "metadata.description"));
        List<String> tags = checks.stringList(metadata, "tags", "metadata.tags");
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).length() > 63 || !TAG.matcher(tags.get(i)).matches()) {
                checks.problem("metadata.tags[" + i + "]", "is not a valid tag: lower case letters, digits and :+#, "
                        + "joined by -");
            }
        }
        checks.links(metadata);
        if (name == null || !checks.problems.isEmpty()) {
            return new Parsed(Optional.empty(), checks.problems, false);
        }
        EntityRef ref = new EntityRef(kind, namespace, name);
        KindRules rules = new KindRules(checks, ref, spec);
        rules.apply(kind);
        if (!checks.problems.isEmpty()) {
            return new Parsed(Optional.empty(), checks.problems, false);
        }
        return new Parsed(Optional.of(new Entity(ref, kind, name, title, description, tags,
                Optional.ofNullable(rules.specType), Optional.ofNullable(rules.lifecycle), rules.owner, rules.system,
                List.copyOf(rules.relations), doc)), List.of(), false);
    }

    /** The checks of one kind's spec, and the relations it declares. */
    private static final class KindRules {
        private final Checks checks;
        private final EntityRef ref;
        private final Map<String, Object> spec;
        private final List<Relation> relations = new ArrayList<>();
        private String specType;
        private String lifecycle;
        private Optional<EntityRef> owner = Optional.empty();
        private Optional<EntityRef> system = Optional.empty();

        KindRules(Checks checks, EntityRef ref, Map<String, Object> spec) {
            this.checks = checks;
            this.ref = ref;
            this.spec = spec;
        }

        void apply(String kind) {
            switch (kind) {
                case "Component" -> {
                    specType = required("type");
                    lifecycle = required("lifecycle");
                    owner = requiredRef("owner", "group");
                    system = optionalRef("system", "system");
                    system.ifPresent(s -> relate("partOf", s));
                    optionalRef("subcomponentOf", "component").ifPresent(c -> relate("partOf", c));
                    refs("dependsOn", "component", "dependsOn");
                    refs("providesApis", "api", "providesApi");
                    refs("consumesApis", "api", "consumesApi");
                }
                case "API" -> {
                    specType = required("type");
                    lifecycle = required("lifecycle");
                    // No definition check: newer Backstage APIs (mcp-server, ai-model-server) have remotes instead.
                    owner = requiredRef("owner", "group");
                    system = optionalRef("system", "system");
                    system.ifPresent(s -> relate("partOf", s));
                }
                case "Resource" -> {
                    specType = required("type");
                    owner = requiredRef("owner", "group");
                    system = optionalRef("system", "system");
                    system.ifPresent(s -> relate("partOf", s));
                    refs("dependsOn", "component", "dependsOn");
                }
                case "System" -> {
                    specType = checks.optionalString(spec, "type", "spec.type");
                    owner = requiredRef("owner", "group");
                    optionalRef("domain", "domain").ifPresent(d -> relate("partOf", d));
                }
                case "Domain" -> {
                    specType = checks.optionalString(spec, "type", "spec.type");
                    owner = requiredRef("owner", "group");
                    optionalRef("subdomainOf", "domain").ifPresent(d -> relate("partOf", d));
                }
                case "Group" -> {
                    specType = required("type");
                    if (!(spec.get("children") instanceof List<?>)) {
                        checks.problem("spec.children", "is required: a list of child groups, possibly empty");
                    }
                    optionalRef("parent", "group").ifPresent(p -> relate("childOf", p));
                    refs("members", "user", "hasMember");
                }
                case "User" -> refs("memberOf", "group", "memberOf");
                case "Location" -> {
                    if (!(spec.get("target") instanceof String) && !(spec.get("targets") instanceof List<?>)) {
                        checks.problem("spec.targets", "is required: the files or URLs this location lists");
                    }
                }
                case "AvailabilityComponent" -> {
                    owner = requiredRef("owner", "group");
                    refs("services", "component", "includes");
                }
                case "Program" -> {
                    owner = requiredRef("owner", "group");
                    required("outcome");
                    stakeholders();
                    refs("services", "component", "inScope");
                    refs("components", "availabilitycomponent", "inScope");
                }
                default -> throw new IllegalStateException("unhandled kind " + kind);
            }
            owner.ifPresent(o -> relate("ownedBy", o));
        }

        private void stakeholders() {
            Object raw = spec.get("stakeholders");
            if (raw == null) {
                return;
            }
            if (!(raw instanceof List<?> list)) {
                checks.problem("spec.stakeholders", "must be a list of {team, role}");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                String field = "spec.stakeholders[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> item)) {
                    checks.problem(field, "must be a mapping with team and role");
                    continue;
                }
                if (!(item.get("role") instanceof String role) || role.isBlank()) {
                    checks.problem(field + ".role", "is required: e.g. Engineering, Customer Experience, Sales, Legal");
                }
                Object team = item.get("team");
                Optional<EntityRef> teamRef = team instanceof String t
                        ? WrittenRef.parse(t, "group", ref.namespace()) : Optional.empty();
                if (teamRef.isEmpty()) {
                    checks.problem(field + ".team", "is required: a group reference such as team-a");
                } else {
                    relate("hasStakeholder", teamRef.get());
                }
            }
        }

        private String required(String key) {
            return checks.requiredString(spec, key, "spec." + key);
        }

        private Optional<EntityRef> requiredRef(String key, String defaultKind) {
            String text = checks.requiredString(spec, key, "spec." + key);
            return text == null ? Optional.empty() : parseRef(text, defaultKind, "spec." + key);
        }

        private Optional<EntityRef> optionalRef(String key, String defaultKind) {
            String text = checks.optionalString(spec, key, "spec." + key);
            return text == null ? Optional.empty() : parseRef(text, defaultKind, "spec." + key);
        }

        private void refs(String key, String defaultKind, String relation) {
            List<String> texts = checks.stringList(spec, key, "spec." + key);
            for (int i = 0; i < texts.size(); i++) {
                parseRef(texts.get(i), defaultKind, "spec." + key + "[" + i + "]").ifPresent(t -> relate(relation, t));
            }
        }

        private Optional<EntityRef> parseRef(String text, String defaultKind, String field) {
            Optional<EntityRef> parsed = WrittenRef.parse(text, defaultKind, ref.namespace());
            if (parsed.isEmpty()) {
                checks.problem(field, "is not an entity reference: expected [kind:][namespace/]name");
            }
            return parsed;
        }

        private void relate(String type, EntityRef target) {
            relations.add(new Relation(ref, type, target));
        }
    }

    /** Field checks that collect problems instead of stopping at the first. */
    private static final class Checks {
        private final Descriptor descriptor;
        private final List<ImportProblem> problems = new ArrayList<>();

        Checks(Descriptor descriptor) {
            this.descriptor = descriptor;
        }

        void problem(String field, String reason) {
            problems.add(new ImportProblem(descriptor.file(), descriptor.index(), field, reason));
        }

        String requiredString(Map<String, Object> map, String key, String field) {
            Object value = map.get(key);
            if (value == null || (value instanceof String s && s.isBlank())) {
                problem(field, "is required");
                return null;
            }
            if (!(value instanceof String s)) {
                problem(field, "must be a string, got " + describe(value));
                return null;
            }
            return s;
        }

        String optionalString(Map<String, Object> map, String key, String field) {
            Object value = map.get(key);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String s)) {
                problem(field, "must be a string, got " + describe(value));
                return null;
            }
            return s;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> requiredMap(Map<String, Object> map, String key, String field) {
            Object value = map.get(key);
            if (!(value instanceof Map<?, ?>)) {
                problem(field, value == null ? "is required" : "must be a mapping, got " + describe(value));
                return null;
            }
            return (Map<String, Object>) value;
        }

        List<String> stringList(Map<String, Object> map, String key, String field) {
            Object value = map.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                problem(field, "must be a list, got " + describe(value));
                return List.of();
            }
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String s) {
                    strings.add(s);
                } else {
                    problem(field + "[" + i + "]", "must be a string, got " + describe(list.get(i)));
                }
            }
            return strings;
        }

        void links(Map<String, Object> metadata) {
            Object value = metadata.get("links");
            if (value == null) {
                return;
            }
            if (!(value instanceof List<?> list)) {
                problem("metadata.links", "must be a list of {url, title}");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> link) || !(link.get("url") instanceof String url)
                        || !(url.startsWith("http://") || url.startsWith("https://"))) {
                    problem("metadata.links[" + i + "].url", "is required: an http or https URL");
                }
            }
        }

        /** The kind of a value, never the value: problems are shown where the file's text must not be. */
        private static String describe(Object value) {
            if (value instanceof Map<?, ?>) {
                return "a mapping";
            }
            if (value instanceof List<?>) {
                return "a list";
            }
            if (value instanceof Number) {
                return "a number";
            }
            if (value instanceof Boolean) {
                return "true or false";
            }
            return "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
