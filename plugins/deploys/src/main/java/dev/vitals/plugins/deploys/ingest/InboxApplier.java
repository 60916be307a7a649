package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.BackgroundRefresh;
import dev.vitals.plugins.deploys.dora.DoraSignals;
import java.time.Duration;
import java.util.List;

/**
 * Applies the deployments waiting in the {@link DeploymentInbox} on a thread of its own, at most {@link #SPACING}
 * after each is acknowledged (the requests of a busy spell are applied together), then asks for the signals their
 * services' change may move. A portal that stopped or lost its database with rows waiting leaves them to the next
 * run: the one at start, or the periodic job's.
 */
public final class InboxApplier implements AutoCloseable {

    /**
     * The least time between two runs. Run as soon as asked, the applier took the one or two deployments each request
     * had just queued, and a batch of two cost almost what each alone had cost before the inbox; a fifth of a second
     * lets a busy spell's deployments go in as one batch, and is the longest a deployment waits to be applied.
     */
    static final Duration SPACING = Duration.ofMillis(200);

    private final DeploymentInbox inbox;
    private final BackgroundRefresh signals;
    private final DoraSignals verdicts;
    private final BackgroundRefresh thread;

    /**
     * Starts the thread and applies what an earlier run left waiting.
     *
     * @param signals recomputes the signals of the services applied, after the apply
     * @param verdicts which of those services' verdicts the deployments applied can move
     */
    public InboxApplier(DeploymentInbox inbox, BackgroundRefresh signals, DoraSignals verdicts) {
        this.inbox = inbox;
        this.signals = signals;
        this.verdicts = verdicts;
        this.thread = new BackgroundRefresh("deploys-inbox", SPACING, ids -> applyWaiting());
        request();
    }

    /** Applies what waits, soon, on the applier's thread. */
    public void request() {
        thread.request(List.of("waiting"));
    }

    /** Applies what waits, now, on the caller's thread (the periodic job's). */
    public void applyWaiting() {
        signals.request(verdicts.mayMove(inbox.applyWaiting()));
    }

    @Override
    public void close() {
        thread.close();
    }
}
