package dev.vitals.core.database;

/**
 * Where to reach PostgreSQL and as whom.
 *
 * @param url a {@code jdbc:postgresql://} URL
 * @param user the login role
 * @param password its password (empty for trust authentication)
 */
public record DatabaseSettings(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
