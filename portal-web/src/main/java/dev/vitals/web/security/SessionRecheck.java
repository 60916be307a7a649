package dev.vitals.web.security;

import dev.vitals.core.audit.Actor;
import dev.vitals.core.identity.Identity;
import dev.vitals.core.identity.Person;
import dev.vitals.core.identity.ProviderTokens;
import dev.vitals.core.identity.Session;
import dev.vitals.core.identity.Sessions;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an OpenID Connect session true to the provider: once its groups are {@link Sessions#RECHECK_EVERY} old, the
 * next request asks the provider again. New groups apply to that very request; a provider that refuses (the person
 * was removed, the sign-in revoked) ends the session there and then. A provider that does not answer keeps the
 * session as it was and is asked again a minute later.
 */
final class SessionRecheck {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRecheck.class);

    private final Identity identity;
    private final OidcProvider provider;

    SessionRecheck(Identity identity, OidcProvider provider) {
        this.identity = identity;
        this.provider = provider;
    }

    /** @return the session as it stands now, or empty when it ended */
    Optional<Session> current(Context ctx, String secret, Session session) {
        Sessions sessions = identity.sessions();
        if (!sessions.recheckDue(session)) {
            return Optional.of(session);
        }
        Optional<ProviderTokens> claimed = sessions.claimRecheck(secret, session);
        if (claimed.isEmpty()) {
            // Another request is asking the provider right now; until it is done, the session stands as it is.
            return Optional.of(session);
        }
        Person before = session.person();
        Actor actor = new Actor(before.name(), Optional.of(ClientAddress.of(ctx)));
        try {
            OidcProvider.Renewed renewed = provider.renew(claimed.get(), before.name());
            Person now = new Person(before.name(), before.email(), renewed.groups());
            sessions.confirmed(secret, now, renewed.tokens());
            if (!now.groups().equals(before.groups())) {
                identity.audit().record(actor, "session.groups", "user:" + before.name(),
                        Map.of("groups", before.groups()), Map.of("groups", now.groups()));
            }
            return Optional.of(new Session(now, session.csrfToken(), session.expiresAt(), session.checkedAt()));
        } catch (OidcProvider.Refused e) {
            sessions.end(secret);
            SessionCookie.clear(ctx);
            identity.audit().record(actor, "session.end", "user:" + before.name(), null,
                    Map.of("reason", e.getMessage()));
            LOG.info("Ended the session of {}: {}", before.name(), e.getMessage());
            return Optional.empty();
        } catch (OidcProvider.Unavailable e) {
            sessions.recheckSoon(secret);
            LOG.warn("Could not confirm the session of {} at the sign-in provider: {}", before.name(), e.getMessage());
            return Optional.of(session);
        }
    }
}
