package dev.vitals.core.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's data directory and what the portal keeps beside PostgreSQL's own files in it: the superuser's
 * and the host role's generated passwords and the port, each readable by the owner only. Preparing it creates a new
 * cluster, or brings one made by earlier versions (no passwords, {@code trust} for everyone) up to passwords only.
 */
record EmbeddedDataDirectory(Path pgdata, String superuserPassword, String hostPassword, int port) {

    static final String SUPERUSER = "postgres";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String SUPERUSER_PASSWORD_FILE = "vitals-superuser-password";
    private static final String HOST_PASSWORD_FILE = "vitals-host-password";
    private static final String PORT_FILE = "vitals-port";
    /** TCP on loopback, with a password, is the only way in: no trust, no peer, no Unix socket. */
    private static final String HBA = """
            # Written by Vitals at every start of its embedded database; edits are overwritten.
            # Only TCP from this machine, and only with a password (the server listens on 127.0.0.1 and no socket).
            host    all    all    127.0.0.1/32    scram-sha-256
            """;

    /** Makes {@code pgdata} ready to start: initialised, passwords set, {@code pg_hba.conf} locked down. */
    static EmbeddedDataDirectory prepare(Path pgdata, boolean durable) {
        try {
            Files.createDirectories(pgdata);
            if (!Files.exists(pgdata.resolve("PG_VERSION"))) {
                initdb(pgdata, durable);
            } else if (!Files.exists(pgdata.resolve(SUPERUSER_PASSWORD_FILE))) {
                LoggerFactory.getLogger(EmbeddedDataDirectory.class).info(
                        "Embedded PostgreSQL in {} has no superuser password (made by an earlier Vitals with trust "
                                + "authentication): setting one and turning trust off", pgdata);
                setSuperuserPassword(pgdata);
            }
            Files.writeString(pgdata.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            String superuserPassword = readOwnerOnly(pgdata.resolve(SUPERUSER_PASSWORD_FILE));
            String hostPassword = readOrCreate(pgdata.resolve(HOST_PASSWORD_FILE), newSecret());
            return new EmbeddedDataDirectory(pgdata, superuserPassword, hostPassword, port(pgdata));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the embedded PostgreSQL data directory " + pgdata, e);
        }
    }

    /**
     * Keeps the port of the previous run, so that anything pointed at it keeps working; a new one only when the data
     * directory has none yet or something else took it meanwhile.
     */
    private static int port(Path pgdata) throws IOException {
        Path file = pgdata.resolve(PORT_FILE);
        Optional<Integer> kept = Files.exists(file)
                ? Optional.of(Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).strip()))
                : Optional.empty();
        if (kept.isPresent() && isFree(kept.get())) {
            return kept.get();
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        writeOwnerOnly(file, Integer.toString(port));
        return port;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A new cluster whose superuser has a password from the start. The password file only moves into the data
     * directory once initdb has finished, so a cluster without it is one that still needs a password.
     */
    private static void initdb(Path pgdata, boolean durable) throws IOException {
        Path pwfile = pgdata.resolveSibling(pgdata.getFileName() + ".superuser-password.tmp");
        writeOwnerOnly(pwfile, newSecret());
        List<String> arguments = new ArrayList<>(List.of("-D", pgdata.toString(), "-U", SUPERUSER, "-E", "UTF-8",
                "--auth=scram-sha-256", "--pwfile=" + pwfile));
        if (!durable) {
            arguments.add("--no-sync");
        }
        run(PostgresBinaries.command("initdb", arguments), Optional.empty(), "");
        Files.move(pwfile, pgdata.resolve(SUPERUSER_PASSWORD_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Sets a password on a cluster that had none, in single-user mode: the server never listens while the old
     * {@code trust} rules are still in place.
     */
    private static void setSuperuserPassword(Path pgdata) throws IOException {
        Path pending = pgdata.resolve(SUPERUSER_PASSWORD_FILE + ".tmp");
        String password = newSecret();
        writeOwnerOnly(pending, password);
        run(PostgresBinaries.command("postgres", List.of("--single", "-D", pgdata.toString(), "postgres")),
                Optional.of("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "';\n"), password);
        Files.move(pending, pgdata.resolve(SUPERUSER_PASSWORD_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Runs a PostgreSQL program to its end; its output, without {@code secret}, is in the exception if it fails. */
    private static void run(List<String> command, Optional<String> input, String secret) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            if (input.isPresent()) {
                stdin.write(input.get().getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!secret.isEmpty()) {
            output = output.replace(secret, "********");
        }
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        if (output.contains("ERROR:")) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static String readOrCreate(Path file, String fresh) throws IOException {
        if (!Files.exists(file)) {
            writeOwnerOnly(file, fresh);
        }
        return readOwnerOnly(file);
    }

    /** Reads a secret, and puts its permissions back to owner-only should someone have widened them. */
    private static String readOwnerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** Owner-only from the first byte, and complete or absent: written beside, then moved into place. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(partial, content + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
