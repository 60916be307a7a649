package dev.vitals.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.database.Database;
import dev.vitals.core.testing.MovableClock;
import dev.vitals.core.testing.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider's tokens of a session are kept so that only a request bringing the session's cookie can use them. */
class SessionProviderTokensTest {

    private static final String REFRESH = "refresh-token-from-the-provider";
    private static final String ACCESS = "access-token-from-the-provider";
    private static Database database;
    private static Sessions sessions;

    @BeforeAll
    static void start() {
        database = Database.connect(TestPostgres.freshDatabase(), new SimpleMeterRegistry());
        database.migrate();
        MovableClock clock = new MovableClock();
        sessions = new Sessions(database.jdbi(), clock, Duration.ofHours(8), new AuditLog(database.jdbi(), clock),
                new People(database.jdbi(), clock));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theTableHoldsNeitherTokenYetTheSessionsCookieGetsBothBack() {
        Sessions.Started started = sessions.start(new Person("ada", Optional.empty(), Set.of("team-a")),
                new ProviderTokens(Optional.of(REFRESH), Optional.of(ACCESS)));

        Map<String, Object> row = stored(started.secret());
        assertFalse(row.toString().contains(REFRESH), row.toString());
        assertFalse(row.toString().contains(ACCESS), row.toString());
        assertEquals(new ProviderTokens(Optional.of(REFRESH), Optional.of(ACCESS)),
                sessions.claimRecheck(started.secret(), started.session()).orElseThrow());
    }

    @Test
    void renewedTokensAreSealedTooAndATokenLeftOutKeepsTheOneBefore() {
        Sessions.Started started = sessions.start(new Person("bo", Optional.empty(), Set.of()),
                new ProviderTokens(Optional.of(REFRESH), Optional.of(ACCESS)));

        sessions.confirmed(started.secret(), new Person("bo", Optional.empty(), Set.of()),
                new ProviderTokens(Optional.of("the-next-refresh-token"), Optional.empty()));

        assertFalse(stored(started.secret()).toString().contains("the-next-refresh-token"));
        Session seen = sessions.find(started.secret()).orElseThrow();
        assertEquals(new ProviderTokens(Optional.of("the-next-refresh-token"), Optional.of(ACCESS)),
                sessions.claimRecheck(started.secret(), seen).orElseThrow());
    }

    @Test
    void aSealOpensOnlyWithItsSecretAndForItsKindAndPlainTokensOfOlderSessionsStillRead() {
        String sealed = SealedTokens.seal("vs_one", "refresh", REFRESH);

        assertTrue(sealed.startsWith("sealed1:"), sealed);
        assertEquals(Optional.of(REFRESH), SealedTokens.open("vs_one", "refresh", sealed));
        assertEquals(Optional.empty(), SealedTokens.open("vs_two", "refresh", sealed), "another session's secret");
        assertEquals(Optional.empty(), SealedTokens.open("vs_one", "access", sealed), "an access token's place");
        assertEquals(Optional.empty(), SealedTokens.open("vs_one", "refresh", sealed.substring(0, 20)), "cut short");
        assertEquals(Optional.of(REFRESH), SealedTokens.open("vs_one", "refresh", REFRESH),
                "a session started before tokens were sealed keeps working until it ends");
    }

    private static Map<String, Object> stored(String secret) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT refresh_token, access_token FROM core.sessions WHERE secret_hash = :hash")
                .bind("hash", Secret.hash(secret)).mapToMap().one());
    }
}
