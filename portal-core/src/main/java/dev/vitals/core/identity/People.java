package dev.vitals.core.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The people who have signed in, in {@code core.people}, with the groups each last showed. A team token is judged by
 * its maker's rights on every use, when the maker is not there to show their groups; these are the groups it goes by.
 */
public final class People {

    /** Behind an authenticating proxy every request shows the groups; writing them that often would be waste. */
    static final Duration REWRITE_AFTER = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, Written> written = new ConcurrentHashMap<>();

    public People(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    private record Written(Set<String> groups, Instant at) {
    }

    /**
     * Someone the portal knows.
     *
     * @param login their login
     * @param groups the groups they last showed
     * @param seenAt when
     * @param sessions how many live browser sessions they have
     */
    public record Known(String login, List<String> groups, Instant seenAt, int sessions) {
    }

    /** Records the groups a person shows now; skipped when this instance wrote the same a moment ago. */
    public void seen(Person person) {
        Instant now = clock.instant();
        Written last = written.get(person.name());
        if (last != null && last.groups().equals(person.groups()) && last.at().plus(REWRITE_AFTER).isAfter(now)) {
            return;
        }
        jdbi.useHandle(h -> record(h, person, now));
        if (written.size() > 10_000) {
            written.clear();
        }
        written.put(person.name(), new Written(person.groups(), now));
    }

    void record(Handle h, Person person, Instant now) {
        h.createUpdate("INSERT INTO core.people (login, groups, seen_at) VALUES (:login, :groups, :now) "
                        + "ON CONFLICT (login) DO UPDATE SET groups = excluded.groups, seen_at = excluded.seen_at")
                .bind("login", person.name())
                .bind("groups", person.groups().stream().sorted().toArray(String[]::new))
                .bind("now", now)
                .execute();
    }

    /** The groups the person last showed; none for someone never seen, such as a token's name. */
    public Set<String> lastGroups(String login) {
        return jdbi.withHandle(h -> h.createQuery("SELECT groups FROM core.people WHERE login = :login")
                .bind("login", login).map((rs, ctx) -> Sessions.groups(rs.getArray("groups"))).findOne())
                .orElse(Set.of());
    }

    /** Whether the person has signed in here, or holds a session from before the portal kept track of people. */
    public boolean isKnown(String login) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM core.people WHERE login = :login) "
                        + "OR EXISTS (SELECT 1 FROM core.sessions WHERE user_name = :login)")
                .bind("login", login).mapTo(Boolean.class).one());
    }

    /** Everyone known, with their live sessions, those with sessions first. */
    public List<Known> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.login, p.groups, p.seen_at, count(s.secret_hash) AS sessions "
                        + "FROM core.people p LEFT JOIN core.sessions s ON s.user_name = p.login AND s.expires_at > :now "
                        + "GROUP BY p.login, p.groups, p.seen_at ORDER BY count(s.secret_hash) > 0 DESC, p.login")
                .bind("now", clock.instant())
                .map((rs, ctx) -> new Known(rs.getString("login"), Sessions.groups(rs.getArray("groups")).stream()
                        .sorted().toList(), ApiTokens.instant(rs, "seen_at").orElseThrow(), rs.getInt("sessions")))
                .list());
    }
}
