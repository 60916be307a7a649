package dev.vitals.plugins.cost.imports;

import java.time.YearMonth;

/**
 * A file bills in a currency that has no rate into the reporting currency for a month it bills: it is refused whole
 * until an admin sets the rate.
 */
public final class MissingRate extends RuntimeException {

    private final String currency;
    private final YearMonth month;
    private final long row;

    MissingRate(String currency, YearMonth month, long row) {
        super("no rate for " + currency + " in " + month + " (first at row " + row + ")");
        this.currency = currency;
        this.month = month;
        this.row = row;
    }

    public String currency() {
        return currency;
    }

    public YearMonth month() {
        return month;
    }

    public long row() {
        return row;
    }
}
