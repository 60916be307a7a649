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

    /** Creates (or updates) the plugin's role and schema. Idempotent; safe with several instances starting at once. */
    public void provision(String pluginId) {
        String role = roleName(pluginId);
        String password = password(role);
        database.jdbi().useTransaction(h -> {
            // Serialises provisioning across portal instances: CREATE ROLE has no IF NOT EXISTS.
            h.execute("SELECT pg_advisory_xact_lock(hashtext('vitals-plugin-provisioning'))");
            boolean exists = h.createQuery("SELECT count(*) > 0 FROM pg_roles WHERE rolname = :r")
                    .bind("r", role).mapTo(Boolean.class).one();
            // A host that is not superuser may not name SUPERUSER or CREATEDB in ALTER ROLE, even to deny them.
            h.execute(exists ? "ALTER ROLE " + role + " PASSWORD '" + password + "'"
                    : "CREATE ROLE " + role + " LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                            + password + "'");
            h.execute("CREATE SCHEMA IF NOT EXISTS " + pluginId);
            h.execute("REVOKE ALL ON SCHEMA " + pluginId + " FROM PUBLIC");
            h.execute("GRANT USAGE, CREATE ON SCHEMA " + pluginId + " TO " + role);
            h.execute("ALTER ROLE " + role + " SET search_path = " + pluginId);
        });
    }

    /**
     * A pool that logs in as the plugin's role. Small on purpose: a plugin that holds all of its connections waits
     * on itself and slows nobody else.
     */
    public HikariDataSource openPool(String pluginId, int size) {
        String role = roleName(pluginId);
        HikariConfig config = Database.poolConfig("vitals-" + pluginId, withSchema(database.settings().url(), pluginId),
                role, password(role), size);
        config.setMinimumIdle(0);
        config.setMetricRegistry(database.meterRegistry());
        return new HikariDataSource(config);
    }

    public static Jdbi jdbi(HikariDataSource pool) {
        return Jdbi.create(pool).installPlugin(new PostgresPlugin());
    }

    /**
     * Runs the plugin's Flyway scripts from {@code db/migration/<pluginId>/} as the plugin's role, all pending ones in
     * one transaction: if one fails, none is applied and the schema is left exactly as it was.
     */
    public int migrate(String pluginId, HikariDataSource pool, ClassLoader pluginClassLoader) {
        boolean hadHistory = tableExists(pluginId, HISTORY_TABLE);
        try {
            return Flyway.configure(pluginClassLoader)
                    .dataSource(pool)
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
