package dev.vitals.core.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose {@code X-Forwarded-For} the portal believes, and the client address that follows from it.
 * Behind a proxy every request comes from the proxy's address, so counting failures by the socket alone would let one
 * stranger's wrong guesses lock out everyone behind the same proxy.
 *
 * @param ranges the addresses the proxies call from
 */
public record TrustedProxies(List<AddressRange> ranges) {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    public boolean trusts(String address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The address of the client that called, as far as it can be believed. A trusted proxy appends the address it was
     * called from, so {@code X-Forwarded-For} is read from the right, skipping trusted proxies: the first address that
     * is not a trusted proxy was written by one and is the client. Whatever lies left of it came from the client and
     * proves nothing. From an untrusted peer the header is ignored, so nobody can pose as another address, whether to
     * escape the throttle or to get someone else throttled.
     *
     * @param peer the socket's remote address
     * @param forwardedFor every {@code X-Forwarded-For} header value, in the order received
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> address = literal(hops.get(i));
            if (address.isEmpty()) {
                // A proxy that writes "unknown" or a name tells nothing: the last address it vouched for stands.
                return client;
            }
            client = address.get();
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** An IP literal, without the port some proxies add ({@code 203.0.113.9:51234}, {@code [2001:db8::1]:443}). */
    private static Optional<String> literal(String hop) {
        String address = hop;
        if (address.startsWith("[") && address.contains("]")) {
            address = address.substring(1, address.indexOf(']'));
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        String candidate = address;
        return AddressRange.parse(candidate).filter(range -> !candidate.contains("/")).map(range -> candidate);
    }
}
