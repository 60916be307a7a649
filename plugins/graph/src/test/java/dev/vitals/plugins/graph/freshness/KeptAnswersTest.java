package dev.vitals.plugins.graph.freshness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptAnswersTest {

    private record Question(String ref, int limit) {
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameQuestionIsAnsweredOnceAndThenFromWhatWasKept() {
        KeptAnswers kept = new KeptAnswers();
        AtomicInteger written = new AtomicInteger();

        byte[] first = kept.answer(new Question("resource:db", 1000), () -> text("n" + written.incrementAndGet()));
        byte[] second = kept.answer(new Question("resource:db", 1000), () -> text("n" + written.incrementAndGet()));
        byte[] other = kept.answer(new Question("resource:db", 10), () -> text("n" + written.incrementAndGet()));

        assertArrayEquals(text("n1"), first);
        assertArrayEquals(first, second);
        assertArrayEquals(text("n2"), other);
        assertEquals(2, written.get());
        assertEquals(2, kept.size());
    }

    @Test
    void pastTheBoundOnAnswersAllAreForgottenAndKeptAgainAsAsked() {
        KeptAnswers kept = new KeptAnswers(2, 1 << 20);
        AtomicInteger written = new AtomicInteger();

        for (String ref : List.of("a", "b", "c", "a")) {
            kept.answer(new Question(ref, 1), () -> text(ref + written.incrementAndGet()));
        }

        // a and b kept; c forgets both; a is written again.
        assertEquals(4, written.get());
        assertEquals(2, kept.size());
    }

    @Test
    void anAnswerPastTheBoundOnBytesIsSentButNotKept() {
        KeptAnswers kept = new KeptAnswers(10, 5);
        AtomicInteger written = new AtomicInteger();

        byte[] big = kept.answer(new Question("hub", 1), () -> text("123456" + written.incrementAndGet()));
        kept.answer(new Question("hub", 1), () -> text("123456" + written.incrementAndGet()));
        kept.answer(new Question("leaf", 1), () -> text("12" + written.incrementAndGet()));
        kept.answer(new Question("leaf", 1), () -> text("12" + written.incrementAndGet()));

        assertArrayEquals(text("1234561"), big);
        assertEquals(3, written.get());
        assertEquals(1, kept.size());
    }

    @Test
    void aFailedAnswerIsNotKept() {
        KeptAnswers kept = new KeptAnswers();

        assertThrows(IllegalStateException.class, () -> kept.answer(new Question("x", 1), () -> {
            throw new IllegalStateException("broken");
        }));
        byte[] again = kept.answer(new Question("x", 1), () -> text("ok"));

        assertArrayEquals(text("ok"), again);
    }

    @Test
    void aNewSnapshotKeepsNoAnswerOfTheOldOne() {
        GraphSnapshot old = new GraphSnapshot(DependencyGraph.empty(), List.of(), 1, Instant.EPOCH);
        old.kept().answer(new Question("hub", 1), () -> text("old"));

        GraphSnapshot rebuilt = new GraphSnapshot(DependencyGraph.empty(), List.of(), 2, Instant.EPOCH);
        byte[] answer = rebuilt.kept().answer(new Question("hub", 1), () -> text("new"));

        assertEquals(1, old.kept().size());
        assertEquals(0, new GraphSnapshot(DependencyGraph.empty(), List.of(), 3, Instant.EPOCH).kept().size());
        assertArrayEquals(text("new"), answer);
    }

    @Test
    void aSnapshotForNewObservedEdgesKeepsTheAnswersOfItsDeclaredGraph() {
        GraphSnapshot old = new GraphSnapshot(DependencyGraph.empty(), List.of(), 1, Instant.EPOCH);
        old.kept().answer(new Question("resource:db", 1000), () -> text("walked once"));

        GraphSnapshot observed = old.withObserved(List.of(), Instant.EPOCH.plusSeconds(1));
        byte[] again = observed.kept().answer(new Question("resource:db", 1000), () -> text("walked again"));

        assertArrayEquals(text("walked once"), again);
        assertEquals(1, observed.kept().size());
    }
}
