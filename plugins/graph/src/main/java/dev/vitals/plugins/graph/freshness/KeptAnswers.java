package dev.vitals.plugins.graph.freshness;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Answers written out once for one snapshot and sent again as they are. An answer is a pure function of the snapshot
 * and the question (a node, a direction, a depth, a limit), so it stays right for as long as its snapshot answers;
 * a rebuild from a changed catalog makes a new snapshot with none kept (one for observed edges keeps them, the
 * declared graph being the same). During an incident everyone asks for the same hub's blast radius:
 * the walk and the JSON are then made once. Bounded in number and in bytes; past a bound all are forgotten and kept
 * again as they are asked for. Several readers asking the same new question at once wait for one answer.
 */
public final class KeptAnswers {

    /** How many answers are kept at most. */
    static final int KEPT_AT_MOST = 256;
    /** How many bytes of answers are kept at most; a bigger answer is sent and not kept. */
    static final long BYTES_AT_MOST = 32L << 20;

    private final Map<Object, CompletableFuture<byte[]>> answers = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final int keptAtMost;
    private final long bytesAtMost;

    KeptAnswers() {
        this(KEPT_AT_MOST, BYTES_AT_MOST);
    }

    KeptAnswers(int keptAtMost, long bytesAtMost) {
        this.keptAtMost = keptAtMost;
        this.bytesAtMost = bytesAtMost;
    }

    /**
     * @param question what is asked, a value with equals and hashCode (a record)
     * @param answer writes the answer when none is kept
     * @return the answer, kept or just written
     */
    public byte[] answer(Object question, Supplier<byte[]> answer) {
        CompletableFuture<byte[]> kept = answers.get(question);
        if (kept != null) {
            return join(kept);
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        if (answers.size() >= keptAtMost) {
            forget();
        }
        kept = answers.putIfAbsent(question, mine);
        if (kept != null) {
            return join(kept);
        }
        try {
            byte[] written = answer.get();
            mine.complete(written);
            if (bytes.addAndGet(written.length) > bytesAtMost) {
                answers.remove(question, mine);
                bytes.addAndGet(-written.length);
            }
            return written;
        } catch (RuntimeException | Error e) {
            answers.remove(question, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** @return how many answers are kept now */
    public int size() {
        return (int) answers.values().stream().filter(a -> a.isDone() && !a.isCompletedExceptionally()).count();
    }

    private void forget() {
        answers.clear();
        bytes.set(0);
    }

    private static byte[] join(CompletableFuture<byte[]> kept) {
        try {
            return kept.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
