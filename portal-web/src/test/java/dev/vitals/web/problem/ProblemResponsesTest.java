package dev.vitals.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The last resort: a value that reaches the database unchecked is still the caller's mistake, not a 500. */
class ProblemResponsesTest {

    private static Javalin app;

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            ProblemResponses.register(config.routes);
            config.routes.get("/api/nul", ctx -> {
                throw new IllegalStateException("statement failed",
                        new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
            });
            config.routes.get("/api/index", ctx -> {
                throw new IllegalStateException(new SQLException("ERROR: index row requires 120032 bytes", "54000"));
            });
            config.routes.get("/api/time", ctx -> Instant.parse("yesterday"));
            config.routes.get("/api/down", ctx -> {
                throw new IllegalStateException(new SQLException("ERROR: division by zero", "22012"));
            });
            config.routes.post("/api/deadlock", ctx -> {
                throw new IllegalStateException("statement failed", new SQLException(
                        "ERROR: deadlock detected", "40P01"));
            });
            config.routes.post("/api/serialization", ctx -> {
                throw new IllegalStateException(new SQLException(
                        "ERROR: could not serialize access due to concurrent update", "40001"));
            });
            config.routes.post("/api/deferred", ctx -> {
                throw new IllegalStateException(new SQLException(
                        "ERROR: insert or update violates a deferred constraint", "40002"));
            });
            config.routes.get("/api/bug", ctx -> {
                throw new IllegalStateException(new SQLException("ERROR: relation missing", "42P01"));
            });
        }).start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValuePostgresqlRefusesAsDataIsA422ProblemSayingWhy() throws Exception {
        HttpResponse<String> nul = get("/api/nul");
        assertEquals(422, nul.statusCode(), nul.body());
        assertEquals(Problem.CONTENT_TYPE, nul.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(nul.body().contains("invalid byte sequence"), nul.body());
        assertEquals(422, get("/api/index").statusCode());
        assertEquals(422, get("/api/down").statusCode());
    }

    @Test
    void aTimeThatCannotBeReadIsA422() throws Exception {
        HttpResponse<String> time = get("/api/time");
        assertEquals(422, time.statusCode(), time.body());
        assertTrue(time.body().contains("'yesterday' is not a time"), time.body());
    }

    @Test
    void aWriteTheDatabaseAbortedForAConcurrentOneIsA503ToSendAgain() throws Exception {
        for (String path : new String[] {"/api/deadlock", "/api/serialization"}) {
            HttpResponse<String> aborted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + app.port() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, aborted.statusCode(), aborted.body());
            assertEquals(Problem.CONTENT_TYPE, aborted.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("1", aborted.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(aborted.body().contains("nothing was stored, send it again"), aborted.body());
        }
        HttpResponse<String> deferred = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + app.port() + "/api/deferred")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, deferred.statusCode(), "a constraint checked at commit fails again when sent again");
    }

    @Test
    void anyOtherDatabaseErrorIsStillTheServersFault() throws Exception {
        assertEquals(500, get("/api/bug").statusCode());
    }
}
