package dev.vitals.core;

import dev.vitals.core.audit.AuditLog;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.Database;
import dev.vitals.core.database.DatabaseSettings;
import dev.vitals.core.database.EmbeddedPostgresServer;
import dev.vitals.core.identity.Identity;
import dev.vitals.core.identity.TeamOwnership;
import dev.vitals.core.jobs.JobScheduler;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.signals.SignalStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
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
    private final Identity identity;
    private final JobScheduler jobs;
    private final ScheduledExecutorService reconciler;

    private Vitals(VitalsConfig config, Optional<EmbeddedPostgresServer> embedded, Database database, AuditLog audit,
            SignalStore signals, PluginHost plugins, Identity identity, JobScheduler jobs,
            ScheduledExecutorService reconciler) {
        this.config = config;
        this.embedded = embedded;
        this.database = database;
        this.audit = audit;
        this.signals = signals;
        this.plugins = plugins;
        this.identity = identity;
        this.jobs = jobs;
        this.reconciler = reconciler;
    }

    /** Options that tests and the command line set; production uses {@link #defaults()}. */
    public record Options(Clock clock, Duration jobPollingInterval, Duration reconcileInterval) {
        public static Options defaults() {
            return new Options(Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(15));
        }
    }

    public static Vitals start(VitalsConfig config, PluginSource source, MeterRegistry meters, Options options) {
        Optional<EmbeddedPostgresServer> embedded = config.database().isPresent()
                ? Optional.empty()
                : Optional.of(EmbeddedPostgresServer.start(config.dataDir().resolve("postgres")));
        DatabaseSettings settings = config.database().orElseGet(() -> embedded.orElseThrow().settings());
        Database database = null;
        try {
            database = Database.connect(settings, meters);
            database.migrate();
            AuditLog audit = new AuditLog(database.jdbi(), options.clock());
            SignalStore signals = new SignalStore(database.jdbi());
            PluginHost plugins = new PluginHost(config, database, signals, audit, options.clock());
            plugins.load(source.discover());
            config.rejectUnknownVariables(plugins.pluginIds());
            plugins.startAll();
            // Team ownership is unknown until the catalog answers it: then only admins and all-team tokens edit.
            Identity identity = Identity.create(config.identity(), database.jdbi(), audit, options.clock(),
                    TeamOwnership.UNKNOWN);
            JobScheduler jobs = JobScheduler.start(database.dataSource(), plugins.plugins(),
                    options.jobPollingInterval(), ManagementFactory.getRuntimeMXBean().getName());
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
            return new Vitals(config, embedded, database, audit, signals, plugins, identity, jobs, reconciler);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw e;
        }
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

    public Identity identity() {
        return identity;
    }

    public boolean isReady() {
        return database.isReady();
    }

    @Override
    public void close() {
        reconciler.shutdownNow();
        jobs.close();
        plugins.close();
        database.close();
        embedded.ifPresent(EmbeddedPostgresServer::close);
    }
}
