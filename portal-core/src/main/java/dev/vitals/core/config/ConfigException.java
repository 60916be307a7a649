package dev.vitals.core.config;

/** A configuration value the portal cannot start with; the message names the variable and the expected form. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String variable, String value, String expected) {
        super(variable + "=" + value + " is not valid: expected " + expected);
    }

    public ConfigException(String message) {
        super(message);
    }
}
