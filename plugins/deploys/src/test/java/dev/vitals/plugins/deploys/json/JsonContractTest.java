package dev.vitals.plugins.deploys.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.vitals.core.Json;
import dev.vitals.plugins.deploys.Webhooks;
import dev.vitals.plugins.deploys.dora.DoraAnswer;
import dev.vitals.plugins.deploys.dora.DoraReport;
import dev.vitals.plugins.deploys.dora.DoraThresholds;
import dev.vitals.plugins.deploys.dora.Period;
import dev.vitals.plugins.deploys.github.GithubEvent;
import dev.vitals.plugins.deploys.ingest.SentDeployment;
import dev.vitals.plugins.deploys.pagerduty.PagerDutyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The records this plugin reads and writes, through the host's own JSON configuration: strict for what callers send,
 * tolerant only of the fields third-party webhooks add.
 */
class JsonContractTest {

    private static final ObjectMapper READER = Json.requestMapper();
    private static final ObjectMapper WRITER = Json.mapper();

    @Test
    void everyGithubAndPagerDutySampleReadsThoughTheyCarryManyFieldsThePluginIgnores() throws Exception {
        for (Path sample : samples("github/deployment", "github/deployment_status")) {
            GithubEvent event = READER.readValue(sample.toFile(), GithubEvent.class);
            assertEquals(145988746L, event.deployment().id(), sample.toString());
            assertEquals("Codertocat/Hello-World", event.repository().fullName(), sample.toString());
        }
        GithubEvent status = READER.readValue(Webhooks.sample("github/deployment_status/payload.json").toFile(),
                GithubEvent.class);
        assertEquals("success", status.status().state());
        for (Path sample : samples("incidents/pagerduty-v3")) {
            PagerDutyEvent event = READER.readValue(sample.toFile(), PagerDutyEvent.class);
            assertTrue(event.event().type().startsWith("incident."), sample.toString());
            assertFalse(event.event().data().service().id().isBlank(), sample.toString());
        }
    }

    @Test
    void aFieldTheApiDoesNotKnowIsRefusedByName() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class, () -> READER.readValue(
                "[{\"id\": \"d1\", \"service\": \"alpha\", \"colour\": \"blue\"}]", SentDeployment[].class));
        assertEquals("colour", e.getPropertyName());
    }

    @Test
    void theDoraAnswerNamesOnlyItsScopeAndWritesKeysWithoutDataAsNull() throws Exception {
        Period period = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1), ZoneOffset.UTC);
        DoraReport empty = DoraReport.compute(period, List.of(), OptionalDouble.empty(), OptionalDouble.empty(), 0,
                DoraThresholds.DEFAULTS);

        JsonNode team = WRITER.valueToTree(DoraAnswer.of(new DoraAnswer.Scope(Optional.empty(),
                Optional.of("streaming"), Optional.empty()), empty));

        assertEquals("streaming", team.get("team").asText());
        assertFalse(team.has("service") || team.has("organisation"), team.toString());
        assertEquals("2025-01-01", team.get("from").asText());
        assertTrue(team.get("deploymentFrequency").has("perWeek"), team.toString());
        assertTrue(team.get("deploymentFrequency").get("perWeek").isNull(), team.toString());
        assertTrue(team.get("deploymentFrequency").get("band").isNull(), team.toString());
        assertTrue(team.get("changeFailureRate").get("value").isNull(), team.toString());
        assertEquals(0, team.get("timeToRestoreHours").get("incidents").asInt());
    }

    private static List<Path> samples(String... folders) throws Exception {
        List<Path> found = new java.util.ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> files = Files.list(Webhooks.sample(folder))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(found::add);
            }
        }
        assertFalse(found.isEmpty());
        return found;
    }
}
