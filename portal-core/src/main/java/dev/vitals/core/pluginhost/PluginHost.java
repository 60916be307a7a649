package dev.vitals.core.pluginhost;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitals.api.CatalogView;
import dev.vitals.api.PluginDependency;
import dev.vitals.api.PluginUrls;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.Signal;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.catalog.PluginCatalogView;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.Database;
import dev.vitals.core.database.DatabaseUnavailable;
import dev.vitals.core.database.PluginSchemas;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.measures.MeasureStore;
import dev.vitals.core.measures.PluginMeasures;
import dev.vitals.core.pluginhost.HostedPlugin.Declarations;
import dev.vitals.core.pluginhost.HostedPlugin.Discovery;
import dev.vitals.core.signals.SignalStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plugins: decides which may start, gives each its schema, role and pool, migrates it, checks its settings,
 * has its factory build the running plugin, and keeps one plugin's failure from touching the portal or any other
 * plugin. Plugins start after the plugins they need, and stop when one of those stops.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final Set<String> RESERVED_IDS = Set.of("core", "public", "admin", "catalog", "api", "health",
            "information_schema");
    private static final int POOL_SIZE = 4;

    private final VitalsConfig config;
    private final PluginSchemas schemas;
    private final PluginSettingsStore choices;
    private final SignalStore signalStore;
    private final MeasureStore measureStore;
    private final Clock clock;
    private final CatalogView catalogView;
    private final Map<String, HostedPlugin> plugins = new LinkedHashMap<>();
    private final List<Consumer<HostedPlugin>> startListeners = new CopyOnWriteArrayList<>();
    private List<HostedPlugin> startOrder = List.of();
    private volatile RouteCheck routeCheck = RouteCheck.NONE;
    private final DemoSeeding demo = new DemoSeeding();

    public PluginHost(VitalsConfig config, Database database, SignalStore signalStore, AuditLog audit, Clock clock) {
        this.config = config;
        this.schemas = new PluginSchemas(database);
        this.choices = new PluginSettingsStore(database.jdbi(), audit, clock);
        this.signalStore = signalStore;
        this.measureStore = new MeasureStore(database.jdbi(), clock);
        this.clock = clock;
        this.catalogView = new PluginCatalogView(database.jdbi());
    }

    /**
     * Sets what every start checks of the running plugin's routes before the plugin counts as started; a refusal
     * fails the start.
     */
    public void routeCheck(RouteCheck check) {
        this.routeCheck = check;
    }

    /** Tells the listener of every plugin that has just started, with its running plugin's declarations known. */
    public void whenStarted(Consumer<HostedPlugin> listener) {
        startListeners.add(listener);
    }

    /**
     * Accepts what a source discovered, refusing plugins with a bad id, an incompatible API version, broken
     * declarations or a cycle of required dependencies.
     */
    public synchronized void load(List<DiscoveredPlugin> discovered) {
        for (DiscoveredPlugin d : discovered) {
            if (plugins.containsKey(d.id())) {
                LOG.error("Two plugins have id {}; keeping the first", d.id());
                continue;
            }
            HostedPlugin hosted = new HostedPlugin(d, clock, this::broken);
            plugins.put(d.id(), hosted);
            refusal(d).ifPresentOrElse(
                    why -> hosted.stopped(PluginState.FAILED, why),
                    () -> declare(hosted));
        }
        DependencyOrder order = DependencyOrder.of(plugins.values());
        order.cycles().forEach((id, cycle) -> {
            HostedPlugin hosted = plugins.get(id);
            hosted.refuse();
            hosted.stopped(PluginState.FAILED, "dependency cycle: " + cycle);
        });
        startOrder = order.plugins();
    }

    private static Optional<String> refusal(DiscoveredPlugin d) {
        if (!VitalsConfig.PLUGIN_ID.matcher(d.id()).matches() || RESERVED_IDS.contains(d.id())) {
            return Optional.of("plugin id '" + d.id() + "' is not allowed: it names a schema and URLs, so it must be "
                    + "lower case letters, digits and _ (at most 31), and not one of " + RESERVED_IDS);
        }
        return ApiCompatibility.refusal(d.requires()).or(d::loadError);
    }

    private void declare(HostedPlugin hosted) {
        VitalsPlugin factory = hosted.factory().orElseThrow();
        try {
            Discovery found = hosted.call("declaration", () -> new Discovery(List.copyOf(factory.settings()),
                    List.copyOf(factory.dependencies()), declaredScopes(factory)));
            hosted.discovery(found);
            hosted.settingViews(new EnvironmentSettings(hosted.id(), found.settings(), config.environment()).views());
            hosted.dependencyViews(() -> found.dependencies().stream()
                    .map(d -> new DependencyView(d.pluginId(), d.required(), stateOf(d.pluginId())))
                    .toList());
        } catch (PluginFailure e) {
            hosted.stopped(PluginState.FAILED, "declaring its settings, dependencies or scopes failed: "
                    + e.getCause());
        }
    }

    private static List<String> declaredScopes(VitalsPlugin plugin) {
        List<String> scopes = List.copyOf(plugin.scopes());
        scopes.stream().filter(s -> !Scopes.wellFormed(s)).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException("scope must look like 'name' or 'name:action' in lower case: " + s);
        });
        return scopes;
    }

    private String stateOf(String pluginId) {
        return plugin(pluginId).map(p -> p.state().name()).orElse("absent");
    }

    /** Starts every plugin that this deployment allows and no admin switched off, each after those it needs. */
    public synchronized void startAll() {
        Map<String, PluginSettingsStore.Setting> chosen = choices.all();
        for (HostedPlugin hosted : startOrder) {
            if (!hosted.startable()) {
                continue;
            }
            if (!config.allows(hosted.id())) {
                hosted.stopped(PluginState.DISABLED, "not in VITALS_PLUGINS");
                continue;
            }
            PluginSettingsStore.Setting choice = chosen.get(hosted.id());
            if (choice != null && !choice.enabled()) {
                hosted.stopped(PluginState.DISABLED, disabledReason(choice));
                continue;
            }
            start(hosted);
        }
    }

    private static String disabledReason(PluginSettingsStore.Setting choice) {
        return "disabled by " + choice.changedBy() + " at " + choice.changedAt();
    }

    /** Why a plugin cannot start yet: a plugin it requires is absent or not started. */
    private Optional<String> missingDependency(HostedPlugin hosted) {
        for (PluginDependency d : hosted.dependencies()) {
            if (d.required() && !plugin(d.pluginId()).map(HostedPlugin::isStarted).orElse(false)) {
                return Optional.of(needs(d.pluginId()));
            }
        }
        return Optional.empty();
    }

    private String needs(String pluginId) {
        return "needs plugin " + pluginId + ", which is " + stateOf(pluginId).toLowerCase(Locale.ROOT);
    }

    private synchronized void start(HostedPlugin hosted) {
        if (hosted.isStarted()) {
            return;
        }
        Optional<String> waiting = missingDependency(hosted);
        if (waiting.isPresent()) {
            if (!hosted.status().reason().equals(waiting)) {
                LOG.info("Plugin {} waits: {}", hosted.id(), waiting.get());
            }
            hosted.stopped(PluginState.DISABLED, waiting.get());
            return;
        }
        String id = hosted.id();
        VitalsPlugin factory = hosted.factory().orElseThrow();
        String step = "provisioning its schema and role";
        try {
            schemas.provision(id);
            step = "opening its connection pool";
            HikariDataSource pool = schemas.openPool(id, POOL_SIZE);
            hosted.pool(pool);
            step = "migrating schema " + id;
            int applied = hosted.call("migration", () -> schemas.migrate(id, pool, hosted.discovered().classLoader()));
            EnvironmentSettings settings = new EnvironmentSettings(id, hosted.settings(), config.environment());
            Optional<String> unusable = settings.problem().or(() -> settings.undeclared(plugins.keySet()));
            if (unusable.isPresent()) {
                throw new StartRefused(unusable.get());
            }
            HostPluginContext context = new HostPluginContext(id, PluginSchemas.jdbi(pool), settings, catalogView,
                    new PluginSignals(id, signalStore, clock, this::deliver), new PluginMeasures(id, measureStore),
                    new PluginUrls(id), other -> plugin(other).map(HostedPlugin::isStarted).orElse(false), clock,
                    config.orgTimeZone());
            step = "start";
            RunningPlugin running = hosted.call("start", () -> factory.create(context));
            if (running == null) {
                throw new StartRefused("start failed: " + factory.getClass().getName() + ".create returned null");
            }
            step = "declaring its routes, pages or jobs";
            Declarations declarations = hosted.call("declaration", () -> Declarations.of(running));
            hosted.built(running, declarations);
            step = "checking its routes";
            Optional<String> refusal = routeCheck.refusal(id, declarations.asRunningPlugin());
            if (refusal.isPresent()) {
                throw new StartRefused("its routes cannot be mounted: " + refusal.get());
            }
            hosted.markStarted();
            if (applied > 0) {
                LOG.info("Plugin {}: applied {} migration(s) to schema {}", id, applied, id);
            }
        } catch (Exception e) {
            boolean databaseAway = !(e instanceof StartRefused) && DatabaseUnavailable.isCauseOf(e);
            String reason = e instanceof StartRefused ? e.getMessage() : step + " failed: " + message(e)
                    + (databaseAway ? " (the database was away; it starts again once the database answers)" : "");
            stopBuilt(hosted);
            hosted.startFailed(reason, databaseAway);
            return;
        }
        for (Consumer<HostedPlugin> listener : startListeners) {
            try {
                listener.accept(hosted);
            } catch (RuntimeException e) {
                // The plugin serves; what the listener does for it (scheduling its jobs) is retried at its next start.
                LOG.error("Plugin {} started, but a start listener failed", id, e);
            }
        }
        if (config.demo()) {
            hosted.running().ifPresent(running -> demo.add(hosted, running));
        }
        startWaitingDependents(hosted);
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof PluginFailure && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }

    /** A start that ends the start with this exact reason, rather than the failed step's. */
    private static final class StartRefused extends Exception {
        StartRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Starts the plugins that were waiting for this one, unless an admin or the deployment keeps them off. */
    private void startWaitingDependents(HostedPlugin started) {
        for (HostedPlugin dependent : startOrder) {
            boolean waits = dependent.dependencies().stream()
                    .anyMatch(d -> d.required() && d.pluginId().equals(started.id()));
            if (waits && !dependent.isStarted() && dependent.state() == PluginState.DISABLED && dependent.startable()
                    && config.allows(dependent.id())
                    && choices.get(dependent.id()).map(PluginSettingsStore.Setting::enabled).orElse(true)) {
                start(dependent);
            }
        }
    }

    private synchronized void stop(HostedPlugin hosted, PluginState newState, String why) {
        boolean wasStarted = hosted.isStarted();
        // Marked first: no new request or job enters while the plugin stops, and an Error its stop throws finds it
        // already stopping instead of stopping it again.
        hosted.leaving(newState, why);
        if (wasStarted) {
            stopDependents(hosted);
            stopBuilt(hosted);
        }
        hosted.stopped(newState, why);
    }

    /** Plugins that cannot run without this one stop first, saying why; they start again when it does. */
    private void stopDependents(HostedPlugin stopping) {
        for (HostedPlugin dependent : reversed(startOrder)) {
            boolean needs = dependent.dependencies().stream()
                    .anyMatch(d -> d.required() && d.pluginId().equals(stopping.id()));
            if (needs && dependent.isStarted()) {
                LOG.info("Plugin {} stops: {}", dependent.id(), needs(stopping.id()));
                stop(dependent, PluginState.DISABLED, needs(stopping.id()));
            }
        }
    }

    private void stopBuilt(HostedPlugin hosted) {
        Optional<RunningPlugin> running = hosted.built();
        if (running.isEmpty()) {
            return;
        }
        try {
            hosted.call("stop", () -> {
                running.get().stop();
                return null;
            });
        } catch (PluginFailure e) {
            // Recorded; stopping goes on regardless.
        }
    }

    /** An Error escaped the plugin's code while it served: it stops, and stays FAILED until an admin starts it. */
    private synchronized void broken(HostedPlugin hosted, String reason) {
        if (!hosted.isStarted()) {
            // Failing while it starts (start marks it) or while it already stops.
            return;
        }
        LOG.error("Plugin {} is FAILED: {}", hosted.id(), reason);
        stop(hosted, PluginState.FAILED, reason);
    }

    /**
     * Marks a plugin FAILED for the life of this process, for a fault the host finds outside the plugin's calls, such
     * as routes that cannot be mounted: it stops if started, and no admin switch starts it again until a restart.
     *
     * @throws NoSuchPluginException for an unknown id
     */
    public synchronized void refuse(String id, String reason) {
        HostedPlugin hosted = plugin(id).orElseThrow(() -> new NoSuchPluginException(id));
        hosted.refuse();
        LOG.error("Plugin {} is FAILED: {}", id, reason);
        stop(hosted, PluginState.FAILED, reason);
    }

    /**
     * Switches a plugin on or off, persists the choice with who made it, and acts on it at once.
     *
     * @throws NoSuchPluginException for an unknown id
     * @throws PluginNotAllowedException when this deployment does not allow the plugin
     */
    public PluginStatus setEnabled(String id, boolean enabled, Actor actor) {
        HostedPlugin hosted = plugin(id).orElseThrow(() -> new NoSuchPluginException(id));
        if (!config.allows(id)) {
            throw new PluginNotAllowedException(id);
        }
        synchronized (this) {
            choices.save(id, enabled, actor, Map.of("enabled", hosted.isStarted(), "state", hosted.state().name()));
            apply(hosted, enabled, choices.get(id).orElseThrow());
        }
        return hosted.status();
    }

    private void apply(HostedPlugin hosted, boolean enabled, PluginSettingsStore.Setting choice) {
        if (enabled && hosted.state() != PluginState.STARTED && hosted.startable()) {
            start(hosted);
        } else if (!enabled && hosted.state() != PluginState.DISABLED) {
            stop(hosted, PluginState.DISABLED, disabledReason(choice));
        }
    }

    /**
     * Brings this instance in line with choices another instance persisted: with several portal instances behind a
     * load balancer, an admin's switch reaches all of them. Also starts again a plugin whose start failed only because
     * the database was away, so a portal recovers from an outage by itself.
     */
    public synchronized void reconcile() {
        Map<String, PluginSettingsStore.Setting> chosen = choices.all();
        for (Map.Entry<String, PluginSettingsStore.Setting> e : chosen.entrySet()) {
            HostedPlugin hosted = plugins.get(e.getKey());
            if (hosted == null || !config.allows(hosted.id())) {
                continue;
            }
            boolean wantStarted = e.getValue().enabled();
            if (wantStarted != hosted.isStarted() && !(wantStarted && hosted.state() == PluginState.FAILED)) {
                apply(hosted, wantStarted, e.getValue());
            }
        }
        // Reading the choices above needed the database, so it answers again: a start it failed is retried.
        for (HostedPlugin hosted : startOrder) {
            PluginSettingsStore.Setting choice = chosen.get(hosted.id());
            if (hosted.state() == PluginState.FAILED && hosted.startFailedWithTheDatabaseAway()
                    && config.allows(hosted.id()) && (choice == null || choice.enabled())) {
                LOG.info("Plugin {}: starting again now that the database answers", hosted.id());
                start(hosted);
            }
        }
    }

    public Optional<HostedPlugin> plugin(String id) {
        return Optional.ofNullable(plugins.get(id));
    }

    public Collection<HostedPlugin> plugins() {
        return List.copyOf(plugins.values());
    }

    public List<PluginStatus> statuses() {
        return plugins.values().stream().map(HostedPlugin::status).toList();
    }

    public Set<String> pluginIds() {
        return Set.copyOf(plugins.keySet());
    }

    private void deliver(Signal signal) {
        for (HostedPlugin listener : plugins.values()) {
            Optional<RunningPlugin> running = listener.running();
            if (running.isPresent() && !listener.id().equals(signal.plugin())) {
                try {
                    listener.call("signal listener", () -> {
                        running.get().onSignal(signal);
                        return null;
                    });
                } catch (PluginFailure e) {
                    // Recorded against the listener; the publisher and other listeners carry on.
                }
            }
        }
    }

    private static List<HostedPlugin> reversed(List<HostedPlugin> order) {
        List<HostedPlugin> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        return reversed;
    }

    /**
     * With {@code --demo}, seeds a part of the host's own demo (the catalog) in the background, before the plugins'
     * demo data, under a name that is no plugin's id.
     */
    public void addDemoStep(String name, Runnable step) {
        if (config.demo()) {
            demo.add(name, step::run);
        }
    }

    /**
     * The portal serves: from now on the demo data is seeded, on one background thread, in the order the plugins
     * started; the plugins started later are seeded as they start.
     */
    public void beginDemoData() {
        demo.begin();
    }

    /** With {@code --demo}, what of the demo data is still to come; empty without. */
    public Optional<DemoProgress> demoProgress() {
        return config.demo() ? Optional.of(demo.progress()) : Optional.empty();
    }

    /**
     * Waits until the demo data is seeded, for scripts and tests that read it.
     *
     * @return false when some was still to come after {@code timeout}
     */
    public boolean awaitDemoData(Duration timeout) throws InterruptedException {
        return demo.awaitLoaded(timeout);
    }

    @Override
    public void close() {
        // Outside the lock: the seeding under way may need it (an Error stops its plugin) before it can end.
        demo.close();
        synchronized (this) {
            for (HostedPlugin hosted : reversed(startOrder)) {
                stop(hosted, PluginState.DISABLED, "portal shut down");
            }
        }
    }
}
