package dev.vitals.core.pluginhost;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginDependency;
import dev.vitals.api.RunningPlugin;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.Setting;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.api.WebhookRoute;
import dev.vitals.core.identity.Scopes;
import dev.vitals.core.pluginhost.PluginStatus.RecordedError;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plugin inside the host: what its factory declared, what the factory built while it is started, its state,
 * and the guard every call into its code goes through.
 */
public final class HostedPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(HostedPlugin.class);

    private final DiscoveredPlugin discovered;
    private final Clock clock;
    private final BrokenPluginHandler broken;
    private Discovery discovery = Discovery.NONE;
    private boolean startable;
    private volatile boolean startFailedWithTheDatabaseAway;
    private volatile PluginState state = PluginState.DISABLED;
    private volatile Optional<String> reason = Optional.empty();
    private volatile Optional<RecordedError> lastError = Optional.empty();
    private volatile Optional<Running> running = Optional.empty();
    private volatile List<SettingView> settingViews = List.of();
    private volatile Supplier<List<DependencyView>> dependencyViews = List::of;
    private HikariDataSource pool;

    HostedPlugin(DiscoveredPlugin discovered, Clock clock, BrokenPluginHandler broken) {
        this.discovered = discovered;
        this.clock = clock;
        this.broken = broken;
    }

    /** What the host does with a plugin whose code threw an {@link Error}: stop it and mark it failed. */
    @FunctionalInterface
    interface BrokenPluginHandler {
        void broken(HostedPlugin plugin, String reason);
    }

    /** What the plugin's factory says of it at discovery, before anything runs. */
    record Discovery(List<Setting<?>> settings, List<PluginDependency> dependencies, List<String> scopes) {
        static final Discovery NONE = new Discovery(List.of(), List.of(), List.of());
    }

    /** What a running plugin declared, read once right after its factory built it. */
    record Declarations(List<ApiRoute> apiRoutes, List<WebhookRoute> webhooks, List<PageRoute> pages,
            List<NavEntry> navigation, List<ServiceTab> serviceTabs, List<Panel> teamPanels, List<Panel> programPanels,
            List<Job> jobs) {

        static Declarations of(RunningPlugin p) {
            return new Declarations(List.copyOf(p.apiRoutes()), List.copyOf(p.webhooks()), List.copyOf(p.pages()),
                    List.copyOf(p.navigation()), List.copyOf(p.serviceTabs()), List.copyOf(p.teamPanels()),
                    List.copyOf(p.programPanels()), List.copyOf(p.jobs()));
        }

        /**
         * These declarations as a running plugin whose lists are the ones read once, for host code (the route check)
         * that must not call into the plugin again; its other methods do nothing.
         */
        RunningPlugin asRunningPlugin() {
            Declarations d = this;
            return new RunningPlugin() {
                @Override
                public List<ApiRoute> apiRoutes() {
                    return d.apiRoutes();
                }

                @Override
                public List<WebhookRoute> webhooks() {
                    return d.webhooks();
                }

                @Override
                public List<PageRoute> pages() {
                    return d.pages();
                }

                @Override
                public List<NavEntry> navigation() {
                    return d.navigation();
                }

                @Override
                public List<ServiceTab> serviceTabs() {
                    return d.serviceTabs();
                }

                @Override
                public List<Panel> teamPanels() {
                    return d.teamPanels();
                }

                @Override
                public List<Panel> programPanels() {
                    return d.programPanels();
                }

                @Override
                public List<Job> jobs() {
                    return d.jobs();
                }
            };
        }
    }

    /** A started plugin: what its factory built and what that declared. */
    record Running(RunningPlugin plugin, Declarations declarations) {
    }

    /** Code that runs inside a plugin. */
    @FunctionalInterface
    public interface PluginCode<T> {
        T run() throws Exception;
    }

    /**
     * Runs plugin code with the plugin's class loader as context class loader, so libraries that look things up
     * through it (ServiceLoader, Jackson modules, jte) find the plugin's classes. What the code throws is recorded
     * against this plugin and rethrown wrapped, for the caller to contain.
     *
     * <p>An exception is a failed call: the plugin goes on serving. An {@link Error} (a stack overflow from runaway
     * recursion, a class missing from the jar, a failed assertion) means the plugin's own code is broken and may have
     * left its state half changed, so the plugin is also stopped and marked {@code FAILED}. A stack overflow is
     * contained like the others: by the time it reaches here the stack has unwound and the thread is sound. The other
     * {@link VirtualMachineError}s (out of memory, an internal JVM error) are about the whole process, not this
     * plugin, and are left to end it.
     */
    public <T> T call(String during, PluginCode<T> code) throws PluginFailure {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(discovered.classLoader());
        try {
            return code.run();
        } catch (Exception e) {
            throw recorded(during, e);
        } catch (StackOverflowError | LinkageError e) {
            throw brokenBy(during, e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            throw brokenBy(during, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Records a fault the host saw around the plugin's code rather than thrown by it, such as a job run past its time
     * limit; with {@code broken}, the plugin is also stopped and marked {@code FAILED} with that reason.
     */
    public void fault(String during, String message, boolean broken) {
        lastError = Optional.of(new RecordedError(clock.instant(), during, message));
        LOG.warn("Plugin {}: {} {}", id(), during, message);
        if (broken) {
            this.broken.broken(this, during + " " + message);
        }
    }

    private PluginFailure recorded(String during, Throwable e) {
        lastError = Optional.of(new RecordedError(clock.instant(), during, String.valueOf(e)));
        LOG.warn("Plugin {} failed during {}", id(), during, e);
        return new PluginFailure(id(), during, e);
    }

    private PluginFailure brokenBy(String during, Error e) {
        PluginFailure failure = recorded(during, e);
        broken.broken(this, during + " threw " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        return failure;
    }

    public String id() {
        return discovered.id();
    }

    /** How pages and the API description name the plugin to people: its declared name, else its id. */
    public String displayName() {
        return factory().flatMap(VitalsPlugin::displayName).orElse(id());
    }

    public PluginState state() {
        return state;
    }

    public boolean isStarted() {
        return state == PluginState.STARTED;
    }

    public PluginStatus status() {
        return new PluginStatus(id(), discovered.version(), discovered.description(), state, reason, lastError,
                settingViews, dependencyViews.get());
    }

    /** Every API-token scope this plugin brings: its defaults, the ones it declares and the ones its routes name. */
    public Set<String> scopes() {
        return Scopes.ofPlugin(id(), discovery.scopes(), apiRoutes());
    }

    /** What its factory built, while it is started. */
    public Optional<RunningPlugin> running() {
        return whileStarted().map(Running::plugin);
    }

    /** The settings it declares, known from discovery on. */
    public List<Setting<?>> settings() {
        return discovery.settings();
    }

    /** The plugins it needs or can use, known from discovery on. */
    public List<PluginDependency> dependencies() {
        return discovery.dependencies();
    }

    public List<ApiRoute> apiRoutes() {
        return declared(Declarations::apiRoutes);
    }

    /** Routes the plugin authenticates itself, by the caller's signature rather than a portal token. */
    public List<WebhookRoute> webhooks() {
        return declared(Declarations::webhooks);
    }

    public List<PageRoute> pages() {
        return declared(Declarations::pages);
    }

    public List<NavEntry> navigation() {
        return declared(Declarations::navigation);
    }

    public List<ServiceTab> serviceTabs() {
        return declared(Declarations::serviceTabs);
    }

    public List<Panel> teamPanels() {
        return declared(Declarations::teamPanels);
    }

    public List<Panel> programPanels() {
        return declared(Declarations::programPanels);
    }

    public List<Job> jobs() {
        return declared(Declarations::jobs);
    }

    private <T> List<T> declared(Function<Declarations, List<T>> which) {
        return whileStarted().map(r -> which.apply(r.declarations())).orElse(List.of());
    }

    /** The running plugin while started; empty while it starts, stops or is stopped. */
    private Optional<Running> whileStarted() {
        Optional<Running> current = running;
        return state == PluginState.STARTED ? current : Optional.empty();
    }

    DiscoveredPlugin discovered() {
        return discovered;
    }

    Optional<VitalsPlugin> factory() {
        return discovered.factory();
    }

    void discovery(Discovery found) {
        this.discovery = found;
        this.startable = true;
    }

    /** False for a plugin refused at discovery (bad id, incompatible API, broken declarations): it never starts. */
    boolean startable() {
        return startable;
    }

    /** The plugin can never start in this process, as when its routes could not be mounted. */
    void refuse() {
        this.startable = false;
    }

    void settingViews(List<SettingView> views) {
        this.settingViews = List.copyOf(views);
    }

    void dependencyViews(Supplier<List<DependencyView>> views) {
        this.dependencyViews = views;
    }

    /** Its factory built it; it is not started until {@link #markStarted} marks it. */
    void built(RunningPlugin plugin, Declarations declarations) {
        this.running = Optional.of(new Running(plugin, declarations));
    }

    /** The running plugin whatever the state, for the host to stop it. */
    Optional<RunningPlugin> built() {
        return running.map(Running::plugin);
    }

    /**
     * Its last start failed only because the database was away (stopped, restarting, unreachable): nothing is wrong
     * with the plugin, so the host starts it again once the database answers instead of leaving it failed.
     */
    boolean startFailedWithTheDatabaseAway() {
        return startFailedWithTheDatabaseAway;
    }

    void startFailed(String why, boolean databaseAway) {
        // The cause first: the reconciler that sees FAILED then reads why it failed, not the last start's.
        this.startFailedWithTheDatabaseAway = databaseAway;
        stopped(PluginState.FAILED, why);
    }

    void markStarted() {
        this.startFailedWithTheDatabaseAway = false;
        this.reason = Optional.empty();
        this.state = PluginState.STARTED;
    }

    /** The plugin is about to stop: it no longer counts as started. */
    void leaving(PluginState newState, String why) {
        this.state = newState;
        this.reason = Optional.ofNullable(why);
    }

    void stopped(PluginState newState, String why) {
        this.state = newState;
        this.reason = Optional.ofNullable(why);
        this.running = Optional.empty();
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    /** Set when start fails midway, so the pool can still be closed. */
    void pool(HikariDataSource openedPool) {
        this.pool = openedPool;
    }
}
