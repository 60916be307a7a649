package dev.vitals.core.identity;

import java.util.Optional;

/**
 * What an OpenID Connect provider handed over at sign-in, kept with the session so that the portal can ask again
 * later whether the person is still there and in which groups.
 *
 * @param refreshToken for a new ID token without the person's help
 * @param accessToken for the provider's userinfo endpoint, when it gave no refresh token
 */
public record ProviderTokens(Optional<String> refreshToken, Optional<String> accessToken) {

    /** A sign-in that did not come from a provider, or a provider that gave nothing to ask again with. */
    public static final ProviderTokens NONE = new ProviderTokens(Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return refreshToken.isEmpty() && accessToken.isEmpty();
    }

    @Override
    public String toString() {
        return "ProviderTokens[refreshToken=" + refreshToken.map(t -> "…").orElse("none") + ", accessToken="
                + accessToken.map(t -> "…").orElse("none") + "]";
    }
}
