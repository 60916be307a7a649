package dev.vitals.core.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * The host's own connection pool and its schema {@code core}. Plugins never get this pool: each has its own
 * (see {@link PluginSchemas}).
 */
public final class Database implements AutoCloseable {

    static final String CORE_SCHEMA = "core";

    /** Held while core migrates, so that portals starting at the same moment migrate one after the other. */
    private static final String MIGRATION_LOCK = "SELECT pg_advisory_lock(hashtext('vitals-core-migration'))";

    private final DatabaseSettings settings;
    private final DatabaseTimeouts timeouts;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final MeterRegistry meterRegistry;
    private volatile boolean migrated;

    private Database(DatabaseSettings settings, DatabaseTimeouts timeouts, HikariDataSource dataSource,
            MeterRegistry meterRegistry) {
        this.settings = settings;
        this.timeouts = timeouts;
        this.dataSource = dataSource;
        this.meterRegistry = meterRegistry;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    public static Database connect(DatabaseSettings settings, MeterRegistry meterRegistry) {
        return connect(settings, DatabaseTimeouts.DEFAULT, meterRegistry);
    }

    public static Database connect(DatabaseSettings settings, DatabaseTimeouts timeouts, MeterRegistry meterRegistry) {
        HikariConfig config = poolConfig("vitals-core", settings.url(), settings.user(), settings.password(), 16,
                timeouts);
        config.setMetricRegistry(meterRegistry);
        return new Database(settings, timeouts, new HikariDataSource(config), meterRegistry);
    }

    static HikariConfig poolConfig(String name, String url, String user, String password, int size,
            DatabaseTimeouts timeouts) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        // A request waiting longer than this for a connection is failing anyway; answer it instead of piling up.
        long connectMillis = timeouts.connect().toMillis();
        config.setConnectionTimeout(Math.max(250, connectMillis));
        // Hikari tests a connection before handing it out, and that test must end well before the wait above does.
        // By default it skips the test for a connection used in the last 500 ms; the portal's own background work
        // (jobs, the plugin reconciler) keeps connections that fresh, so after the server silently vanished a request
        // would get one and wait out the socket timeout. Tested every time, it gets a 503 within the connect timeout.
        config.setValidationTimeout(Math.min(1_000, Math.max(250, connectMillis / 2)));
        System.getProperties().putIfAbsent("com.zaxxer.hikari.aliveBypassWindowMs", "0");
        config.setInitializationFailTimeout(30_000);
        // Driver properties, for pooled connections only: migrations connect without them (see migrationSource).
        // Strings, all of them: the driver reads java.util.Properties with getProperty, which ignores anything else.
        String connectSeconds = String.valueOf(Math.max(1, timeouts.connect().toSeconds()));
        config.addDataSourceProperty("connectTimeout", connectSeconds);
        config.addDataSourceProperty("loginTimeout", connectSeconds);
        config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, timeouts.socket().toSeconds())));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // A portal whose host died without closing its sockets leaves its open transactions, and the rows they
        // locked, on the server until TCP keepalive gives up on it (hours, by the kernel's default). The server ends
        // such a session itself after ten statement timeouts idle inside a transaction; no work of the portal's waits
        // that long between two statements of one transaction.
        config.addDataSourceProperty("options", "-c statement_timeout=" + timeouts.statement().toMillis()
                + " -c idle_in_transaction_session_timeout=" + timeouts.statement().multipliedBy(10).toMillis());
        return config;
    }

    /**
     * Creates schema {@code core} and brings it to the latest version. Also takes {@code CREATE} on schema
     * {@code public} away from everyone (PostgreSQL 14 still grants it by default), so no plugin role can put objects
     * there.
     */
    public void migrate() {
        // Portals started together would otherwise race: two GRANT/REVOKE on one schema fail with "tuple concurrently
        // updated", and Flyway's own lock is only taken once the schema and its history table exist. The lock is
        // held on a connection outside the pool, free of its statement and socket timeouts: another instance's
        // migration may rightly take longer than those to finish.
        DataSource migrations = migrationSource(settings.url(), settings.user(), settings.password());
        // The connection is not pooled: closing it at the end releases the lock, whatever happened.
        Jdbi.create(migrations).useHandle(lockHolder -> {
            lockHolder.execute(MIGRATION_LOCK);
            revokeCreateOnPublic(lockHolder);
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(migrations)
                    .schemas(CORE_SCHEMA)
                    .createSchemas(true)
                    .locations("classpath:db/migration/core")
                    .load()
                    .migrate();
            lockHolder.execute("REVOKE ALL ON SCHEMA core FROM PUBLIC");
        });
        migrated = true;
    }

    /**
     * Connections for Flyway, without the pool's statement timeout: a migration that builds an index over a large
     * table may rightly run for minutes, and the pool's connections must not keep a setting changed for it.
     */
    static DataSource migrationSource(String url, String user, String password) {
        org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        source.setTcpKeepAlive(true);
        return source;
    }

    private static void revokeCreateOnPublic(org.jdbi.v3.core.Handle h) {
        try {
            h.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        } catch (RuntimeException e) {
            // Only the owner of schema public may revoke; PostgreSQL 15+ has revoked it already by default.
            org.slf4j.LoggerFactory.getLogger(Database.class).warn(
                    "Could not revoke CREATE on schema public from PUBLIC ({}); on PostgreSQL 14 ask the database "
                            + "owner to run: REVOKE CREATE ON SCHEMA public FROM PUBLIC", e.getMessage());
        }
    }

    /** True when the database answers a query and the core schema is migrated. */
    public boolean isReady() {
        if (!migrated) {
            return false;
        }
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public DatabaseTimeouts timeouts() {
        return timeouts;
    }

    MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
