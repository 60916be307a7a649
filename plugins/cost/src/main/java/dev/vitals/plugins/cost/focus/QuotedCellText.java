package dev.vitals.plugins.cost.focus;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A FOCUS file's text on its way to the CSV lexer, held to the two rules that lexer does not apply itself: white space
 * between a closing quote and the next comma or line end is dropped (a cell written {@code "USD" ,} is read as
 * {@code USD}, any other character there is still refused), and a file that ends inside a quoted cell is noted, so
 * that it is refused rather than read as if the quote had been closed. Files imported before keep their meaning.
 */
final class QuotedCellText extends FilterReader {

    /** Outside a quoted cell. */
    private static final int PLAIN = 0;
    private static final int QUOTED = 1;
    /** A quote inside a quoted cell: the first of an escaped pair, or the closing one. */
    private static final int QUOTE_IN_QUOTED = 2;
    /** White space after a closing quote, being dropped. */
    private static final int AFTER_CLOSING_QUOTE = 3;

    private int state = PLAIN;
    /** The last char passed on, which tells whether a quote starts its cell; the text starts a cell. */
    private char last = '\n';
    private boolean ended;

    QuotedCellText(Reader in) {
        super(in);
    }

    /** @return whether the text ended, and ended inside a quoted cell whose closing quote never came */
    boolean endedInsideQuotes() {
        return ended && state == QUOTED;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (true) {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                ended = true;
                return -1;
            }
            int kept = follow(buffer, offset, n);
            if (kept > 0 || n == 0) {
                return kept;
            }
        }
    }

    /**
     * Follows the quoting over the chars read. Only quotes change it, so the text between them is passed over as
     * fast as a search for the next quote: outside a quoted cell, a quote opens one when it starts the cell. White
     * space after a closing quote, which is rare, is dropped by {@link #dropping}.
     */
    private int follow(char[] b, int offset, int n) {
        int end = offset + n;
        if (state == AFTER_CLOSING_QUOTE) {
            return dropping(b, offset, offset, end);
        }
        int s = state;
        int i = offset;
        while (i < end) {
            if (s == QUOTE_IN_QUOTED) {
                char c = b[i];
                if (c == '"') {
                    s = QUOTED;             // an escaped quote
                } else if (c != ',' && c != '\n' && c != '\r' && Character.isWhitespace(c)) {
                    state = s;
                    last = i > offset ? b[i - 1] : last;
                    return dropping(b, offset, i, end);
                } else {
                    s = PLAIN;              // closed; any other character after it the lexer refuses
                }
                i++;
            } else {
                while (i < end && b[i] != '"') {
                    i++;
                }
                if (i == end) {
                    break;
                }
                if (s == QUOTED) {
                    s = QUOTE_IN_QUOTED;
                } else {
                    char before = i > offset ? b[i - 1] : last;
                    s = before == ',' || before == '\n' || before == '\r' ? QUOTED : PLAIN;
                }
                i++;
            }
        }
        state = s;
        if (n > 0) {
            last = b[end - 1];
        }
        return n;
    }

    /**
     * The rest of the chars read from {@code from} one by one, dropping white space after a closing quote as Commons
     * CSV, which read these files before, did: the cell {@code "USD" ,} is {@code USD}.
     *
     * @return how many chars are kept from {@code offset}
     */
    private int dropping(char[] b, int offset, int from, int end) {
        int s = state;
        int to = from;
        for (int i = from; i < end; i++) {
            char c = b[i];
            if (s == QUOTED) {
                if (c == '"') {
                    s = QUOTE_IN_QUOTED;
                }
            } else if (s == QUOTE_IN_QUOTED || s == AFTER_CLOSING_QUOTE) {
                if (c == '"' && s == QUOTE_IN_QUOTED) {
                    s = QUOTED;             // an escaped quote
                } else if (c == ',' || c == '\n' || c == '\r') {
                    s = PLAIN;
                } else if (Character.isWhitespace(c)) {
                    s = AFTER_CLOSING_QUOTE;
                    continue;               // dropped
                } else {
                    // The lexer refuses any other character after a closing quote; a quote after dropped white
                    // space would read as an escaped one, so a space stands in for it.
                    if (s == AFTER_CLOSING_QUOTE && c == '"') {
                        c = ' ';
                    }
                    s = PLAIN;
                }
            } else if (c == '"') {
                char before = to > offset ? b[to - 1] : last;
                s = before == ',' || before == '\n' || before == '\r' ? QUOTED : PLAIN;
            }
            b[to++] = c;
        }
        state = s;
        if (to > offset) {
            last = b[to - 1];
        }
        return to - offset;
    }
}
