package dev.vitals.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system's time plus however far a test has moved it on: handed to a portal as its clock, it lets a test see
 * what happens once minutes or days have passed without waiting for them. It keeps running like the wall clock, so
 * anything that waits for "a little later" still gets there.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock on; every reading from now on is that much later. */
    public void moveOn(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock is moved on, never back: " + by);
        }
        ahead.updateAndGet(d -> d.plus(by));
    }

    /** How far the clock runs ahead of the system's. */
    public Duration ahead() {
        return ahead.get();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
