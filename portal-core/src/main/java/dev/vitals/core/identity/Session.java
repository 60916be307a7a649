package dev.vitals.core.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * A signed-in browser.
 *
 * @param person who signed in
 * @param csrfToken the token this session's forms carry, checked on every change
 * @param expiresAt when the session ends unless the person signs out before
 * @param checkedAt when the sign-in provider last confirmed the person and their groups; empty when it never did
 */
public record Session(Person person, String csrfToken, Instant expiresAt, Optional<Instant> checkedAt) {
}
