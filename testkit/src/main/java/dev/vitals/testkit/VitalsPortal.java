package dev.vitals.testkit;

import com.zaxxer.hikari.HikariDataSource;
import dev.vitals.api.ApiRoute;
import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Signal;
import dev.vitals.api.SignalFilter;
import dev.vitals.api.WebhookRoute;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.config.VitalsConfig;
import dev.vitals.core.database.PluginSchemas;
import dev.vitals.core.jobs.JobScheduler;
import dev.vitals.core.measures.MeasureStore;
import dev.vitals.core.pluginhost.HostedPlugin;
import dev.vitals.core.pluginhost.PluginState;
import dev.vitals.core.pluginhost.PluginStatus;
import dev.vitals.core.testing.MovableClock;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import dev.vitals.web.PortalServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/**
 * One real portal with the plugin under test in it: the host that {@code vitals.jar} runs, on a fresh PostgreSQL
 * database, with the plugin loaded by PF4J from its module's {@code target/classes} in its own class loader. Start it
 * with {@link VitalsPortalExtension}, which gives every test class its own portal and database.
 *
 * <p>People sign in through a trusted proxy on the loopback address, so {@link #viewer()}, {@link #editorOf(String)}
 * and {@link #admin()} are one call each; the plugin sees them as any {@code RequestCaller}. Time is a
 * {@link MovableClock}: what the plugin reads from {@code PluginContext.clock()} moves when the test moves it.
 *
 * @since 2.0.0
 */
public final class VitalsPortal implements AutoCloseable {

    private static final Actor TEST = new Actor("test", Optional.empty());
    private final PortalServer server;
    private final DevelopmentFolder plugins;
    private final String pluginId;
    private final MovableClock clock;

    private VitalsPortal(PortalServer server, DevelopmentFolder plugins, String pluginId, MovableClock clock) {
        this.server = server;
        this.plugins = plugins;
        this.pluginId = pluginId;
        this.clock = clock;
    }

    static VitalsPortal start(VitalsPortalExtension.Settings settings) {
        String pluginId = settings.plugin().pluginId();
        MovableClock clock = new MovableClock();
        DevelopmentFolder folder = DevelopmentFolder.of(settings.modules());
        try {
            Map<String, String> env = new HashMap<>();
            env.put("VITALS_PORT", "0");
            env.put("VITALS_DATA_DIR", Files.createTempDirectory("vitals-testkit-data").toString());
            env.put("VITALS_DEMO", "false");
            env.put("VITALS_AUTH", "proxy");
            env.put("VITALS_PROXY_ADDRESSES", "127.0.0.1,::1");
            env.putAll(settings.environment(pluginId));
            VitalsConfig config = VitalsConfig.fromEnvironment(TestPortal.environment(TestPostgres.freshDatabase(),
                    env));
            // Jobs are polled often so that a test waiting for a run waits little; reconciling and catalog refresh
            // stay out of the way of what the test does.
            PortalServer server = PortalServer.start(config, folder.source(), new Vitals.Options(clock,
                    Duration.ofMillis(200), Duration.ofHours(1), Duration.ofHours(1)));
            VitalsPortal portal = new VitalsPortal(server, folder, pluginId, clock);
            try {
                if (!settings.allowFailedStart() && !portal.pluginIsRunning()) {
                    throw new IllegalStateException("plugin " + pluginId + " did not start: " + portal.pluginState());
                }
                settings.catalog().ifPresent(portal::importCatalog);
                portal.awaitDemoData();
                return portal;
            } catch (RuntimeException | Error e) {
                portal.close();
                throw e;
            }
        } catch (IOException e) {
            folder.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            folder.close();
            throw e;
        }
    }

    /**
     * @return the id of the plugin under test, from its {@code plugin.properties}
     * @since 2.0.0
     */
    public String pluginId() {
        return pluginId;
    }

    /**
     * @param path a path and query, e.g. {@code /p/example/notes}
     * @return the absolute URL on this portal
     * @since 2.0.0
     */
    public URI uri(String path) {
        return URI.create("http://localhost:" + server.port()).resolve(path);
    }

    /**
     * @return true when the plugin under test is started and serving
     * @since 2.0.0
     */
    public boolean pluginIsRunning() {
        return status().state() == PluginState.STARTED;
    }

    /**
     * @return the plugin's state as the admin page shows it, e.g. {@code STARTED}, or {@code FAILED: <reason>}
     * @since 2.0.0
     */
    public String pluginState() {
        PluginStatus status = status();
        return status.state() + status.reason().map(reason -> ": " + reason).orElse("");
    }

    /**
     * @return the API routes the plugin under test declared, as the host mounted them, with their descriptions;
     *     {@link RouteDocs} checks those
     * @since 2.1.0
     */
    public List<ApiRoute> apiRoutes() {
        return hosted().apiRoutes();
    }

    /**
     * @return the webhooks the plugin under test declared, as the host mounted them
     * @since 2.1.0
     */
    public List<WebhookRoute> webhooks() {
        return hosted().webhooks();
    }

    private HostedPlugin hosted() {
        return server.vitals().plugins().plugin(pluginId).orElseThrow(
                () -> new AssertionError("the portal found no plugin " + pluginId + " in " + plugins));
    }

