package dev.vitals.plugins.cost.focus;

import java.util.Optional;

/**
 * Why a FOCUS file cannot be imported, pointing at the place to fix: the row (the header is row 1, as a spreadsheet
 * numbers them) and the column, where the problem has one.
 */
public final class FocusProblem extends RuntimeException {

    private final long row;
    private final Optional<String> column;
    private final String reason;

    public FocusProblem(long row, Optional<String> column, String reason) {
        super("row " + row + column.map(c -> ", column " + c).orElse("") + ": " + reason);
        this.row = row;
        this.column = column;
        this.reason = reason;
    }

    /** @return the row, the header being row 1 */
    public long row() {
        return row;
    }

    /** @return the column's name as the header writes it, when the problem lies in one cell or column */
    public Optional<String> column() {
        return column;
    }

    /** @return what is wrong, in words the sender can act on */
    public String reason() {
        return reason;
    }
}
