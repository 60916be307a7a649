package dev.vitals.plugins.priorities.backlog;

/**
 * Fractional rank keys: strings of base-36 digits compared byte by byte (the column is {@code COLLATE "C"}). Between
 * any two keys there is always another, so moving an item rewrites its own key and nothing else, however long the
 * list. No key ends in {@code 0}, which keeps room below every key. After the midpoint of Evan Wallace's and David
 * Greenspan's fractional indexing.
 */
public final class RankKeys {

    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();
    private static final int WIDTH = 6;
    private static final long SPAN = (long) Math.pow(BASE, WIDTH);
    private static final long STEP = (long) Math.pow(BASE, 3);

    private RankKeys() {
    }

    /**
     * @param before the key just above, or null at the top
     * @param after the key just below, or null at the bottom
     * @return a key that sorts strictly between them
     * @throws IllegalArgumentException when {@code before} does not sort before {@code after}
     */
    public static String between(String before, String after) {
        String low = before == null ? "" : before;
        if (after != null && low.compareTo(after) >= 0) {
            throw new IllegalArgumentException(low + " does not sort before " + after);
        }
        return midpoint(low, after);
    }

    /**
     * A key for the bottom of a list, a fixed step below the last one, so that keys stay short when items are
     * appended one after another (halving the gap to the end each time would add a digit every few items).
     *
     * @param last the key at the bottom now, or null for an empty list
     * @return a key after it
     */
    public static String after(String last) {
        if (last == null) {
            return "i";
        }
        long head = 0;
        for (int i = 0; i < WIDTH; i++) {
            head = head * BASE + DIGITS.indexOf(digitAt(last, i));
        }
        long next = head + STEP;
        if (next >= SPAN) {
            return between(last, null);
        }
        char[] digits = new char[WIDTH];
        for (int i = WIDTH - 1; i >= 0; i--) {
            digits[i] = DIGITS.charAt((int) (next % BASE));
            next /= BASE;
        }
        String key = new String(digits);
        int end = key.length();
        while (end > 1 && key.charAt(end - 1) == '0') {
            end--;
        }
        return key.substring(0, end);
    }

    private static String midpoint(String low, String high) {
        if (high != null) {
            int common = 0;
            while (common < high.length() && digitAt(low, common) == high.charAt(common)) {
                common++;
            }
            if (common > 0) {
                return high.substring(0, common) + midpoint(low.length() > common ? low.substring(common) : "",
                        high.substring(common));
            }
        }
        int lowDigit = low.isEmpty() ? 0 : DIGITS.indexOf(low.charAt(0));
        int highDigit = high == null ? BASE : DIGITS.indexOf(high.charAt(0));
        if (highDigit - lowDigit > 1) {
            return String.valueOf(DIGITS.charAt((lowDigit + highDigit + 1) / 2));
        }
        if (high != null && high.length() > 1) {
            return high.substring(0, 1);
        }
        return DIGITS.charAt(lowDigit) + midpoint(low.length() > 1 ? low.substring(1) : "", null);
    }

    private static char digitAt(String key, int index) {
        return index < key.length() ? key.charAt(index) : DIGITS.charAt(0);
    }
}
