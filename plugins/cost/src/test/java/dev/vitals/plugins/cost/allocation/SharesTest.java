package dev.vitals.plugins.cost.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharesTest {

    private static final EntityRef A = EntityRef.of("component", "a");
    private static final EntityRef B = EntityRef.of("component", "b");
    private static final EntityRef C = EntityRef.of("component", "c");

    @Test
    void aThirdEachSumsExactlyToTheWholeWithTheRemainderOnTheFirst() {
        Map<EntityRef, BigDecimal> shares = Shares.split(new BigDecimal("10"), List.of(A, B, C), s -> BigDecimal.ONE);

        assertEquals(new BigDecimal("3.333333333333334"), shares.get(A));
        assertEquals(new BigDecimal("3.333333333333333"), shares.get(B));
        assertEquals(new BigDecimal("3.333333333333333"), shares.get(C));
        assertEquals(0, new BigDecimal("10").compareTo(shares.values().stream().reduce(BigDecimal.ZERO,
                BigDecimal::add)));
    }

    @Test
    void weightsSplitInProportionAndTheRemainderGoesToTheLargest() {
        Map<EntityRef, BigDecimal> shares = Shares.split(new BigDecimal("1"), List.of(A, B, C),
                Map.of(A, new BigDecimal("1"), B, new BigDecimal("4"), C, new BigDecimal("1"))::get);

        assertEquals(new BigDecimal("0.166666666666667"), shares.get(A));
        assertEquals(new BigDecimal("0.666666666666666"), shares.get(B));
        assertEquals(new BigDecimal("0.166666666666667"), shares.get(C));
        assertEquals(0, BigDecimal.ONE.compareTo(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void zeroOrNegativeWeightsEverywhereFallBackToAnEvenSplit() {
        Map<EntityRef, BigDecimal> shares = Shares.split(new BigDecimal("9"), List.of(A, B, C),
                Map.of(A, BigDecimal.ZERO, B, new BigDecimal("-5"), C, BigDecimal.ZERO)::get);

        assertEquals(Map.of(A, new BigDecimal("3.000000000000000"), B, new BigDecimal("3.000000000000000"),
                C, new BigDecimal("3.000000000000000")), shares);
    }

    @Test
    void aDayIsAllocatedByTheNewestVersionThatReachesIt() {
        SharedRule even = new SharedRule("p", new RuleMatch(RuleMatch.Kind.TAG, "shared", "p"), Split.EVEN,
                new Among(Optional.empty()));
        SharedRule proportional = new SharedRule("p", even.match(), Split.PROPORTIONAL, even.among());
        List<RuleSpan> spans = RuleSpan.of(List.of(
                new RuleVersion(1, "p", LocalDate.parse("2024-01-01"), Optional.of(even), "ada", Instant.EPOCH),
                new RuleVersion(2, "p", LocalDate.parse("2024-12-01"), Optional.of(proportional), "ada",
                        Instant.EPOCH),
                new RuleVersion(3, "p", LocalDate.parse("2024-06-01"), Optional.of(proportional), "ada",
                        Instant.EPOCH)));

        assertEquals(List.of("2024-01-01..2024-06-01 EVEN", "2024-06-01..2024-12-01 PROPORTIONAL",
                "2024-12-01..9999-01-01 PROPORTIONAL"), spans.stream().map(s -> s.from() + ".." + s.until() + " "
                + s.rule().split().kind()).toList());
    }
}
