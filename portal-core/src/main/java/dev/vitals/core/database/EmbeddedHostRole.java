package dev.vitals.core.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.LoggerFactory;

/**
 * Gives the embedded server what the README asks of an external one: a login role {@code vitals} with
 * {@code CREATEROLE} and nothing more, owning database {@code vitals}. The superuser does this, at every start, and
 * is used for nothing else.
 *
 * <p>Earlier versions kept the portal's data in database {@code postgres}, owned and reached by the superuser. That
 * database becomes {@code vitals} (a new, empty {@code postgres} takes its place), and what the superuser owned in it
 * passes to {@code vitals}: schemas, tables, sequences, functions. The plugin roles {@code vitals_<id>} stay as they
 * are, and {@code vitals} gets the right to administer them, as if it had created them.
 */
final class EmbeddedHostRole {

    static final String ROLE = "vitals";
    static final String DATABASE = "vitals";

    /** Moves what the superuser owns in the portal's database to the host role; finds nothing on a new cluster. */
    private static final String TAKE_OWNERSHIP = """
            DO $$
            DECLARE
                o record;
            BEGIN
                FOR o IN SELECT nspname FROM pg_namespace
                         WHERE nspowner = 'postgres'::regrole AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
                LOOP
                    EXECUTE format('ALTER SCHEMA %I OWNER TO vitals', o.nspname);
                END LOOP;
                -- Tables take their indexes and the sequences of their columns along.
                FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                           AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                LOOP
                    EXECUTE format('ALTER %s %s OWNER TO vitals', CASE o.relkind WHEN 'v' THEN 'VIEW'
                        WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.name);
                END LOOP;
                FOR o IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relowner = 'postgres'::regrole AND c.relkind = 'S'
                           AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                LOOP
                    EXECUTE format('ALTER SEQUENCE %s OWNER TO vitals', o.name);
                END LOOP;
                FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                         WHERE p.proowner = 'postgres'::regrole
                           AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                LOOP
                    EXECUTE format('ALTER ROUTINE %s OWNER TO vitals', o.name);
                END LOOP;
                FOR o IN SELECT t.oid::regtype AS name, t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                         WHERE t.typowner = 'postgres'::regrole AND t.typtype IN ('c', 'd', 'e', 'r')
                           AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
                           AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
                LOOP
                    EXECUTE format('ALTER %s %s OWNER TO vitals', CASE o.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                        o.name);
                END LOOP;
            END
            $$""";

    /**
     * A role's creator administers it; the superuser created the plugin roles of earlier versions, so the host role
     * gets that right explicitly (without becoming a member: it never acts as a plugin).
     */
    private static final String ADMINISTER_PLUGIN_ROLES = """
            DO $$
            DECLARE
                r record;
            BEGIN
                FOR r IN SELECT rolname FROM pg_roles
                         WHERE rolname LIKE 'vitals\\_%' AND NOT rolsuper
                           AND NOT EXISTS (SELECT 1 FROM pg_auth_members m
                                           WHERE m.roleid = pg_roles.oid AND m.member = 'vitals'::regrole AND m.admin_option)
                LOOP
                    EXECUTE format('GRANT %I TO vitals WITH ADMIN TRUE, INHERIT FALSE, SET FALSE', r.rolname);
                END LOOP;
            END
            $$""";

    private EmbeddedHostRole() {
    }

    /**
     * Creates or updates the host role with {@code password}, and its database.
     *
     * @param superuser the superuser's settings for any database of the server; the URL's database is replaced
     */
    static void provide(DatabaseSettings superuser, String password) {
        try (Connection template = connect(superuser, "template1"); Statement s = template.createStatement()) {
            boolean roleExists = exists(template, "SELECT 1 FROM pg_roles WHERE rolname = ?", ROLE);
            s.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + ROLE
                    + " LOGIN CREATEROLE NOSUPERUSER NOCREATEDB NOREPLICATION NOBYPASSRLS PASSWORD '" + password + "'");
            if (!exists(template, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                if (holdsEarlierPortalData(superuser)) {
                    LoggerFactory.getLogger(EmbeddedHostRole.class).info("Moving the portal's data from database "
                            + "postgres to database {}, owned by role {} instead of the superuser", DATABASE, ROLE);
                    s.execute("ALTER DATABASE postgres RENAME TO " + DATABASE);
                } else {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
                }
            }
            s.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + ROLE);
            if (!exists(template, "SELECT 1 FROM pg_database WHERE datname = ?", "postgres")) {
                s.execute("CREATE DATABASE postgres");
            }
            s.execute(ADMINISTER_PLUGIN_ROLES);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up role " + ROLE + " on the embedded PostgreSQL", e);
        }
        try (Connection data = connect(superuser, DATABASE); Statement s = data.createStatement()) {
            s.execute(TAKE_OWNERSHIP);
        } catch (SQLException e) {
            throw new IllegalStateException("could not give the portal's tables to role " + ROLE, e);
        }
    }

    private static boolean holdsEarlierPortalData(DatabaseSettings superuser) throws SQLException {
        try (Connection postgres = connect(superuser, "postgres")) {
            return exists(postgres, "SELECT 1 FROM pg_namespace WHERE nspname = ?", Database.CORE_SCHEMA);
        }
    }

    private static boolean exists(Connection c, String query, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(query)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Connection connect(DatabaseSettings superuser, String database) throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresServer.url(superuser.url(), database), superuser.user(),
                superuser.password());
    }
}
