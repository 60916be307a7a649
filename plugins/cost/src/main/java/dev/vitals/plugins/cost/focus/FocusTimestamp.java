package dev.vitals.plugins.cost.focus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Optional;

/**
 * The date-times FOCUS exports write: ISO 8601 with or without the {@code T} and the {@code Z}
 * ({@code 2024-10-01 00:00:00}, {@code 2023-01-01T00:00:00Z}, {@code 2024-10-01T00:00:00.000+00:00}), a bare date,
 * and the US short form some spreadsheets leave behind ({@code 5/1/25}, {@code 5/1/2025 13:00}). FOCUS times are UTC,
 * so a time without an offset is read as UTC. A day the month does not have ({@code 2023-04-31}, {@code 2100-02-29})
 * is refused, never moved to the month's last day: a charge must not land on a day its file does not name.
 */
public final class FocusTimestamp {

    /** What an error message tells the sender to write instead. */
    public static final String EXPECTED = "a UTC date-time such as 2024-10-01T00:00:00Z or 2024-10-01 00:00:00";

    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter US = new DateTimeFormatterBuilder()
            .appendPattern("M/d/")
            .appendValueReduced(ChronoField.YEAR, 2, 4, 2000)
            .optionalStart().appendLiteral(' ').appendPattern("H:mm").optionalStart().appendPattern(":ss")
            .optionalEnd().optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private FocusTimestamp() {
    }

    /**
     * @param text a cell's text, trimmed
     * @return the instant, or empty when the text is no date-time of a form FOCUS exports use
     */
    public static Optional<Instant> parse(String text) {
        Optional<Instant> plain = plain(text);
        if (plain.isPresent()) {
            return plain;
        }
        try {
            return Optional.of(parseWith(text, text.contains("/") ? US : ISO));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The form nearly every export writes, {@code 2024-10-01T00:00:00Z} (or with a space, or without the Z), read
     * digit by digit: the formatter builds a map of fields per value, and a million-row file has four million values.
     * Anything else, or a value out of range, goes to the formatter, which decides as before.
     */
    private static Optional<Instant> plain(String t) {
        int n = t.length();
        if ((n != 19 && n != 20) || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || (t.charAt(10) != 'T' && t.charAt(10) != 't' && t.charAt(10) != ' ')
                || (n == 20 && t.charAt(19) != 'Z' && t.charAt(19) != 'z')) {
            return Optional.empty();
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > lengthOfMonth(year, month)) {
            return Optional.empty();
        }
        // By arithmetic rather than through LocalDateTime, which checks every field again: the fields are checked.
        return Optional.of(Instant.ofEpochSecond(epochDay(year, month, day) * 86_400L + hour * 3_600L
                + minute * 60L + second));
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a valid date of year 0 or later, as {@link LocalDate#toEpochDay} counts them. */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
                + (367L * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= leap(year) ? 1 : 2;
        }
        return total - 719_528L;
    }

    /** @return the number the digits at [from, from + count) make, or -1 when one is no ASCII digit */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Instant parseWith(String text, DateTimeFormatter format) {
        TemporalAccessor parsed = format.parse(text);
        LocalDate date = LocalDate.from(parsed);
        LocalTime time = parsed.query(TemporalQueries.localTime());
        LocalDateTime local = time == null ? date.atStartOfDay() : date.atTime(time);
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
        return OffsetDateTime.of(local, offset).toInstant();
    }
}
