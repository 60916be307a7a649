package dev.vitals.core.measures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import dev.vitals.core.Vitals;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeasuresTest {

    private static final EntityRef CHECKOUT = EntityRef.parse("component:default/checkout");
    private static final EntityRef SEARCH = EntityRef.parse("component:default/search");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final Instant FIRST = Instant.parse("2026-11-24T06:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-25T06:00:00Z");
    private static Vitals portal;
    private static Jdbi jdbi;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none());
        jdbi = portal.database().jdbi();
    }

    @BeforeEach
    void empty() {
        jdbi.useHandle(h -> h.execute("TRUNCATE core.measures"));
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    private Measures slo(Instant now) {
        return new PluginMeasures("slo", new MeasureStore(jdbi, Clock.fixed(now, ZoneOffset.UTC)));
    }

    private static MeasurePoint point(String name, EntityRef entity, int day, String value) {
        return new MeasurePoint(name, entity, MONDAY.plusDays(day), new BigDecimal(value));
    }

    private long stored() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM core.measures").mapTo(Long.class).one());
    }

    @Test
    void publishingTheSamePointsAgainChangesNothing() {
        List<MeasurePoint> points = List.of(point("slo.requests", CHECKOUT, 0, "1200"),
                point("slo.requests", CHECKOUT, 1, "1350"));
        slo(FIRST).publish(points);

        slo(LATER).publish(points);

        assertEquals(points, slo(LATER).read("slo.requests", CHECKOUT, MONDAY, MONDAY.plusDays(1)));
        assertEquals(List.of(FIRST, FIRST), jdbi.withHandle(h -> h.createQuery(
                        "SELECT updated_at FROM core.measures ORDER BY day").mapTo(OffsetDateTime.class).list())
                .stream().map(OffsetDateTime::toInstant).toList(), "a replay leaves even the update time");
    }

    @Test
    void aNewValueForADayReplacesTheOld() {
        slo(FIRST).publish(List.of(point("slo.requests", CHECKOUT, 0, "1200")));

        slo(LATER).publish(List.of(point("slo.requests", CHECKOUT, 0, "1250")));

        assertEquals(List.of(point("slo.requests", CHECKOUT, 0, "1250")),
                slo(LATER).read("slo.requests", CHECKOUT, MONDAY, MONDAY));
    }

    @Test
    void aPluginMayNotPublishAnotherPluginsMeasure() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> slo(FIRST).publish(List.of(point("cost.effective", CHECKOUT, 0, "12.50"))));

        assertEquals("measure name 'cost.effective' is not one of plugin slo's: expected slo.<what> in lower case "
                + "letters, digits, _ and ., e.g. slo.requests", e.getMessage());
        assertEquals(0, stored());
        assertThrows(IllegalArgumentException.class,
                () -> slo(FIRST).delete("cost.effective", CHECKOUT, MONDAY, MONDAY));
    }

    @Test
    void aBatchWithOneBadPointStoresNothing() {
        assertThrows(IllegalArgumentException.class, () -> slo(FIRST).publish(List.of(
                point("slo.requests", CHECKOUT, 0, "1200"), point("slo.Bad-Name", CHECKOUT, 0, "1"))));
        assertEquals(0, stored(), "a name checked before anything is written");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> slo(FIRST).publish(List.of(
                point("slo.requests", CHECKOUT, 0, "1200"), point("slo.requests", SEARCH, 0, "1E-20000"))));
        assertEquals("measure slo.requests of component:default/search on 2026-11-23: a value has at most 1000 digits "
                + "before and after the decimal point", e.getMessage());
        assertEquals(0, stored());
    }

    @Test
    void aPeriodIncludesItsFirstAndLastDay() {
        slo(FIRST).publish(List.of(point("slo.requests", CHECKOUT, 0, "1"), point("slo.requests", CHECKOUT, 1, "2"),
                point("slo.requests", CHECKOUT, 2, "3"), point("slo.requests", CHECKOUT, 3, "4"),
                point("slo.requests", CHECKOUT, 4, "5")));

        assertEquals(List.of(point("slo.requests", CHECKOUT, 1, "2"), point("slo.requests", CHECKOUT, 2, "3"),
                        point("slo.requests", CHECKOUT, 3, "4")),
                slo(FIRST).read("slo.requests", CHECKOUT, MONDAY.plusDays(1), MONDAY.plusDays(3)));
        assertEquals(2, slo(FIRST).delete("slo.requests", CHECKOUT, MONDAY.plusDays(3), MONDAY.plusDays(4)));
        assertEquals(3, stored());
    }

    @Test
    void everyEntitysValuesComeByEntityThenDay() {
        slo(FIRST).publish(List.of(point("slo.requests", SEARCH, 1, "20"), point("slo.requests", CHECKOUT, 1, "11"),
                point("slo.requests", SEARCH, 0, "10"), point("slo.bad_requests", CHECKOUT, 0, "1")));

        assertEquals(List.of(point("slo.requests", CHECKOUT, 1, "11"), point("slo.requests", SEARCH, 0, "10"),
                        point("slo.requests", SEARCH, 1, "20")),
                slo(FIRST).read("slo.requests", MONDAY, MONDAY.plusDays(6)));
        assertEquals(List.of(point("slo.bad_requests", CHECKOUT, 0, "1")),
                new PluginMeasures("cost", new MeasureStore(jdbi, Clock.systemUTC()))
                        .read("slo.bad_requests", MONDAY, MONDAY), "any plugin reads any measure");
    }

    @Test
    void decimalsComeBackExactlyAsPublished() {
        BigDecimal sum = new BigDecimal("0.1").add(new BigDecimal("0.2"));
        slo(FIRST).publish(List.of(new MeasurePoint("slo.ratio", CHECKOUT, MONDAY, sum),
                point("slo.cost", CHECKOUT, 0, "12.500")));

        assertEquals(new BigDecimal("0.3"), slo(FIRST).read("slo.ratio", CHECKOUT, MONDAY, MONDAY).get(0).value());
        assertEquals(new BigDecimal("12.500"), slo(FIRST).read("slo.cost", CHECKOUT, MONDAY, MONDAY).get(0).value());
    }
}
