package dev.vitals.core.pluginhost;

/** No plugin with that id was discovered. */
public final class NoSuchPluginException extends RuntimeException {

    public NoSuchPluginException(String id) {
        super("no plugin with id '" + id + "'");
    }
}
