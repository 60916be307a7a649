package dev.vitals.testkit;

import dev.vitals.api.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class one real portal with the plugin under test in it, on its own fresh database, started before the
 * first test and stopped after the last. Register it on a static field:
 *
 * <pre>{@code
 * class NotesApiTest {
 *
 *     @RegisterExtension
 *     static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
 *             .setting("max_notes", "3")
 *             .catalog(TestCatalog.twoTeams())
 *             .build();
 *
 *     @Test
 *     void anEditorOfAnotherTeamAddsNoNoteToGreensService() {
 *         VitalsPortal portal = VITALS.portal();
 *         portal.editorOf("blue").post("/api/example/notes", new NewNote("green-api", "hi")).expect(403);
 *     }
 * }
 * }</pre>
 *
 * <p>The plugin is the module the tests run in: PF4J loads it from {@code target/classes}, with its
 * {@code plugin.properties}, in its own class loader, as the portal loads plugins of a source checkout. The plugin
 * object the portal runs is therefore not one the test could make with {@code new}: tests talk to it as users do,
 * over HTTP, and read what it published. Demo data is off; settings are given here, never read from the test's
 * environment. Test methods and {@code @BeforeAll} methods may also take the {@link VitalsPortal} as a parameter.
 *
 * @since 2.0.0
 */
public final class VitalsPortalExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Settings settings;
    private VitalsPortal portal;
    private String startedBy;

    private VitalsPortalExtension(Settings settings) {
        this.settings = settings;
    }

    /**
     * @return a builder for a portal with the plugin of the module the tests run in
     * @since 2.0.0
     */
    public static Builder forPluginUnderTest() {
        return new Builder(PluginModule.underTest());
    }

    /**
     * @param plugin the plugin to test, when it is not the module the tests run in
     * @return a builder for a portal with that plugin
     * @since 2.0.0
     */
    public static Builder forPlugin(PluginModule plugin) {
        return new Builder(plugin);
    }

    /**
     * @return the portal of the running test class
     * @throws IllegalStateException outside the test class's life (the extension must be on a static field)
     * @since 2.0.0
     */
    public VitalsPortal portal() {
        if (portal == null) {
            throw new IllegalStateException("the portal runs from before the first test of the class to after its "
                    + "last; register the extension with @RegisterExtension on a static field");
        }
        return portal;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // A @Nested class shares its enclosing class's portal.
        if (portal == null) {
            portal = VitalsPortal.start(settings);
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (portal != null && context.getUniqueId().equals(startedBy)) {
            try {
                portal.close();
            } finally {
                portal = null;
                startedBy = null;
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VitalsPortal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return portal();
    }

    /** What the portal is started with. */
    record Settings(PluginModule plugin, List<PluginModule> others, Map<String, String> settings,
            Map<String, String> environment, Optional<TestCatalog> catalog, boolean allowFailedStart) {

        List<PluginModule> modules() {
            List<PluginModule> all = new ArrayList<>();
            all.add(plugin);
            all.addAll(others);
            return all;
        }

        /** The host's environment: the raw variables, then the plugin's settings by their variable names. */
        Map<String, String> environment(String pluginId) {
            Map<String, String> env = new LinkedHashMap<>(environment);
            settings.forEach((name, value) -> env.put(Setting.string(name, name).environmentVariable(pluginId),
                    value));
            return env;
        }
    }

    /**
     * How the portal under test is set up.
     *
     * @since 2.0.0
     */
    public static final class Builder {

        private final PluginModule plugin;
        private final List<PluginModule> others = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Optional<TestCatalog> catalog = Optional.empty();
        private boolean allowFailedStart;

        private Builder(PluginModule plugin) {
            this.plugin = Objects.requireNonNull(plugin, "plugin");
        }

        /**
         * Sets one of the plugin's declared settings, as an admin would with {@code VITALS_<PLUGINID>_<NAME>}.
         *
         * @param name the setting's name, e.g. {@code prometheus_url}
         * @param value the value as an admin writes it, e.g. {@code 5m} for a duration
         * @return this builder
         * @since 2.0.0
         */
        public Builder setting(String name, String value) {
            settings.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets any of the portal's environment variables, e.g. {@code VITALS_TIMEZONE} or another plugin's setting.
         * Sign-in, port, data folder and database are the kit's.
         *
         * @param name the variable, e.g. {@code VITALS_TIMEZONE}
         * @param value its value
         * @return this builder
         * @since 2.0.0
         */
        public Builder environment(String name, String value) {
            environment.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Loads another plugin beside the one under test, such as one it depends on, from its module.
         *
         * @param module the other plugin's module, e.g. {@code PluginModule.at(Path.of("../slo"))}
         * @return this builder
         * @since 2.0.0
         */
        public Builder alsoLoad(PluginModule module) {
            others.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /**
         * Imports a catalog once the portal has started, before the first test.
         *
         * @param entities the catalog
         * @return this builder
         * @since 2.0.0
         */
        public Builder catalog(TestCatalog entities) {
            catalog = Optional.of(entities);
            return this;
        }

        /**
         * Starts the portal even when the plugin does not start, so that a test can check why (a required setting
         * missing, say). Without it the test class fails at once with the plugin's reason.
         *
         * @return this builder
         * @since 2.0.0
         */
        public Builder allowFailedStart() {
            allowFailedStart = true;
            return this;
        }

        /**
         * @return the extension, to put on a static {@code @RegisterExtension} field
         * @since 2.0.0
         */
        public VitalsPortalExtension build() {
            return new VitalsPortalExtension(new Settings(plugin, List.copyOf(others), Map.copyOf(settings),
                    Map.copyOf(environment), catalog, allowFailedStart));
        }
    }
}
