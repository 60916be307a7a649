package dev.vitals.core.identity;

import java.time.Instant;

/**
 * A signed-in browser.
 *
 * @param person who signed in
 * @param csrfToken the token this session's forms carry, checked on every change
 * @param expiresAt when the session ends unless the person signs out before
 */
public record Session(Person person, String csrfToken, Instant expiresAt) {
}
