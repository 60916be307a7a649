package dev.vitals.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.database.Database;
import dev.vitals.core.testing.MovableClock;
import dev.vitals.core.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token's last use is kept to the minute, so that using it on every request does not write on every request. */
class ApiTokenLastUseTest {

    private static Database database;
    private static MovableClock clock;
    private static ApiTokens tokens;

    @BeforeAll
    static void start() {
        database = Database.connect(TestPostgres.freshDatabase(), new SimpleMeterRegistry());
        database.migrate();
        clock = new MovableClock();
        tokens = new ApiTokens(database.jdbi(), new AuditLog(database.jdbi(), clock), clock);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aUseWithinAMinuteFromTheSameAddressIsNotWrittenAndOneFromElsewhereOrLaterIs() {
        String secret = tokens.create(new ApiTokens.NewToken("ci", List.of("deploys:ingest"), Optional.empty(),
                Optional.empty()), Actor.SYSTEM).secret();
        tokens.used(token(secret), "10.0.0.1");
        Instant first = token(secret).lastUsedAt().orElseThrow();

        clock.moveOn(Duration.ofSeconds(59));
        tokens.used(token(secret), "10.0.0.1");
        assertEquals(first, token(secret).lastUsedAt().orElseThrow(), "59 s later, same address: not written");

        tokens.used(token(secret), "10.0.0.2");
        assertEquals(Optional.of("10.0.0.2"), token(secret).lastUsedFrom(), "another address is written at once");
        Instant second = token(secret).lastUsedAt().orElseThrow();
        assertEquals(Duration.ofSeconds(59), Duration.between(first, second).withNanos(0));

        clock.moveOn(Duration.ofSeconds(60));
        tokens.used(token(secret), "10.0.0.2");
        assertTrue(token(secret).lastUsedAt().orElseThrow().isAfter(second), "a minute on, written again");
    }

    private static ApiToken token(String secret) {
        return tokens.check(secret).token().orElseThrow();
    }
}
