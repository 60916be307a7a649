package dev.vitals.core.pluginhost;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitals.api.ApiRoute;
import dev.vitals.api.Job;
import dev.vitals.api.NavEntry;
import dev.vitals.api.PageRoute;
import dev.vitals.api.Panel;
import dev.vitals.api.PluginContext;
import dev.vitals.api.ServiceTab;
import dev.vitals.api.VitalsPlugin;
import dev.vitals.core.pluginhost.PluginStatus.RecordedError;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plugin inside the host: what it declared, its state, and the guard every call into its code goes through.
 */
public final class HostedPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(HostedPlugin.class);

    private final DiscoveredPlugin discovered;
    private final Clock clock;
    private final BrokenPluginHandler broken;
    private Declarations declarations = Declarations.NONE;
    private boolean startable;
    private volatile PluginState state = PluginState.DISABLED;
    private volatile Optional<String> reason = Optional.empty();
    private volatile Optional<RecordedError> lastError = Optional.empty();
    private HikariDataSource pool;
    private PluginContext context;

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

    /** What a plugin declared when it was discovered. */
    record Declarations(List<ApiRoute> apiRoutes, List<PageRoute> pages, List<NavEntry> navigation,
            List<ServiceTab> serviceTabs, List<Panel> teamPanels, List<Panel> programPanels, List<Job> jobs,
            List<String> scopes, List<dev.vitals.api.WebhookRoute> webhooks) {
        static final Declarations NONE = new Declarations(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
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

    public PluginState state() {
        return state;
    }

    public boolean isStarted() {
        return state == PluginState.STARTED;
    }

    public PluginStatus status() {
        return new PluginStatus(id(), discovered.version(), discovered.description(), state, reason, lastError);
    }

    /** Every API-token scope this plugin brings: its defaults, the ones it declares and the ones its routes name. */
    public java.util.Set<String> scopes() {
        return dev.vitals.core.identity.Scopes.ofPlugin(id(), declarations.scopes(), declarations.apiRoutes());
    }

    public List<ApiRoute> apiRoutes() {
        return declarations.apiRoutes();
    }

    /** Routes the plugin authenticates itself, by the caller's signature rather than a portal token. */
    public List<dev.vitals.api.WebhookRoute> webhooks() {
        return declarations.webhooks();
    }

    public List<PageRoute> pages() {
        return declarations.pages();
    }

    public List<NavEntry> navigation() {
        return declarations.navigation();
    }

    public List<ServiceTab> serviceTabs() {
        return declarations.serviceTabs();
    }

    public List<Panel> teamPanels() {
        return declarations.teamPanels();
    }

    public List<Panel> programPanels() {
        return declarations.programPanels();
    }

    public List<Job> jobs() {
        return declarations.jobs();
    }

    DiscoveredPlugin discovered() {
        return discovered;
    }

    Optional<VitalsPlugin> instance() {
        return discovered.instance();
    }

    void declarations(Declarations declared) {
        this.declarations = declared;
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

    void started(HikariDataSource startedPool, PluginContext startedContext) {
        this.pool = startedPool;
        this.context = startedContext;
        this.reason = Optional.empty();
        this.state = PluginState.STARTED;
    }

    Optional<PluginContext> context() {
        return Optional.ofNullable(context);
    }

    /** The plugin is about to stop: it no longer counts as started. */
    void leaving(PluginState newState, String why) {
        this.state = newState;
        this.reason = Optional.ofNullable(why);
    }

    void stopped(PluginState newState, String why) {
        this.state = newState;
        this.reason = Optional.ofNullable(why);
        this.context = null;
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
