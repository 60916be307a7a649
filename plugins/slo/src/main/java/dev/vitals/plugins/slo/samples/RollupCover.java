package dev.vitals.plugins.slo.samples;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * How the minutes of a {@link TimeRange} add up from UTC days, UTC hours and single minutes, exactly.
 *
 * <p>The count over [f, t) is P(t) − P(f), where P(x) counts everything before x. P(x) is read as the days up to the
 * day boundary nearest x, then the hours between that and the hour boundary nearest x, then the minutes between that
 * and x — each with a sign, since the nearest boundary may lie after x (an hour row minus the minutes of it after x).
 * So each end of a range reads at most 12 hour rows and 30 minute rows, wherever it falls: in the middle of an hour, at
 * local midnight in a zone half an hour off UTC, or on a DST day that is 23 hours long. Ranges of ten minutes or less
 * read their minutes directly. Longer short ranges are composed too: every range that ends at the same instant shares
 * the minutes of that end, so a 30-minute burn window reads only the minutes on its far side of the hour boundary.
 *
 * @param pieces the signed intervals whose sum is the range
 */
record RollupCover(List<Piece> pieces) {

    /** The tables a piece is read from. */
    enum Level {
        MINUTE(Duration.ofMinutes(1)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

        final Duration length;

        Level(Duration length) {
            this.length = length;
        }
    }

    /**
     * The buckets of one level that start in [from, to), added or subtracted.
     *
     * @param level minute, hour or day buckets
     * @param from the first bucket start included
     * @param to the first bucket start excluded
     * @param sign +1 or −1
     */
    record Piece(Level level, Instant from, Instant to, int sign) {
    }

    private static final Duration DIRECT = Duration.ofMinutes(10);

    /** @return the cover of the minutes that start in [range.from, range.to) */
    static RollupCover of(TimeRange range) {
        // A minute starts at or after an instant exactly when it starts at or after that instant rounded up.
        Instant from = ceilMinute(range.from());
        Instant to = ceilMinute(range.to());
        List<Piece> pieces = new ArrayList<>();
        if (!from.isBefore(to)) {
            return new RollupCover(pieces);
        }
        if (Duration.between(from, to).compareTo(DIRECT) <= 0) {
            pieces.add(new Piece(Level.MINUTE, from, to, 1));
            return new RollupCover(pieces);
        }
        Instant dayFrom = nearest(from, Level.DAY);
        Instant dayTo = nearest(to, Level.DAY);
        signed(pieces, Level.DAY, dayFrom, dayTo, 1);
        prefixBelowDays(pieces, to, dayTo, 1);
        prefixBelowDays(pieces, from, dayFrom, -1);
        return new RollupCover(pieces);
    }

    /** The part of P(x) after the day boundary nearest x: hours to the nearest hour boundary, then minutes. */
    private static void prefixBelowDays(List<Piece> pieces, Instant x, Instant day, int sign) {
        Instant hour = nearest(x, Level.HOUR);
        signed(pieces, Level.HOUR, day, hour, sign);
        signed(pieces, Level.MINUTE, hour, x, sign);
    }

    /** Adds [a, b) with {@code sign}, or [b, a) with the opposite sign when b is before a. */
    private static void signed(List<Piece> pieces, Level level, Instant a, Instant b, int sign) {
        int c = a.compareTo(b);
        if (c < 0) {
            pieces.add(new Piece(level, a, b, sign));
        } else if (c > 0) {
            pieces.add(new Piece(level, b, a, -sign));
        }
    }

    /** @return the boundary of {@code level} nearest {@code x}; the earlier one on a tie */
    static Instant nearest(Instant x, Level level) {
        Instant floor = x.truncatedTo(level == Level.DAY ? ChronoUnit.DAYS : ChronoUnit.HOURS);
        Instant ceil = floor.equals(x) ? x : floor.plus(level.length);
        return Duration.between(floor, x).compareTo(Duration.between(x, ceil)) <= 0 ? floor : ceil;
    }

    /** @return the start of the first minute that starts at or after x */
    static Instant ceilMinute(Instant x) {
        Instant floor = x.truncatedTo(ChronoUnit.MINUTES);
        return floor.equals(x) ? x : floor.plus(Duration.ofMinutes(1));
    }
}
