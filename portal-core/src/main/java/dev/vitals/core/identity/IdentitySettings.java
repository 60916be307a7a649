package dev.vitals.core.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the portal signs people in, as configured by {@code VITALS_AUTH} and its companions.
 *
 * @param mode the sign-in mode
 * @param proxy the reverse proxy's headers and addresses; used in {@link SignInMode#PROXY} mode
 * @param oidc the OpenID Connect provider; present in {@link SignInMode#OIDC} mode
 * @param adminGroups groups whose members are admins without a grant on the roles page
 * @param editorGroupPrefix a group named this prefix plus a team key makes its members editors of that team
 * @param publicUrl the address people open, for redirects back from the provider; empty means
 *     {@code http://localhost:<port>}
 * @param sessionLifetime how long a browser session lasts
 * @param trustedProxies the reverse proxies, in any mode, whose {@code X-Forwarded-For} names the client
 *     ({@code VITALS_TRUSTED_PROXIES})
 */
public record IdentitySettings(SignInMode mode, Proxy proxy, Optional<Oidc> oidc, Set<String> adminGroups,
        String editorGroupPrefix, Optional<URI> publicUrl, Duration sessionLifetime, List<AddressRange> trustedProxies) {

    public IdentitySettings {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Dev mode with defaults, for tests that do not care. */
    public static IdentitySettings dev() {
        return new IdentitySettings(SignInMode.DEV, Proxy.DEFAULT, Optional.empty(), Set.of("vitals-admins"),
                "team-", Optional.empty(), Duration.ofHours(12), List.of());
    }

    /**
     * Whose {@code X-Forwarded-For} to believe: the proxies named in {@code VITALS_TRUSTED_PROXIES}, and in proxy mode
     * also the signing-in proxy, whose word on who is calling already counts.
     */
    public TrustedProxies forwarders() {
        List<AddressRange> ranges = new java.util.ArrayList<>(trustedProxies);
        if (mode == SignInMode.PROXY) {
            ranges.addAll(proxy.trusted());
        }
        return new TrustedProxies(ranges);
    }

    /**
     * The trusted reverse proxy.
     *
     * @param userHeader carries the login
     * @param emailHeader carries the e-mail address
     * @param groupsHeader carries the groups, comma separated
     * @param trusted the addresses the proxy calls from; headers from anywhere else are refused
     */
    public record Proxy(String userHeader, String emailHeader, String groupsHeader, List<AddressRange> trusted) {
        public static final Proxy DEFAULT = new Proxy("X-Forwarded-User", "X-Forwarded-Email", "X-Forwarded-Groups",
                List.of());

        public boolean trusts(String address) {
            return trusted.stream().anyMatch(range -> range.contains(address));
        }
    }

    /**
     * The OpenID Connect provider.
     *
     * @param issuer its issuer URL; the discovery document is read from below it
     * @param clientId this portal's client id
     * @param clientSecret this portal's client secret
     * @param groupsClaim the ID token or userinfo claim listing the person's groups
     */
    public record Oidc(URI issuer, String clientId, String clientSecret, String groupsClaim) {
        @Override
        public String toString() {
            return "Oidc[issuer=" + issuer + ", clientId=" + clientId + ", groupsClaim=" + groupsClaim + "]";
        }
    }
}
