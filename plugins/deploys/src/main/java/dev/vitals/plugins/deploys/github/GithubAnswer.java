package dev.vitals.plugins.deploys.github;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/** What the GitHub webhook answers, for the delivery log GitHub keeps. */
public sealed interface GithubAnswer {

    /** @param pong always true: the secret matched */
    record Pong(boolean pong) implements GithubAnswer {
    }

    /** @param ignored the event's name @param reason why it is not recorded */
    record Ignored(String ignored, String reason) implements GithubAnswer {
    }

    /**
     * @param recorded deployments newly stored
     * @param unchanged deliveries already stored exactly so
     * @param reason a note on what was and was not recorded, if any
     */
    record Recorded(int recorded, int unchanged,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> reason) implements GithubAnswer {
    }
}
