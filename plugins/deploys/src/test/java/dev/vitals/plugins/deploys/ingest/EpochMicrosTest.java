package dev.vitals.plugins.deploys.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.testkit.TestCatalog;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A time bound as microseconds comes back as the very timestamp PostgreSQL makes of the same time sent as text. */
class EpochMicrosTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .catalog(TestCatalog.of().team("streaming").service("alpha", "streaming")).build();

    @Test
    void everyTimeBecomesTheTimestampItsTextWouldHaveBecome(VitalsPortal portal) {
        List<Instant> times = new ArrayList<>(List.of(
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.9999995Z"), Instant.parse("2024-02-29T23:59:59.999999999Z"),
                // Exactly half a microsecond over: rounded as the server rounds the text, not always up.
                Instant.parse("2026-03-29T01:00:00.0000005Z"), Instant.parse("2026-03-29T01:00:00.0000015Z"),
                Instant.parse("2026-03-29T01:00:00.0000025Z"), Instant.parse("2026-03-29T01:00:00.5000005Z"),
                Instant.parse("2026-10-25T00:59:59.123456789Z")));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            times.add(Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000_000)));
        }
        Long[] micros = times.stream().map(EpochMicros::of).toArray(Long[]::new);
        String[] texts = times.stream().map(Instant::toString).toArray(String[]::new);

        List<String> differing = portal.pluginJdbi().withHandle(h -> h.createQuery("""
                SELECT t.text || ' → ' || %1$s FROM unnest(:micros::int8[], :texts::text[]) AS t (micros, text)
                WHERE %1$s IS DISTINCT FROM t.text::timestamptz""".formatted(EpochMicros.timestamp("t.micros")))
                .bindArray("micros", Long.class, micros).bindArray("texts", String.class, texts)
                .mapTo(String.class).list());

        assertEquals(List.of(), differing);
        assertEquals(-62_135_596_800_000_000L, EpochMicros.of(Instant.parse("0001-01-01T00:00:00Z")));
        assertEquals(-1L, EpochMicros.of(Instant.parse("1969-12-31T23:59:59.999999Z")));
    }
}
