package dev.vitals.core.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after too many refused credentials from one client address within a window, that address's
 * wrong credentials are answered with "wait" until the oldest failure leaves the window. Only wrong credentials are
 * held back: a valid one is checked first and always passes, so nobody's failures, not even from the same address,
 * lock out a working token or sign-in. Kept per instance; behind N instances a guesser gets N times the attempts,
 * which still leaves 256-bit secrets far out of reach.
 */
public final class FailureThrottle {

    private final Clock clock;
    private final int allowed;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public FailureThrottle(Clock clock, int allowed, Duration window) {
        this.clock = clock;
        this.allowed = allowed;
        this.window = window;
    }

    public void recordFailure(String address) {
        Deque<Instant> times = failures.computeIfAbsent(keyOf(address), a -> new ArrayDeque<>());
        synchronized (times) {
            forgetOld(times);
            times.addLast(clock.instant());
            // The newest failures decide how long to wait; a flood need not be remembered in full.
            while (times.size() > allowed) {
                times.removeFirst();
            }
        }
        if (failures.size() > 10_000) {
            failures.values().removeIf(t -> {
                synchronized (t) {
                    forgetOld(t);
                    return t.isEmpty();
                }
            });
        }
    }

    /** @return how long the address must wait before its next wrong credential is heard, or empty when it may try now */
    public Optional<Duration> waitFor(String address) {
        Deque<Instant> times = failures.get(keyOf(address));
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            forgetOld(times);
            if (times.size() < allowed) {
                return Optional.empty();
            }
            Duration wait = Duration.between(clock.instant(), times.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    /**
     * What failures are counted by: the address, and for IPv6 its /64, since one client usually holds a whole /64 and
     * counting by address would give it a fresh start with each of them.
     */
    static String keyOf(String address) {
        Optional<AddressRange> literal = address.contains(":") ? AddressRange.parse(address) : Optional.empty();
        if (literal.isEmpty() || literal.get().network().length != 16) {
            return address;
        }
        byte[] bytes = literal.get().network();
        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    }

    private void forgetOld(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
