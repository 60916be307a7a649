package dev.vitals.core.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Someone who signed in, as the sign-in method describes them.
 *
 * @param name the login
 * @param email the e-mail address, when the sign-in method gives one
 * @param groups the groups the sign-in method says they belong to
 */
public record Person(String name, Optional<String> email, Set<String> groups) {

    public Person {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a person needs a login name");
        }
        groups = Set.copyOf(groups);
    }
}