    private PluginStatus status() {
        return hosted().status();
    }

    // People

    /**
     * @param person who calls
     * @return a client calling as that person
     * @since 2.0.0
     */
    public PortalClient as(Person person) {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Forwarded-User", person.name());
        if (!person.groups().isEmpty()) {
            headers.put("X-Forwarded-Groups", String.join(",", person.groups()));
        }
        return new PortalClient(uri("/"), person.name(), headers);
    }

    /**
     * @return Vera, who may read everything and change nothing
     * @since 2.0.0
     */
    public PortalClient viewer() {
        return as(Person.viewer("vera"));
    }

    /**
     * @param team the key of a team in the catalog, e.g. {@code green}
     * @return an editor of that team (named {@code <team>-editor}), who may change what the team owns and nothing
     *     of another team's
     * @since 2.0.0
     */
    public PortalClient editorOf(String team) {
        return as(Person.editorOf(team + "-editor", team));
    }

    /**
     * @return Ada, an administrator of the portal
     * @since 2.0.0
     */
    public PortalClient admin() {
        return as(Person.admin("ada"));
    }

    /**
     * @return a client that signs in as nobody, for what answers without sign-in (webhooks, health)
     * @since 2.0.0
     */
    public PortalClient anonymous() {
        return new PortalClient(uri("/"), "anonymous", Map.of());
    }

    /**
     * Makes an API token, as an admin does on the tokens page, and calls with it, as a CI job or script would.
     *
     * @param name the token's name
     * @param team the key of the team the token edits for, or empty for a token without team
     * @param scopes its scopes, e.g. {@code example:read}, {@code example:write}
     * @return a client calling with the token
     * @throws AssertionError when the portal refuses to make the token, with its reason
     * @since 2.0.0
     */
    public PortalClient withToken(String name, Optional<String> team, List<String> scopes) {
        record NewToken(String name, List<String> scopes, Optional<String> team) {
        }
        String secret = admin().post("/api/admin/tokens", new NewToken(name, scopes, team)).expect(201).json()
                .get("token").asText();
        return new PortalClient(uri("/"), "token:" + name, Map.of("Authorization", "Bearer " + secret));
    }

    // The catalog

    /**
     * Imports a catalog as one source, replacing what that source held before.
     *
     * @param catalog the entities
     * @return how many entities the source holds now
     * @throws AssertionError when the import reports problems
     * @since 2.0.0
     */
    public int importCatalog(TestCatalog catalog) {
        return importYaml("test-catalog", catalog.yaml());
    }

