package dev.vitals.core.pluginhost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.PluginContext;
import dev.vitals.api.PluginDependency;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.testing.TestPlugins;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PluginDependenciesTest {

    /** Writes down, at each create, its id and whether each plugin it names is running then. */
    private static final class Dependent implements VitalsPlugin {
        private final String id;
        private final List<PluginDependency> dependencies;
        private final List<String> log;

        Dependent(String id, List<String> log, PluginDependency... dependencies) {
            this.id = id;
            this.log = log;
            this.dependencies = List.of(dependencies);
        }

        @Override
        public List<PluginDependency> dependencies() {
            return dependencies;
        }

        @Override
        public RunningPlugin create(PluginContext context) {
            StringBuilder entry = new StringBuilder(id);
            dependencies.forEach(d -> entry.append(' ').append(d.pluginId()).append('=')
                    .append(context.isRunning(d.pluginId())));
            log.add(entry.toString());
            return new RunningPlugin() {
                @Override
                public void stop() {
                    log.add(id + " stopped");
                }
            };
        }
    }

    private static PluginStatus status(Vitals portal, String id) {
        return portal.plugins().plugin(id).orElseThrow().status();
    }

    @Test
    void aPluginStartsAfterThePluginItNeedsWhateverTheOrderTheyWereFoundIn() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("deploys", () -> new Dependent("deploys", log, PluginDependency.required("slo"),
                        PluginDependency.optional("cost")))
                .with("slo", () -> new Dependent("slo", log)).source())) {
            assertEquals(List.of("slo", "deploys slo=true cost=false"), log);
            assertEquals(PluginState.STARTED, status(portal, "deploys").state());
            assertEquals(List.of(new DependencyView("slo", true, "STARTED"), new DependencyView("cost", false, "absent")),
                    status(portal, "deploys").dependencies());
        }
    }

    @Test
    void aPluginWhoseRequiredDependencyIsAbsentWaitsSayingSo() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("deploys", () -> new Dependent("deploys", log, PluginDependency.required("slo"))).source())) {
            assertEquals(PluginState.DISABLED, status(portal, "deploys").state());
            assertEquals(Optional.of("needs plugin slo, which is absent"), status(portal, "deploys").reason());
            assertEquals(List.of(), log);
        }
    }

    @Test
    void aPluginWhoseRequiredDependencyFailedWaitsSayingSo() {
        List<String> log = new CopyOnWriteArrayList<>();
        VitalsPlugin broken = context -> {
            throw new IllegalStateException("no budget data");
        };
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("slo", () -> broken)
                .with("deploys", () -> new Dependent("deploys", log, PluginDependency.required("slo"))).source())) {
            assertEquals(PluginState.DISABLED, status(portal, "deploys").state());
            assertEquals(Optional.of("needs plugin slo, which is failed"), status(portal, "deploys").reason());
        }
    }

    @Test
    void disablingADependencyStopsItsDependentsAndEnablingItStartsThemAgain() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("slo", () -> new Dependent("slo", log))
                .with("deploys", () -> new Dependent("deploys", log, PluginDependency.required("slo"))).source())) {
            log.clear();

            portal.plugins().setEnabled("slo", false, Actor.SYSTEM);

            assertEquals(List.of("deploys stopped", "slo stopped"), log, "the dependent stops first");
            assertEquals(PluginState.DISABLED, status(portal, "deploys").state());
            assertEquals(Optional.of("needs plugin slo, which is disabled"), status(portal, "deploys").reason());

            portal.plugins().setEnabled("slo", true, Actor.SYSTEM);

            assertEquals(List.of("deploys stopped", "slo stopped", "slo", "deploys slo=true"), log);
            assertEquals(PluginState.STARTED, status(portal, "deploys").state());
        }
    }

    @Test
    void aDependentAnAdminSwitchedOffStaysOffWhenItsDependencyStarts() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("slo", () -> new Dependent("slo", log))
                .with("deploys", () -> new Dependent("deploys", log, PluginDependency.required("slo"))).source())) {
            portal.plugins().setEnabled("deploys", false, Actor.SYSTEM);
            portal.plugins().setEnabled("slo", false, Actor.SYSTEM);

            portal.plugins().setEnabled("slo", true, Actor.SYSTEM);

            assertEquals(PluginState.STARTED, status(portal, "slo").state());
            assertEquals(PluginState.DISABLED, status(portal, "deploys").state());
        }
    }

    @Test
    void pluginsThatRequireEachOtherInACircleAreFailedNamingTheCircle() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("a", () -> new Dependent("a", log, PluginDependency.required("b")))
                .with("b", () -> new Dependent("b", log, PluginDependency.required("a")))
                .with("c", () -> new Dependent("c", log, PluginDependency.optional("a"))).source())) {
            assertEquals(PluginState.FAILED, status(portal, "a").state());
            assertEquals(Optional.of("dependency cycle: a → b → a"), status(portal, "a").reason());
            assertEquals(Optional.of("dependency cycle: a → b → a"), status(portal, "b").reason());
            assertEquals(PluginState.STARTED, status(portal, "c").state(), "an optional dependency is not waited for");
            assertEquals(List.of("c a=false"), log);
        }
    }

    @Test
    void anOptionalDependencyThatClosesACircleIsNotACycle() {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Vitals portal = TestPortal.start(TestPostgres.freshDatabase(), TestPlugins.of()
                .with("a", () -> new Dependent("a", log, PluginDependency.required("b")))
                .with("b", () -> new Dependent("b", log, PluginDependency.optional("a"))).source(),
                Map.of())) {
            assertEquals(List.of("b a=false", "a b=true"), log);
            assertEquals(PluginState.STARTED, status(portal, "a").state());
        }
    }
}
