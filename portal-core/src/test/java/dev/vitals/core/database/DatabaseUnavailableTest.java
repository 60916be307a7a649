package dev.vitals.core.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03", "53300", "57014"})
    void aConnectionFailureOrShutdownDeepInTheChainMeansTheDatabaseIsAway(String state) {
        Exception wrapped = new IllegalStateException("plugin failed", new RuntimeException("jdbi",
                new SQLException("gone", state)));
        assertEquals(Optional.of("SQLSTATE " + state), DatabaseUnavailable.causeOf(wrapped));
    }

    @Test
    void aPoolWithoutAConnectionInTimeMeansTheDatabaseIsAway() {
        assertTrue(DatabaseUnavailable.isCauseOf(new RuntimeException(
                new SQLTransientConnectionException("vitals-core - Connection is not available"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "40001", "22P02"})
    void aFaultInTheQueryOrTheDataIsNot(String state) {
        assertFalse(DatabaseUnavailable.isCauseOf(new RuntimeException(new SQLException("bad", state))));
        assertFalse(DatabaseUnavailable.isCauseOf(new IllegalArgumentException("no SQL at all")));
    }
}
