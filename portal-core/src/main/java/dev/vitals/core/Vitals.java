package dev.vitals.core;

import dev.vitals.api.Job;
import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.catalog.Catalog;
import dev.vitals.core.catalog.CatalogEditor;
import dev.vitals.core.catalog.CatalogAllowedHosts;
import dev.vitals.core.catalog.CatalogImporter;
import dev.vitals.core.catalog.CatalogSources;
import dev.vitals.core.catalog.CatalogTombstones;
import dev.vitals.core.catalog.DemoCatalog;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.Database;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.database.EmbeddedPostgresServer;
import dev.vitals.core.identity.Identity;
import dev.vitals.core.jobs.JobScheduler;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.pluginhost.RouteCheck;
import dev.vitals.core.signals.SignalStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The running host without its web face: database, plugins, signals, audit and jobs, started in order and closed in
 * reverse.
 */
public final class Vitals implements AutoCloseable {

    private final VitalsConfig config;
    private final Optional<EmbeddedPostgresServer> embedded;
    private final Database database;
    private final AuditLog audit;
    private final SignalStore signals;
    private final PluginHost plugins;
    private final Catalog catalog;
    private final CatalogSources catalogSources;
    private final Identity identity;
    private final Optional<JobScheduler> jobs;
    private final Optional<ScheduledExecutorService> reconciler;
    private final Clock clock;

    private Vitals(VitalsConfig config, Optional<EmbeddedPostgresServer> embedded, Database database, AuditLog audit,
            SignalStore signals, PluginHost plugins, Catalog catalog, CatalogSources catalogSources, Identity identity,
            Optional<JobScheduler> jobs, Optional<ScheduledExecutorService> reconciler, Options options) {
        this.config = config;
        this.embedded = embedded;
        this.database = database;
        this.audit = audit;
        this.signals = signals;
        this.plugins = plugins;
        this.catalog = catalog;
        this.catalogSources = catalogSources;
        this.identity = identity;
        this.jobs = jobs;
        this.reconciler = reconciler;
        this.clock = options.clock();
    }

    /** Options that tests and the command line set; production uses {@link #defaults()}. */
    public record Options(Clock clock, Duration jobPollingInterval, Duration reconcileInterval,
            Duration catalogRefreshInterval) {
        public static Options defaults() {
            return new Options(Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMinutes(15));
        }
    }

    public static Vitals start(VitalsConfig config, PluginSource source, MeterRegistry meters, Options options) {
        return start(config, Optional.of(source), meters, options, RouteCheck.NONE);
    }

    /**
     * Starts with a check of each plugin's routes that runs at every plugin start, before the plugin counts as
     * started: the web face passes the one that mounts them.
     */
    public static Vitals start(VitalsConfig config, PluginSource source, MeterRegistry meters, Options options,
            RouteCheck routeCheck) {
        return start(config, Optional.of(source), meters, options, routeCheck);
    }

    /**
     * The database and catalog only: no plugin is started and no job runs. For one-off commands such as
     * {@code import catalog}.
     */
    public static Vitals startWithoutPlugins(VitalsConfig config, MeterRegistry meters, Options options) {
        return start(config, Optional.empty(), meters, options, RouteCheck.NONE);
    }

    private static Vitals start(VitalsConfig config, Optional<PluginSource> source, MeterRegistry meters,
            Options options, RouteCheck routeCheck) {
        Optional<EmbeddedPostgresServer> embedded = config.database().isPresent()
                ? Optional.empty()
                : Optional.of(EmbeddedPostgresServer.start(config.dataDir().resolve("postgres")));
        DatabaseSettings settings = config.database().orElseGet(() -> embedded.orElseThrow().settings());
        Database database = null;
        try {
            database = Database.connect(settings, config.databaseTimeouts(), meters);
            database.migrate();
            AuditLog audit = new AuditLog(database.jdbi(), options.clock());
            SignalStore signals = new SignalStore(database.jdbi());
            Catalog catalog = new Catalog(database.jdbi());
            CatalogSources catalogSources = new CatalogSources(database.jdbi(),
                    new CatalogImporter(database.jdbi(), audit, options.clock()),
                    new CatalogAllowedHosts(database.jdbi(), audit, options.clock()));
            PluginHost plugins = new PluginHost(config, database, signals, audit, options.clock());
            plugins.routeCheck(routeCheck);
            Identity identity = Identity.create(config.identity(), database.jdbi(), audit, options.clock(),
                    catalog::ownerOf);
            if (source.isEmpty()) {
                return new Vitals(config, embedded, database, audit, signals, plugins, catalog, catalogSources,
                        identity, Optional.empty(), Optional.empty(), options);
            }
            plugins.load(source.get().discover());
            config.rejectUnknownVariables(plugins.pluginIds());
            // The catalog is demo data too: seeded after the portal listens, first, as the plugins' demo builds on it.
            plugins.addDemoStep("catalog", () -> DemoCatalog.seed(catalogSources));
            plugins.startAll();
            CatalogTombstones tombstones = new CatalogTombstones(database.jdbi());
            List<Job> hostJobs = List.of(
                    new Job("catalog-refresh", options.catalogRefreshInterval(), catalogSources::refreshAll),
                    new Job("catalog-tombstones-prune", Duration.ofHours(1),
                            () -> tombstones.prune(CatalogTombstones.KEPT)));
            JobScheduler jobs = JobScheduler.start(database.dataSource(), plugins, hostJobs,
                    options.jobPollingInterval(), config.jobTakeover(),
                    ManagementFactory.getRuntimeMXBean().getName());
            ScheduledExecutorService reconciler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vitals-plugin-reconciler");
                t.setDaemon(true);
                return t;
            });
            long every = options.reconcileInterval().toMillis();
            reconciler.scheduleWithFixedDelay(() -> {
                try {
                    plugins.reconcile();
                } catch (RuntimeException e) {
                    // A scheduled task that throws is never run again; the database may just be restarting.
                    LoggerFactory.getLogger(Vitals.class).warn("Could not reconcile plugin states: {}", e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
            return new Vitals(config, embedded, database, audit, signals, plugins, catalog, catalogSources, identity,
                    Optional.of(jobs), Optional.of(reconciler), options);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
    }

    public Clock clock() {
        return clock;
    }

    public VitalsConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public AuditLog audit() {
        return audit;
    }

    public SignalStore signals() {
        return signals;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public Catalog catalog() {
        return catalog;
    }

    public CatalogEditor catalogEditor() {
        return new CatalogEditor(database.jdbi(), catalog, audit, clock);
    }

    public CatalogSources catalogSources() {
        return catalogSources;
    }

    public Identity identity() {
        return identity;
    }

    public boolean isReady() {
        return database.isReady();
    }

    /**
     * The portal serves: with {@code --demo}, the demo catalog and the plugins' demo data are seeded from now on, in
     * the background ({@link PluginHost#demoProgress()} says what is still to come). Without it, nothing happens.
     */
    public void serving() {
        plugins.beginDemoData();
    }

    @Override
    public void close() {
        reconciler.ifPresent(ScheduledExecutorService::shutdownNow);
        jobs.ifPresent(JobScheduler::close);
        plugins.close();
        database.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }
}
