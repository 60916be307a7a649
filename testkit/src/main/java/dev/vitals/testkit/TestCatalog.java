package dev.vitals.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small catalog written in code, as the Backstage YAML a team would keep in its repositories: teams, systems and
 * services, each owned by a team, so that an editor of one team and an editor of another make sense to the plugin.
 *
 * <pre>{@code
 * TestCatalog.of()
 *         .team("green").team("blue")
 *         .service("green-api", "green")
 *         .service("blue-api", "blue", "green-api")   // blue-api depends on green-api
 * }</pre>
 *
 * <p>{@link #twoTeams()} is that catalog, ready made.
 *
 * @since 2.0.0
 */
public final class TestCatalog {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private final List<String> documents = new ArrayList<>();

    private TestCatalog() {
    }

    /**
     * @return an empty catalog
     * @since 2.0.0
     */
    public static TestCatalog of() {
        return new TestCatalog();
    }

    /**
     * Teams {@code green} and {@code blue}, with services {@code green-api} (green) and {@code blue-api} (blue, which
     * depends on {@code green-api}).
     *
     * @return the catalog
     * @since 2.0.0
     */
    public static TestCatalog twoTeams() {
        return of().team("green").team("blue").service("green-api", "green").service("blue-api", "blue", "green-api");
    }

    /**
     * @param key the team's name, e.g. {@code green}: {@code group:default/green}, edited by group {@code team-green}
     * @return this catalog with the team
     * @since 2.0.0
     */
    public TestCatalog team(String key) {
        return add("""
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: %s}
                spec: {type: team, children: []}
                """.formatted(name(key)));
    }

    /**
     * @param name the system's name
     * @param owner the key of the owning team
     * @return this catalog with the system
     * @since 2.0.0
     */
    public TestCatalog system(String name, String owner) {
        return add("""
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata: {name: %s}
                spec: {owner: %s}
                """.formatted(name(name), name(owner)));
    }

    /**
     * A production service, {@code component:default/<name>}.
     *
     * @param name the service's name
     * @param owner the key of the owning team
     * @param dependsOn the names of services it depends on
     * @return this catalog with the service
     * @since 2.0.0
     */
    public TestCatalog service(String name, String owner, String... dependsOn) {
        return component(name, owner, "", dependsOn);
    }

    /**
     * A production service that is part of a system.
     *
     * @param name the service's name
     * @param owner the key of the owning team
     * @param system the system's name
     * @param dependsOn the names of services it depends on
     * @return this catalog with the service
     * @since 2.0.0
     */
    public TestCatalog serviceInSystem(String name, String owner, String system, String... dependsOn) {
        return component(name, owner, ", system: " + name(system), dependsOn);
    }

    /**
     * Any descriptor the builder has no method for (an availability component, a program, an API…).
     *
     * @param descriptor one YAML document, without {@code ---}
     * @return this catalog with it
     * @since 2.0.0
     */
    public TestCatalog descriptor(String descriptor) {
        return add(descriptor);
    }

    /**
     * @return the catalog as one multi-document Backstage YAML file
     * @since 2.0.0
     */
    public String yaml() {
        return String.join("---\n", documents);
    }

    @Override
    public String toString() {
        return yaml();
    }

    private TestCatalog component(String name, String owner, String system, String... dependsOn) {
        List<String> depends = new ArrayList<>();
        for (String other : dependsOn) {
            depends.add("component:" + name(other));
        }
        return add("""
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: %s}
                spec: {type: service, lifecycle: production, owner: %s%s, dependsOn: [%s]}
                """.formatted(name(name), name(owner), system, String.join(", ", depends)));
    }

    private TestCatalog add(String document) {
        documents.add(document.endsWith("\n") ? document : document + "\n");
        return this;
    }

    private static String name(String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a catalog name: lower case letters, digits "
                    + "and '-', at most 63");
        }
        return value;
    }
}
