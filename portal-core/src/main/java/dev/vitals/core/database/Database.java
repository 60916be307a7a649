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

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final MeterRegistry meterRegistry;
    private volatile boolean migrated;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, MeterRegistry meterRegistry) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.meterRegistry = meterRegistry;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    public static Database connect(DatabaseSettings settings, MeterRegistry meterRegistry) {
        HikariConfig config = poolConfig("vitals-core", settings.url(), settings.user(), settings.password(), 16);
        config.setMetricRegistry(meterRegistry);
        return new Database(settings, new HikariDataSource(config), meterRegistry);
    }

    static HikariConfig poolConfig(String name, String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        // A request waiting longer than this for a connection is failing anyway; answer it instead of piling up.
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(30_000);
        return config;
    }

    /**
     * Creates schema {@code core} and brings it to the latest version. Also takes {@code CREATE} on schema
     * {@code public} away from everyone (PostgreSQL 14 still grants it by default), so no plugin role can put objects
     * there.
     */
    public void migrate() {
        revokeCreateOnPublic();
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(CORE_SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration/core")
                .load()
                .migrate();
        jdbi.useHandle(h -> h.execute("REVOKE ALL ON SCHEMA core FROM PUBLIC"));
        migrated = true;
    }

    private void revokeCreateOnPublic() {
        try {
            jdbi.useHandle(h -> h.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC"));
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

    MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
