package dev.vitals.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.database.Database;
import dev.vitals.core.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PendingSignInsTest {

    private static final Instant NOW = Instant.parse("2026-03-29T00:55:00Z");
    private static Database database;

    @BeforeAll
    static void start() {
        database = Database.connect(TestPostgres.freshDatabase(), new SimpleMeterRegistry());
        database.migrate();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    private static PendingSignIns at(Instant instant) {
        return new PendingSignIns(database.jdbi(), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aPendingSignInIsTakenOnceByItsState() {
        PendingSignIns.Pending pending = new PendingSignIns.Pending("nonce-1", "verifier-1", "/teams/a");
        at(NOW).add("state-1", pending);
        assertEquals(Optional.of(pending), at(NOW.plusSeconds(30)).take("state-1"));
        assertEquals(Optional.empty(), at(NOW.plusSeconds(31)).take("state-1"), "a second callback finds nothing");
        assertEquals(Optional.empty(), at(NOW).take("state-never-issued"));
    }

    @Test
    void aPendingSignInLastsTenMinutesToTheSecond() {
        PendingSignIns.Pending pending = new PendingSignIns.Pending("nonce-2", "verifier-2", "/");
        at(NOW).add("state-2", pending);
        at(NOW).add("state-3", pending);
        Instant deadline = NOW.plus(PendingSignIns.LIFETIME);
        assertEquals(Optional.of(pending), at(deadline.minusMillis(1)).take("state-2"));
        assertEquals(Optional.empty(), at(deadline).take("state-3"), "expired at its deadline");
    }

    @Test
    void startingASignInClearsAwayExpiredOnes() {
        at(NOW).add("state-4", new PendingSignIns.Pending("n", "v", "/"));
        at(NOW.plus(Duration.ofHours(1))).add("state-5", new PendingSignIns.Pending("n", "v", "/"));
        long left = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM core.pending_sign_ins "
                + "WHERE expires_at <= :then").bind("then", NOW.plus(PendingSignIns.LIFETIME)).mapTo(Long.class).one());
        assertEquals(0, left);
        assertTrue(at(NOW.plus(Duration.ofHours(1))).take("state-5").isPresent());
    }

    @Test
    void theSecretsNeverShowInLogs() {
        String shown = new PendingSignIns.Pending("nonce-x", "verifier-x", "/p/x").toString();
        assertTrue(!shown.contains("nonce-x") && !shown.contains("verifier-x") && shown.contains("/p/x"), shown);
    }
}
