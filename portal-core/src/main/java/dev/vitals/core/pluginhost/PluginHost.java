package dev.vitals.core.pluginhost;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitals.api.CatalogView;
import dev.vitals.api.PluginApiVersion;
import dev.vitals.api.PluginConfig;
import dev.vitals.api.PluginContext;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalPublisher;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.catalog.PluginCatalogView;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.Database;
import dev.vitals.core.database.PluginSchemas;
import dev.vitals.core.pluginhost.HostedPlugin.Declarations;
import dev.vitals.core.signals.SignalStore;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.DefaultVersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plugins: decides which may start, gives each its schema, role and pool, migrates and starts it, and keeps
 * one plugin's failure from touching the portal or any other plugin.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9_]{0,30}");
    private static final Set<String> RESERVED_IDS = Set.of("core", "public", "admin", "catalog", "api", "health",
            "information_schema");
    private static final int POOL_SIZE = 4;

    private final VitalsConfig config;
    private final PluginSchemas schemas;
    private final PluginSettingsStore settings;
    private final SignalStore signalStore;
    private final Clock clock;
    private final CatalogView catalogView;
    private final Map<String, HostedPlugin> plugins = new LinkedHashMap<>();

    public PluginHost(VitalsConfig config, Database database, SignalStore signalStore, AuditLog audit, Clock clock) {
        this.config = config;
        this.schemas = new PluginSchemas(database);
        this.settings = new PluginSettingsStore(database.jdbi(), audit, clock);
        this.signalStore = signalStore;
        this.clock = clock;
        this.catalogView = new PluginCatalogView(database.jdbi());
    }

    /** Accepts what a source discovered, refusing plugins with a bad id or an incompatible API version. */
    public void load(List<DiscoveredPlugin> discovered) {
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
    }

    private static Optional<String> refusal(DiscoveredPlugin d) {
        if (!PLUGIN_ID.matcher(d.id()).matches() || RESERVED_IDS.contains(d.id())) {
            return Optional.of("plugin id '" + d.id() + "' is not allowed: it names a schema and URLs, so it must be "
                    + "lower case letters, digits and _ (at most 31), and not one of " + RESERVED_IDS);
        }
        if (!d.requires().isBlank() && !compatible(d.requires())) {
            return Optional.of("requires plugin API " + d.requires() + " but this portal provides plugin API "
                    + PluginApiVersion.CURRENT);
        }
        return d.loadError();
    }

    private static boolean compatible(String requires) {
        try {
            return new DefaultVersionManager().checkVersionConstraint(PluginApiVersion.CURRENT, requires);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void declare(HostedPlugin hosted) {
        VitalsPlugin plugin = hosted.instance().orElseThrow();
        try {
            hosted.declarations(hosted.call("declaration", () -> new Declarations(
                    List.copyOf(plugin.apiRoutes()), List.copyOf(plugin.pages()), List.copyOf(plugin.navigation()),
                    List.copyOf(plugin.serviceTabs()), List.copyOf(plugin.teamPanels()),
                    List.copyOf(plugin.programPanels()), List.copyOf(plugin.jobs()), declaredScopes(plugin),
                    List.copyOf(plugin.webhooks()))));
        } catch (PluginFailure e) {
            hosted.stopped(PluginState.FAILED, "declaring its routes, pages or jobs failed: " + e.getCause());
        }
    }

    private static List<String> declaredScopes(VitalsPlugin plugin) {
        List<String> scopes = List.copyOf(plugin.scopes());
        scopes.stream().filter(s -> !dev.vitals.core.identity.Scopes.wellFormed(s)).findFirst().ifPresent(s -> {
            throw new IllegalArgumentException("scope must look like 'name' or 'name:action' in lower case: " + s);
        });
        return scopes;
    }

    /** Starts every plugin that this deployment allows and no admin switched off. */
    public void startAll() {
        Map<String, PluginSettingsStore.Setting> choices = settings.all();
        for (HostedPlugin hosted : plugins.values()) {
            if (!hosted.startable()) {
                continue;
            }
            if (!config.allows(hosted.id())) {
                hosted.stopped(PluginState.DISABLED, "not in VITALS_PLUGINS");
                continue;
            }
            PluginSettingsStore.Setting choice = choices.get(hosted.id());
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

    private synchronized void start(HostedPlugin hosted) {
        if (hosted.isStarted()) {
            return;
        }
        String id = hosted.id();
        VitalsPlugin plugin = hosted.instance().orElseThrow();
        String step = "provisioning its schema and role";
        try {
            schemas.provision(id);
            step = "opening its connection pool";
            HikariDataSource pool = schemas.openPool(id, POOL_SIZE);
            hosted.pool(pool);
            step = "migrating schema " + id;
            int applied = hosted.call("migration", () -> schemas.migrate(id, pool, hosted.discovered().classLoader()));
            PluginContext context = new HostPluginContext(id, PluginSchemas.jdbi(pool), pluginConfig(id), catalogView,
                    publisher(id), clock, config.orgTimeZone());
            step = "start";
            hosted.call("start", () -> {
                plugin.start(context);
                return null;
            });
            hosted.started(pool, context);
            if (applied > 0) {
                LOG.info("Plugin {}: applied {} migration(s) to schema {}", id, applied, id);
            }
            if (config.demo()) {
                seedDemoData(hosted, plugin, context);
            }
        } catch (Exception e) {
            Throwable cause = e instanceof PluginFailure && e.getCause() != null ? e.getCause() : e;
            hosted.stopped(PluginState.FAILED, step + " failed: "
                    + (cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage()));
        }
    }

    private void seedDemoData(HostedPlugin hosted, VitalsPlugin plugin, PluginContext context) {
        try {
            hosted.call("demo data", () -> {
                plugin.seedDemoData(context);
                return null;
            });
        } catch (PluginFailure e) {
            // Recorded against the plugin; the plugin still serves its real data.
        }
    }

    private synchronized void stop(HostedPlugin hosted, PluginState newState, String why) {
        boolean wasStarted = hosted.isStarted();
        // Marked first: no new request or job enters while the plugin stops, and an Error its stop throws finds it
        // already stopping instead of stopping it again.
        hosted.leaving(newState, why);
        if (wasStarted) {
            try {
                hosted.call("stop", () -> {
                    hosted.instance().orElseThrow().stop();
                    return null;
                });
            } catch (PluginFailure e) {
                // Recorded; stopping goes on regardless.
            }
        }
        hosted.stopped(newState, why);
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
            settings.save(id, enabled, actor, Map.of("enabled", hosted.isStarted(), "state", hosted.state().name()));
            apply(hosted, enabled, settings.get(id).orElseThrow());
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
     * load balancer, an admin's switch reaches all of them.
     */
    public synchronized void reconcile() {
        for (Map.Entry<String, PluginSettingsStore.Setting> e : settings.all().entrySet()) {
            HostedPlugin hosted = plugins.get(e.getKey());
            if (hosted == null || !config.allows(hosted.id())) {
                continue;
            }
            boolean wantStarted = e.getValue().enabled();
            if (wantStarted != hosted.isStarted() && !(wantStarted && hosted.state() == PluginState.FAILED)) {
                apply(hosted, wantStarted, e.getValue());
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

    private PluginConfig pluginConfig(String id) {
        String prefix = VitalsConfig.pluginPrefix(id);
        return key -> Optional.ofNullable(config.environment().get(prefix + key));
    }

    private SignalPublisher publisher(String pluginId) {
        return (subject, kind, status, summary, value, link) -> {
            Signal signal = new Signal(pluginId, subject, kind, status, summary, value, link, clock.instant());
            signalStore.save(signal);
            deliver(signal);
            return signal;
        };
    }

    private void deliver(Signal signal) {
        for (HostedPlugin listener : plugins.values()) {
            if (listener.isStarted() && !listener.id().equals(signal.plugin())) {
                try {
                    listener.call("signal listener", () -> {
                        listener.instance().orElseThrow().onSignal(signal);
                        return null;
                    });
                } catch (PluginFailure e) {
                    // Recorded against the listener; the publisher and other listeners carry on.
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        for (HostedPlugin hosted : plugins.values()) {
            stop(hosted, PluginState.DISABLED, "portal shut down");
        }
    }
}