    /**
     * Imports a Backstage catalog file, such as a {@code catalog-info.yaml} kept in the test's resources.
     *
     * @param file a file of one or more YAML documents
     * @return how many entities the source holds now
     * @throws AssertionError when the import reports problems
     * @since 2.0.0
     */
    public int importCatalog(Path file) {
        try {
            return importYaml(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports a Backstage catalog file from the test's class path.
     *
     * @param resource the resource's path, e.g. {@code catalog/two-teams.yaml}
     * @return how many entities the source holds now
     * @throws AssertionError when the import reports problems or the resource is missing
     * @since 2.0.0
     */
    public int importCatalogResource(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no resource " + path + " on the test class path");
            }
            return importYaml(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int importYaml(String source, String yaml) {
        var report = server.vitals().catalogSources().importText(source, yaml, TEST);
        if (!report.applied()) {
            throw new AssertionError(report.summary() + ": " + report.problems());
        }
        return report.entities();
    }

    // Time

    /**
     * @return the portal's clock, which plugins read through their context
     * @since 2.0.0
     */
    public MovableClock clock() {
        return clock;
    }

    /**
     * Moves the portal's time on, to see what the plugin does once that much time has passed.
     *
     * @param by how far
     * @since 2.0.0
     */
    public void moveClockOn(Duration by) {
        clock.moveOn(by);
    }

    // What the plugin published

    /**
     * @param filter which signals; {@code SignalFilter.any().plugin(portal.pluginId())} for the plugin's own
     * @return the latest signal of every (plugin, subject, kind) the filter matches
     * @since 2.0.0
     */
    public List<Signal> latestSignals(SignalFilter filter) {
        return server.vitals().signals().latest(filter);
    }

    /**
     * @param filter which signals
     * @param from the earliest observation time, inclusive
     * @param to the latest observation time, exclusive
     * @return the matching signals published in the period, the newest first (at most 1000)
     * @since 2.0.0
     */
    public List<Signal> signalHistory(SignalFilter filter, Instant from, Instant to) {
        return server.vitals().signals().history(filter, from, to, 1000);
    }

    /**
     * @param name the measure, e.g. {@code example.notes}
     * @param entity the entity
     * @param from the first day
     * @param to the last day, inclusive
     * @return the stored values in day order, as any plugin reads them; days without a value are absent
     * @since 2.0.0
     */
    public List<MeasurePoint> measures(String name, EntityRef entity, LocalDate from, LocalDate to) {
        return new MeasureStore(jdbi(), clock).read(name, entity, from, to);
    }

    /**
     * Waits for the latest signals to satisfy a condition, as plugins often publish after they answered.
     *
     * @param filter which signals
     * @param done the condition
     * @return the latest matching signals once they satisfy it
     * @throws AssertionError when they do not within ten seconds, listing what there was
     * @since 2.0.0
     */
    public List<Signal> awaitSignals(SignalFilter filter, Predicate<List<Signal>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Signal> latest = latestSignals(filter);
        while (!done.test(latest)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the signals never got there within 10 s; the latest were " + latest);
            }
            pause();
            latest = latestSignals(filter);
        }
        return latest;
    }

    /**
     * Waits until the demo data is seeded. A portal started with {@code VITALS_DEMO=true} answers at once and seeds
     * the demo catalog and every plugin's demo data in the background; the extension waits for it before the first
     * test, so call this only after starting another plugin with demo data, or to be explicit.
     *
     * @throws AssertionError when some is still to come after two minutes, naming what
     * @since 2.1.0
     */
    public void awaitDemoData() {
        TestPortal.awaitDemoData(server.vitals());
    }

    /**
     * Waits until one of the plugin's jobs has run once since the portal started. Jobs start on the wall clock right
     * after the portal does; a test that stores data a job would change waits for the first run so as not to race it.
     *
     * @param job the job's name, as the plugin declares it
     * @throws AssertionError when it has not run within 30 seconds of the portal's start
     * @since 2.0.0
     */
    public void awaitJobRun(String job) {
        TestPortal.awaitFirstRun(server.vitals(), pluginId, job);
    }

    // The database

    /**
     * The portal's own database access, which sees every schema: for a look at what the plugin stored
     * ({@code SELECT count(*) FROM <pluginId>.<table>}). The plugin itself never gets this; it sees only its schema.
     *
     * @return Jdbi on the portal's database
     * @since 2.0.0
     */
    public Jdbi jdbi() {
        return server.vitals().database().jdbi();
    }

    /**
     * Stops the portal and removes what it laid out for the plugin; the test database is left to the test server.
     *
     * @since 2.0.0
     */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                plugins.close();
            } finally {
                closePluginJdbi();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    /**
     * Runs one of the plugin's jobs now instead of at its next turn, and waits until that run has finished: for a
     * test that stored what the job works on after the portal started, and would otherwise wait the job's interval.
     * A run already under way is let finish first, so the run waited for starts after this call.
     *
     * @param job the job's name, as the plugin declares it
     * @throws AssertionError when the plugin has no such job, when the run fails, or when it has not finished within
     *     30 seconds
     * @since 2.0.0
     */
    public void runJob(String job) {
        awaitJobRun(job);
        String task = JobScheduler.taskName(pluginId, job);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // The scheduler runs a task whose execution time has come at its next poll; a picked task is running, so its
        // time is left to the scheduler and asked for again once the run is over.
        Optional<Instant> before = Optional.empty();
        while (before.isEmpty()) {
            before = jdbi().withHandle(h -> h.createQuery("""
                    UPDATE core.scheduled_tasks SET execution_time = now()
                    WHERE task_name = :task AND NOT picked RETURNING last_success""")
                    .bind("task", task).mapTo(Instant.class).findOne());
            if (before.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("job " + task + " was still running after 30 s");
                }
                pause();
            }
        }
        Instant since = before.get();
        while (true) {
            JobRun run = jdbi().withHandle(h -> h.createQuery("""
                    SELECT last_success > :since AS succeeded, coalesce(last_failure > :since, false) AS failed
                    FROM core.scheduled_tasks WHERE task_name = :task""")
                    .bind("task", task).bind("since", since)
                    .map((rs, ctx) -> new JobRun(rs.getBoolean("succeeded"), rs.getBoolean("failed"))).one());
            if (run.failed()) {
                throw new AssertionError("job " + task + " failed; the portal's log says why");
            }
            if (run.succeeded()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + task + " did not run within 30 s of being asked to");
            }
            pause();
        }
    }

    /** How a job's run asked for by {@link #runJob(String)} went, so far. */
    private record JobRun(boolean succeeded, boolean failed) {
    }

    // The plugin's own view of the database

    /** Opened on first use, closed with the portal. */
    private final AtomicReference<HikariDataSource> pluginPool = new AtomicReference<>();

    /**
     * The database as the plugin sees it: logged in as the plugin's own role, whose search path is the plugin's
     * schema, so that the plugin's tables are named without schema ({@code SELECT count(*) FROM <table>}) and a test
     * can build the plugin's own stores on it, as the plugin builds them on {@code PluginContext.jdbi()}.
     *
     * @return Jdbi on the plugin's schema, open until the portal closes
     * @since 2.0.0
     */
    public synchronized Jdbi pluginJdbi() {
        if (pluginPool.get() == null) {
            pluginPool.set(new PluginSchemas(server.vitals().database()).openPool(pluginId, 2));
        }
        return PluginSchemas.jdbi(pluginPool.get());
    }

    private void closePluginJdbi() {
        HikariDataSource pool = pluginPool.getAndSet(null);
        if (pool != null) {
            pool.close();
        }
    }
}
