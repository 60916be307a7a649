package dev.vitals.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The bootstrap admin's token: {@code VITALS_ADMIN_TOKEN}, or one generated at first start and kept in
 * {@code <data dir>/admin-token}, readable by the portal's user only.
 */
public final class AdminToken {

    private final byte[] token;
    private final boolean generatedNow;
    private final Optional<Path> file;

    private AdminToken(String token, boolean generatedNow, Optional<Path> file) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.generatedNow = generatedNow;
        this.file = file;
    }

    public static AdminToken load(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return new AdminToken(configured.get(), false, Optional.empty());
        }
        Path file = dataDir.resolve("admin-token");
        try {
            if (Files.isRegularFile(file)) {
                return new AdminToken(Files.readString(file).trim(), false, Optional.of(file));
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
            return new AdminToken(token, true, Optional.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token in " + file, e);
        }
    }

    /** Compares in constant time, so the response time does not reveal how much of a guess was right. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** True on the one start that created the token; the only time it is printed. */
    public boolean generatedNow() {
        return generatedNow;
    }

    public String value() {
        return new String(token, StandardCharsets.UTF_8);
    }

    public Optional<Path> file() {
        return file;
    }
}
