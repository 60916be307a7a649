package dev.vitals.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    private final FailureThrottle throttle = new FailureThrottle(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
            ZoneOffset.UTC), 3, Duration.ofMinutes(1));

    @Test
    void anAddressWaitsOnceItHasHadItsShareOfFailures() {
        throttle.recordFailure("203.0.113.7");
        throttle.recordFailure("203.0.113.7");
        assertTrue(throttle.waitFor("203.0.113.7").isEmpty());
        throttle.recordFailure("203.0.113.7");
        assertEquals(Duration.ofMinutes(1), throttle.waitFor("203.0.113.7").orElseThrow());
        assertTrue(throttle.waitFor("203.0.113.8").isEmpty(), "another address is not held back");
    }

    @Test
    void anIpv6ClientCannotStartAfreshWithEachAddressOfItsNetwork() {
        throttle.recordFailure("2001:db8:1:2::1");
        throttle.recordFailure("2001:db8:1:2::2");
        throttle.recordFailure("2001:db8:1:2:ffff::3");
        assertTrue(throttle.waitFor("2001:db8:1:2::99").isPresent());
        assertTrue(throttle.waitFor("2001:db8:1:3::1").isEmpty(), "the next /64 is someone else");
    }
}
