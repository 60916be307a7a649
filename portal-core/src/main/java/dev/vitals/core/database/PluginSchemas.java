package dev.vitals.core.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * Gives each plugin its own schema, login role and connection pool, and runs its migrations as that role.
 *
 * <p>Role {@code vitals_<id>} gets {@code USAGE} and {@code CREATE} on schema {@code <id>} and nothing else: it cannot
 * see {@code core} or another plugin's schema. The schema itself stays owned by the host, which is what lets a host
 * with only {@code CREATEROLE} (not superuser) set it up on PostgreSQL 16+, where a role's creator is not a member of
 * it. The role's password is derived from a secret kept in {@code core}, so every portal instance on one database
 * computes the same one and never locks the others out.
 */
public final class PluginSchemas {

    private static final String HISTORY_TABLE = "flyway_schema_history";
    private final Database database;

    public PluginSchemas(Database database) {
        this.database = database;
    }

    public static String roleName(String pluginId) {
        return "vitals_" + pluginId;
    }

    /**
     * Creates the plugin's role and schema, or brings existing ones back in line. Idempotent, and safe with several
     * instances starting at once.
     *
     * <p>An existing role is only given what a role with {@code CREATEROLE} but no superuser may change on a role it
     * made: its password and its {@code search_path}. Naming any other attribute, even one it already has
     * ({@code NOSUPERUSER}), is refused on PostgreSQL 14 to 17.
     */
    public void provision(String pluginId) {
        String role = roleName(pluginId);
        String password = password(role);
        try {
            provision(pluginId, role, password);
        } catch (RuntimeException e) {
            if (!createdMeanwhile(e)) {
                throw e;
            }
            // Another database on the same server made the role between our look and our CREATE (the lock below is
            // per database, roles are per server): once more, now finding it.
            provision(pluginId, role, password);
        }
    }

    private void provision(String pluginId, String role, String password) {
        database.jdbi().useTransaction(h -> {
            // Serialises provisioning across portal instances on this database: CREATE ROLE has no IF NOT EXISTS,
            // and concurrent GRANTs on one schema fail with "tuple concurrently updated". Each statement below reads
            // a fresh snapshot, so it sees what the instance that held the lock before has committed.
            h.execute("SELECT pg_advisory_xact_lock(hashtext('vitals-plugin-provisioning'))");
            boolean exists = h.createQuery("SELECT count(*) > 0 FROM pg_roles WHERE rolname = :r")
                    .bind("r", role).mapTo(Boolean.class).one();
            if (exists) {
                h.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
            } else {
                h.execute("CREATE ROLE " + role
                        + " LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            }
            h.execute("CREATE SCHEMA IF NOT EXISTS " + pluginId);
            h.execute("REVOKE ALL ON SCHEMA " + pluginId + " FROM PUBLIC");
            h.execute("GRANT USAGE, CREATE ON SCHEMA " + pluginId + " TO " + role);
            h.execute("ALTER ROLE " + role + " SET search_path = " + pluginId);
        });
    }

    /** duplicate_object, or the unique index of pg_authid when two CREATE ROLEs pass each other. */
    private static boolean createdMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("42710".equals(sql.getSQLState()) || "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A pool that logs in as the plugin's role. Small on purpose: a plugin that holds all of its connections waits
     * on itself and slows nobody else.
     */
    public HikariDataSource openPool(String pluginId, int size) {
        String role = roleName(pluginId);
        HikariConfig config = Database.poolConfig("vitals-" + pluginId, withSchema(database.settings().url(), pluginId),
                role, password(role), size, database.timeouts());
        config.setMinimumIdle(0);
        config.setMetricRegistry(database.meterRegistry());
        return new HikariDataSource(config);
    }

    public static Jdbi jdbi(HikariDataSource pool) {
        return Jdbi.create(pool).installPlugin(new PostgresPlugin());
    }

    /**
     * Runs the plugin's Flyway scripts from {@code db/migration/<pluginId>/} as the plugin's role, all pending ones in
     * one transaction: if one fails, none is applied and the schema is left exactly as it was. Flyway logs in as the
     * pool does but on connections of its own, free of the pool's statement timeout, so a long index build may finish.
     * Flyway's advisory lock makes portals starting together migrate one after the other.
     */
    public int migrate(String pluginId, HikariDataSource pool, ClassLoader pluginClassLoader) {
        boolean hadHistory = tableExists(pluginId, HISTORY_TABLE);
        try {
            return Flyway.configure(pluginClassLoader)
                    .dataSource(Database.migrationSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()))
                    .schemas(pluginId)
                    .createSchemas(false)
                    .table(HISTORY_TABLE)
                    .locations("classpath:db/migration/" + pluginId)
                    .group(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            if (!hadHistory) {
                // Flyway commits its history table before running scripts; take it away again.
                database.jdbi().useHandle(h -> h.execute("DROP TABLE IF EXISTS " + pluginId + "." + HISTORY_TABLE));
            }
            throw e;
        }
    }

    private boolean tableExists(String schema, String table) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) > 0 FROM pg_tables WHERE schemaname = :s AND tablename = :t")
                .bind("s", schema).bind("t", table).mapTo(Boolean.class).one());
    }

    private String password(String role) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(role.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return database.jdbi().withHandle(h -> {
            h.createUpdate("INSERT INTO core.settings (key, value) VALUES ('plugin_role_secret', :v) "
                    + "ON CONFLICT (key) DO NOTHING").bind("v", HexFormat.of().formatHex(fresh)).execute();
            return h.createQuery("SELECT value FROM core.settings WHERE key = 'plugin_role_secret'")
                    .mapTo(String.class).one();
        });
    }

    private static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
