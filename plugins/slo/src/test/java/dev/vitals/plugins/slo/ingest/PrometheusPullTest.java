package dev.vitals.plugins.slo.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.vitals.plugins.slo.SloStores;
import dev.vitals.plugins.slo.objectives.BudgetingMethod;
import dev.vitals.plugins.slo.objectives.PrometheusQueries;
import dev.vitals.plugins.slo.objectives.Slo;
import dev.vitals.plugins.slo.objectives.SloWindow;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pulls against a local server that answers {@code /api/v1/query_range} in Prometheus's own response format. The
 * clock stands at 12:00:30, so the last complete minute a pull takes (one behind for late scrapes) is 11:58, and a
 * first pull asks for the step times 11:00 to 11:59, the minutes 10:59 to 11:58.
 */
class PrometheusPullTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .build();

    private static final Instant NOW = Instant.parse("2026-11-01T12:00:30Z");
    private static final Instant FIRST_STEP = Instant.parse("2026-11-01T11:00:00Z");
    private static final Instant LAST_STEP = Instant.parse("2026-11-01T11:59:00Z");
    private static SloStores plugin;
    private static HttpServer prometheus;
    /** Answers a query for the step times asked: status and body. */
    private static volatile BiFunction<String, List<Instant>, Answer> answer;
    private static final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    record Answer(int status, String body) {
    }

    @BeforeAll
    static void start(VitalsPortal portal) throws Exception {
        prometheus = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        prometheus.createContext("/api/v1/query_range", exchange -> {
            Map<String, String> params = new HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            asked.add(params.get("query") + " " + params.get("start") + ".." + params.get("end") + " step "
                    + params.get("step"));
            List<Instant> steps = new ArrayList<>();
            for (long t = Long.parseLong(params.get("start")); t <= Long.parseLong(params.get("end")); t += 60) {
                steps.add(Instant.ofEpochSecond(t));
            }
            Answer a = answer.apply(params.get("query"), steps);
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
        plugin = SloStores.of(portal, ZoneOffset.UTC);
    }

    @AfterAll
    static void stop() {
        prometheus.stop(0);
    }

    @BeforeEach
    void forget() {
        asked.clear();
    }

    private static PrometheusPull pullAt(Instant now) {
        return new PrometheusPull(Optional.of(new PrometheusClient(URI.create("http://localhost:"
                + prometheus.getAddress().getPort() + "/"))), plugin.slos(), plugin.samples(), plugin.pullLog(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Slo events(String name) {
        Slo slo = new Slo(name, Optional.of("billing-api"), Optional.empty(), Optional.empty(), new BigDecimal("0.99"),
                SloWindow.ROLLING_7D, BudgetingMethod.OCCURRENCES, Optional.empty(), Optional.empty(), NOW,
                Optional.of(PrometheusQueries.events("good_" + name, "total_" + name)));
        plugin.slos().create(slo);
        return slo;
    }

    /** A matrix answer: one series per function, its value at each step or null for no point. */
    @SafeVarargs
    private static Answer matrix(List<Instant> steps, Function<Instant, String>... series) {
        StringBuilder out = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        for (int i = 0; i < series.length; i++) {
            out.append(i == 0 ? "" : ",").append("{\"metric\":{\"instance\":\"api-").append(i).append("\"},\"values\":[");
            boolean first = true;
            for (Instant step : steps) {
                String value = series[i].apply(step);
                if (value != null) {
                    out.append(first ? "" : ",").append('[').append(step.getEpochSecond()).append(",\"").append(value)
                            .append("\"]");
                    first = false;
                }
            }
            out.append("]}");
        }
        return new Answer(200, out.append("]}}").toString());
    }

    /** @return minutes, good and total stored for the SLO */
    private static List<Long> stored(String slo) {
        return plugin.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) AS minutes, coalesce(sum(good), 0) AS good, coalesce(sum(total), 0) AS total
                FROM samples WHERE slo = :slo""").bind("slo", slo)
                .map((rs, ctx) -> List.of(rs.getLong("minutes"), rs.getLong("good"), rs.getLong("total"))).one());
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-01T" + time + ":00Z");
    }

    @Test
    void aFirstPullStoresTheLastHourSkippingGapAndNaNMinutesAndSummingSeries() {
        events("checkout");
        answer = (query, steps) -> query.startsWith("good")
                // 99.4 rounds to 99; no point at 11:30 (a gap).
                ? matrix(steps, t -> t.equals(at("11:30")) ? null : "99.4")
                // Two series, 60 + 40 = 100; NaN in one of them at 11:40.
                : matrix(steps, t -> "60", t -> t.equals(at("11:40")) ? "NaN" : "40");

        int added = pullAt(NOW).pull(plugin.slos().find("checkout").orElseThrow());

        // 60 step times, less the gap and the NaN: 58 minutes of 99 good of 100.
        assertEquals(58, added);
        assertEquals(List.of(58L, 58L * 99, 58L * 100), stored("checkout"));
        assertEquals(List.of("good_checkout " + FIRST_STEP.getEpochSecond() + ".." + LAST_STEP.getEpochSecond()
                + " step 60s", "total_checkout " + FIRST_STEP.getEpochSecond() + ".." + LAST_STEP.getEpochSecond()
                + " step 60s"), asked);
        PullOutcome outcome = plugin.pullLog().last("checkout").orElseThrow();
        assertTrue(outcome.succeeded());
        assertEquals(Optional.of(at("11:59")), outcome.pulledUntil());
        assertTrue(outcome.message().contains("58 of 60 minutes had data, 58 new"), outcome.message());
        // The answer at step 11:00 is the minute 10:59.
        assertEquals(Long.valueOf(1), plugin.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM samples WHERE slo = 'checkout' AND minute = '2026-11-01T10:59:00Z'")
                .mapTo(Long.class).one()));
    }

    @Test
    void theNextPullResumesWhereTheLastStoppedAndAReplayAddsNothing() {
        Slo slo = events("resumed");
        answer = (query, steps) -> matrix(steps, t -> query.startsWith("good") ? "9" : "10");
        assertEquals(60, pullAt(NOW).pull(slo));
        asked.clear();

        assertEquals(0, pullAt(NOW).pull(slo), "nothing new to ask for in the same minute");
        assertEquals(List.of(), asked);

        // Five minutes later: step times 12:00 to 12:04, the minutes 11:59 to 12:03.
        assertEquals(5, pullAt(NOW.plusSeconds(300)).pull(slo));
        assertTrue(asked.get(0).endsWith(at("12:00").getEpochSecond() + ".." + at("12:04").getEpochSecond()
                + " step 60s"), asked.toString());
        assertEquals(List.of(65L, 585L, 650L), stored("resumed"));

        // Where the pull stood is lost: the same minutes are asked for again and change nothing.
        plugin.jdbi().useHandle(h -> h.execute("DELETE FROM prometheus_pulls WHERE slo = 'resumed'"));
        assertEquals(0, pullAt(NOW.plusSeconds(300)).pull(slo));
        assertEquals(List.of(65L, 585L, 650L), stored("resumed"));
        assertTrue(plugin.pullLog().last("resumed").orElseThrow().succeeded());
    }

    @Test
    void anErrorAnswerIsRecordedAndWritesNothingNotEvenTheOtherQuerysMinutes() {
        Slo slo = events("refused");
        answer = (query, steps) -> query.startsWith("good") ? matrix(steps, t -> "1")
                : new Answer(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:7: parse error: "
                        + "unexpected identifier\"}");

        assertEquals(0, pullAt(NOW).pull(slo));

        assertEquals(List.of(0L, 0L, 0L), stored("refused"));
        PullOutcome outcome = plugin.pullLog().last("refused").orElseThrow();
        assertFalse(outcome.succeeded());
        assertEquals(Optional.empty(), outcome.pulledUntil(), "the next pull asks for the same minutes");
        assertEquals("Prometheus refused the query (HTTP 400, bad_data): 1:7: parse error: unexpected identifier",
                outcome.message());

        answer = (query, steps) -> matrix(steps, t -> "1");
        assertEquals(60, pullAt(NOW).pull(slo), "once Prometheus answers, the same hour is pulled");
    }

    @Test
    void anAnswerThatIsNotPrometheusJsonOrAnUnreachableServerIsAFailure() {
        Slo slo = events("proxied");
        answer = (query, steps) -> new Answer(502, "<html><body>Bad Gateway</body></html>");
        assertEquals(0, pullAt(NOW).pull(slo));
        assertTrue(plugin.pullLog().last("proxied").orElseThrow().message().startsWith("Prometheus answered HTTP 502"),
                plugin.pullLog().last("proxied").orElseThrow().message());

        PrometheusPull nowhere = new PrometheusPull(
                Optional.of(new PrometheusClient(URI.create("http://localhost:1"))), plugin.slos(), plugin.samples(), plugin.pullLog(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(0, nowhere.pull(slo));
        PullOutcome outcome = plugin.pullLog().last("proxied").orElseThrow();
        assertFalse(outcome.succeeded());
        assertTrue(outcome.message().startsWith("Prometheus at http://localhost:1 could not be reached"),
                outcome.message());
    }

    @Test
    void aTimeslicesSloPullsOneValuePerMinuteAndSkipsNaN() {
        Slo slo = new Slo("latency", Optional.of("billing-api"), Optional.empty(), Optional.empty(),
                new BigDecimal("0.99"),
                SloWindow.ROLLING_7D, BudgetingMethod.TIMESLICES, Optional.of(new BigDecimal("300")),
                Optional.empty(), NOW,
                Optional.of(PrometheusQueries.measurement("histogram_quantile(0.99, rate(x[1m]))")));
        plugin.slos().create(slo);
        answer = (query, steps) -> matrix(steps, t -> t.equals(at("11:10")) ? "NaN" : t.isBefore(at("11:30"))
                ? "250.5" : "420");

        assertEquals(59, pullAt(NOW).pull(slo));

        // 11:00–11:29 less NaN at 11:10: 29 minutes at 250.5 (good); 11:30–11:59: 30 minutes at 420 (bad).
        assertEquals(List.of(29L, 30L), plugin.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FILTER (WHERE value <= 300) AS good, count(*) FILTER (WHERE value > 300) AS bad
                FROM samples WHERE slo = 'latency'""")
                .map((rs, ctx) -> List.of(rs.getLong("good"), rs.getLong("bad"))).one()));
    }

    @Test
    void aPullThatStoodStillLongerThanADayLooksBackOnlyADay() {
        Slo slo = events("stalled");
        answer = (query, steps) -> matrix(steps, t -> "1");
        assertEquals(60, pullAt(NOW).pull(slo));

        Instant later = NOW.plus(java.time.Duration.ofDays(3));
        assertEquals(24 * 60, pullAt(later).pull(slo));

        PullOutcome outcome = plugin.pullLog().last("stalled").orElseThrow();
        assertTrue(outcome.message().contains("were not pulled: the pull looks back at most 24 h"), outcome.message());
    }

    @Test
    void pullAllAsksOnlyForSlosWithQueriesAndNothingWithoutAnAddress() {
        plugin.slos().create(new Slo("sent-by-api", Optional.of("billing-api"), Optional.empty(), Optional.empty(),
                new BigDecimal("0.99"), SloWindow.ROLLING_7D, BudgetingMethod.OCCURRENCES, Optional.empty(),
                Optional.empty(),
                NOW));
        answer = (query, steps) -> matrix(steps, t -> "1");
        pullAt(NOW).pullAll();
        assertTrue(asked.stream().noneMatch(q -> q.contains("sent-by-api")), asked.toString());

        asked.clear();
        PrometheusPull unconfigured = new PrometheusPull(Optional.empty(), plugin.slos(), plugin.samples(),
                plugin.pullLog(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(List.of(), unconfigured.pullAll());
        assertEquals(List.of(), asked);
    }
}
