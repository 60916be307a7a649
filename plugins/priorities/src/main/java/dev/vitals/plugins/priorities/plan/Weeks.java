package dev.vitals.plugins.priorities.plan;

import dev.vitals.plugins.priorities.backlog.Scores;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A team's estimated person-weeks in a quarter, by label.
 *
 * @param immediate weeks of immediate work
 * @param future weeks of future work
 * @param foundation weeks of foundation work
 * @param innovation weeks of innovation work
 */
record Weeks(BigDecimal immediate, BigDecimal future, BigDecimal foundation, BigDecimal innovation) {

    static final Weeks NONE = new Weeks(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    Weeks plus(String horizon, String investment, BigDecimal weeks) {
        boolean now = horizon.equals("immediate");
        boolean base = investment.equals("foundation");
        return new Weeks(now ? immediate.add(weeks) : immediate, now ? future : future.add(weeks),
                base ? foundation.add(weeks) : foundation, base ? innovation : innovation.add(weeks));
    }

    BigDecimal total() {
        return immediate.add(future);
    }

    Capacity against(String team, String quarter, Targets targets, BigDecimal tolerance) {
        BigDecimal total = total();
        // Compared exactly, before any rounding: a share is on target or not by the weeks, not by its 4 places.
        boolean onTarget = total.signum() > 0
                && immediate.subtract(targets.immediate().multiply(total)).abs()
                        .compareTo(tolerance.multiply(total)) <= 0
                && foundation.compareTo(targets.foundation().multiply(total)) >= 0;
        return new Capacity(team, quarter, Scores.plain(total), share(immediate, total), share(future, total),
                share(foundation, total), share(innovation, total), targets, onTarget);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal total) {
        return total.signum() == 0 ? BigDecimal.ZERO : Scores.plain(part.divide(total, 4, RoundingMode.HALF_UP));
    }
}
