package dev.vitals.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.core.database.DatabaseTimeouts;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VitalsConfigTest {

    @Test
    void defaultsNeedNoVariables() {
        VitalsConfig config = VitalsConfig.fromEnvironment(Map.of());
        assertEquals(8080, config.port());
        assertTrue(config.dataDir().endsWith("vitals-data"));
        assertEquals(Optional.empty(), config.database());
        assertTrue(config.allows("anything"));
        assertEquals(ZoneId.of("UTC"), config.orgTimeZone());
        assertEquals(false, config.demo());
    }

    @Test
    void pluginListIsACommaListOrAll() {
        assertEquals(Optional.of(Set.of("slo", "cost")),
                VitalsConfig.fromEnvironment(Map.of("VITALS_PLUGINS", " slo, cost ")).allowedPlugins());
        assertEquals(Optional.empty(), VitalsConfig.fromEnvironment(Map.of("VITALS_PLUGINS", "all")).allowedPlugins());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "VITALS_PORT|eighty|VITALS_PORT=eighty is not valid: expected a whole number from 0 to 65535",
        "VITALS_PORT|70000|VITALS_PORT=70000 is not valid: expected a whole number from 0 to 65535",
        "VITALS_TIMEZONE|Mars/Olympus|VITALS_TIMEZONE=Mars/Olympus is not valid: expected an IANA time zone such as Europe/Berlin or UTC",
        "VITALS_DEMO|yes|VITALS_DEMO=yes is not valid: expected true or false",
        "VITALS_DB_URL|postgres://db/vitals|VITALS_DB_URL=postgres://db/vitals is not valid: expected jdbc:postgresql://host:port/database",
        "VITALS_PLUGINS|Slo;Cost|VITALS_PLUGINS=Slo;Cost is not valid: expected 'all' or a comma list of plugin ids (lower case letters, digits, _), e.g. slo,deploys",
        "VITALS_ADMIN_TOKEN|short|VITALS_ADMIN_TOKEN=(5 characters) is not valid: expected at least 16 characters",
        "VITALS_DB_CONNECT_TIMEOUT_SECONDS|3s|VITALS_DB_CONNECT_TIMEOUT_SECONDS=3s is not valid: expected a whole number from 1 to 300",
        "VITALS_DB_STATEMENT_TIMEOUT_SECONDS|0|VITALS_DB_STATEMENT_TIMEOUT_SECONDS=0 is not valid: expected a whole number from 1 to 86400",
        "VITALS_DB_SOCKET_TIMEOUT_SECONDS|30|VITALS_DB_SOCKET_TIMEOUT_SECONDS=30 is not valid: expected more seconds than VITALS_DB_STATEMENT_TIMEOUT_SECONDS (60)",
        "VITALS_JOB_HEARTBEAT_SECONDS|0|VITALS_JOB_HEARTBEAT_SECONDS=0 is not valid: expected a whole number from 1 to 3600",
        "VITALS_JOB_MISSED_HEARTBEATS|3|VITALS_JOB_MISSED_HEARTBEATS=3 is not valid: expected a whole number from 4 to 1000",
    })
    void aMalformedValueStopsStartUpNamingTheVariableAndTheExpectedForm(String name, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> VitalsConfig.fromEnvironment(Map.of(name, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aDatabaseUserWithoutUrlIsRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> VitalsConfig.fromEnvironment(Map.of("VITALS_DB_USER", "vitals")));
        assertTrue(e.getMessage().startsWith("VITALS_DB_USER is set but VITALS_DB_URL is not"), e.getMessage());
    }

    @Test
    void variablesOfDiscoveredPluginsAreKnownAndOthersAreNot() {
        VitalsConfig config = VitalsConfig.fromEnvironment(Map.of("VITALS_SLO_WINDOW", "30d", "VITALS_COST_X", "1"));
        config.rejectUnknownVariables(Set.of("slo", "cost"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.rejectUnknownVariables(Set.of("slo")));
        assertTrue(e.getMessage().startsWith("unknown variable VITALS_COST_X"), e.getMessage());
    }

    @Test
    void aPluginListNamingAnUndiscoveredPluginIsRefused() {
        VitalsConfig config = VitalsConfig.fromEnvironment(Map.of("VITALS_PLUGINS", "slo,typo"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.rejectUnknownVariables(Set.of("slo")));
        assertTrue(e.getMessage().startsWith("VITALS_PLUGINS names [typo] but no such plugin was found"), e.getMessage());
    }

    @Test
    void databaseTimeoutsHaveDefaultsAndAreSetInWholeSeconds() {
        assertEquals(DatabaseTimeouts.DEFAULT, VitalsConfig.fromEnvironment(Map.of()).databaseTimeouts());
        assertEquals(new DatabaseTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(700), Duration.ofSeconds(600)),
                VitalsConfig.fromEnvironment(Map.of("VITALS_DB_CONNECT_TIMEOUT_SECONDS", "2",
                        "VITALS_DB_STATEMENT_TIMEOUT_SECONDS", "600", "VITALS_DB_SOCKET_TIMEOUT_SECONDS", "700"))
                        .databaseTimeouts());
    }

    @Test
    void aDeadInstancesJobRunsAreTakenOverAfterAMinuteUnlessTheHeartbeatIsSet() {
        JobTakeover defaults = VitalsConfig.fromEnvironment(Map.of()).jobTakeover();
        assertEquals(new JobTakeover(Duration.ofSeconds(10), 6), defaults);
        assertEquals(Duration.ofMinutes(1), defaults.after());
        assertEquals(new JobTakeover(Duration.ofSeconds(1), 4), VitalsConfig.fromEnvironment(
                Map.of("VITALS_JOB_HEARTBEAT_SECONDS", "1", "VITALS_JOB_MISSED_HEARTBEATS", "4")).jobTakeover());
    }
}
