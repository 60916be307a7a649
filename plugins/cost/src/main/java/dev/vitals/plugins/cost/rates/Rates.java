package dev.vitals.plugins.cost.rates;

import dev.vitals.plugins.cost.web.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The exchange rates into the reporting currency, per billing currency and month. */
public final class Rates {

    private final Jdbi jdbi;
    private final String reporting;

    public Rates(Jdbi jdbi, String reporting) {
        this.jdbi = jdbi;
        this.reporting = reporting;
    }

    /** @return the reporting currency every cost is answered in */
    public String reporting() {
        return reporting;
    }

    /** Sets the rate of one month, replacing the one it had. */
    public Rate put(String currency, YearMonth month, BigDecimal rate, String by, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO rates (currency, reporting, month, rate, set_by, set_at)
                VALUES (:currency, :reporting, :month, :rate, :by, :at)
                ON CONFLICT (currency, reporting, month)
                DO UPDATE SET rate = excluded.rate, set_by = excluded.set_by, set_at = excluded.set_at""")
                .bind("currency", currency)
                .bind("reporting", reporting)
                .bind("month", month.atDay(1))
                .bind("rate", rate)
                .bind("by", by)
                .bind("at", at)
                .execute());
        return new Rate(currency, reporting, month.toString(), Money.text(rate), by, at);
    }

    /** @return every rate into the reporting currency, newest month first */
    public RateList list() {
        return new RateList(reporting, jdbi.withHandle(h -> h.createQuery("""
                SELECT currency, month, rate, set_by, set_at FROM rates WHERE reporting = :reporting
                ORDER BY month DESC, currency""")
                .bind("reporting", reporting)
                .map((rs, ctx) -> new Rate(rs.getString("currency"), reporting,
                        YearMonth.from(rs.getObject("month", LocalDate.class)).toString(),
                        Money.text(rs.getBigDecimal("rate")), rs.getString("set_by"),
                        rs.getTimestamp("set_at").toInstant()))
                .list()));
    }
}
