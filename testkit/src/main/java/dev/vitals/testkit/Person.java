package dev.vitals.testkit;

import java.util.List;
import java.util.Objects;

/**
 * Someone who calls the portal under test. The portal trusts a sign-in proxy on the loopback address, so a person
 * is simply named by headers: no group makes a viewer, {@code team-<key>} an editor of team {@code <key>},
 * {@code vitals-admins} an administrator, exactly as groups from a company's identity provider do in production.
 *
 * @param name the user name, as the proxy would send it
 * @param groups the person's groups
 * @since 2.0.0
 */
public record Person(String name, List<String> groups) {

    /**
     * Checks the parts.
     *
     * @since 2.0.0
     */
    public Person {
        if (name == null || name.isBlank() || name.contains(",")) {
            throw new IllegalArgumentException("a person needs a name without commas, got '" + name + "'");
        }
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    }

    /**
     * @param name the user name
     * @return someone who may read everything and change nothing
     * @since 2.0.0
     */
    public static Person viewer(String name) {
        return new Person(name, List.of());
    }

    /**
     * @param name the user name
     * @param team the key of the team, as in the catalog ({@code green} for {@code group:default/green})
     * @return an editor of that team, who may change what the team owns
     * @since 2.0.0
     */
    public static Person editorOf(String name, String team) {
        return new Person(name, List.of("team-" + team));
    }

    /**
     * @param name the user name
     * @return an administrator of the portal
     * @since 2.0.0
     */
    public static Person admin(String name) {
        return new Person(name, List.of("vitals-admins"));
    }
}
