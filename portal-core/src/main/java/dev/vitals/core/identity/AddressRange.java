package dev.vitals.core.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * One address or a CIDR block ({@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code ::1}) that reverse proxies call from.
 *
 * @param network the network's address bytes
 * @param prefixLength how many leading bits must match
 */
public record AddressRange(byte[] network, int prefixLength) {

    /**
     * Parses only literal addresses: a host name here would make every request depend on DNS.
     *
     * @return empty when the text is not an IP literal with an optional prefix length
     */
    public static Optional<AddressRange> parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2 || !isLiteral(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                return Optional.empty();
            }
            return Optional.of(new AddressRange(address, prefix));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean contains(String address) {
        if (!isLiteral(address)) {
            return false;
        }
        byte[] candidate;
        try {
            candidate = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    private static boolean isLiteral(String text) {
        return !text.isEmpty() && (text.contains(":") || text.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
    }
}
