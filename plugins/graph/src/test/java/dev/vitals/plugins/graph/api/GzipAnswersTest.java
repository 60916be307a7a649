package dev.vitals.plugins.graph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GzipAnswersTest {

    @ParameterizedTest(name = "Accept-Encoding ''{0}'' admits gzip: {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE | false",
            "'' | false",
            "identity | false",
            "gzip | true",
            "GZip | true",
            "gzip, deflate, br, zstd | true",
            "br;q=1.0, gzip;q=0.8, *;q=0.1 | true",
            "gzip;q=0 | false",
            "gzip; q=0.000, * | false",
            "* | true",
            "*;q=0 | false",
            "deflate, br | false",
            "x-gzip | true",
            "gzip;q=abc | false"})
    void gzipIsAdmittedWhenNamedWithAWeightOrLeftToAStar(String header, boolean admitted) {
        assertEquals(admitted, GzipAnswers.accepted(header));
    }

    @Test
    void theGzipBytesInflateToTheAnswer() throws IOException {
        byte[] json = "{\"ref\":\"resource:default/payments-db\",\"nodes\":[]}".repeat(100).getBytes(StandardCharsets.UTF_8);

        byte[] gzip = GzipAnswers.gzip(json);

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertEquals(new String(json, StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(gzip.length < json.length / 10, gzip.length + " bytes");
    }
}
