package dev.vitals.testkit;

import java.nio.file.Path;

/** The kit's own plugin under test, compiled into the kit's test classes with its plugin.properties. */
final class SamplePluginModule {

    private SamplePluginModule() {
    }

    static PluginModule get() {
        return new PluginModule(Path.of(""), Path.of("target/test-classes"));
    }
}
