package dev.vitals.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = new TrustedProxies(List.of(
            AddressRange.parse("10.0.0.0/8").orElseThrow(), AddressRange.parse("127.0.0.1").orElseThrow()));

    @Test
    void theRightMostAddressThatIsNotATrustedProxyIsTheClient() {
        assertEquals("203.0.113.9", PROXIES.clientAddress("127.0.0.1", List.of("198.51.100.1, 203.0.113.9, 10.1.1.1")));
    }

    @Test
    void whatTheClientWroteLeftOfItsOwnAddressIsIgnored() {
        assertEquals("203.0.113.9", PROXIES.clientAddress("127.0.0.1", List.of("10.9.9.9", "203.0.113.9")));
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertEquals("198.51.100.7", PROXIES.clientAddress("198.51.100.7", List.of("203.0.113.9")));
    }

    @Test
    void withoutTheHeaderTheProxyItselfIsTheClient() {
        assertEquals("127.0.0.1", PROXIES.clientAddress("127.0.0.1", List.of()));
    }

    @Test
    void portsAreDroppedAndNamesStopTheWalk() {
        assertEquals("203.0.113.9", PROXIES.clientAddress("127.0.0.1", List.of("203.0.113.9:51234")));
        assertEquals("2001:db8::1", PROXIES.clientAddress("127.0.0.1", List.of("[2001:db8::1]:443")));
        assertEquals("10.1.1.1", PROXIES.clientAddress("127.0.0.1", List.of("unknown, 10.1.1.1")));
    }

    @Test
    void aChainOfTrustedProxiesEndsAtItsFirstHop() {
        assertEquals("10.1.1.1", PROXIES.clientAddress("127.0.0.1", List.of("10.1.1.1, 10.2.2.2")));
    }
}
