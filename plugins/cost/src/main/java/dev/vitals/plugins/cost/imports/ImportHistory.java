package dev.vitals.plugins.cost.imports;

import dev.vitals.plugins.cost.web.Money;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The imports made, with billed against effective cost per invoice for reconciling with the invoices. */
public final class ImportHistory {

    private static final int SHOWN = 100;

    private final Jdbi jdbi;
    private final String reporting;

    public ImportHistory(Jdbi jdbi, String reporting) {
        this.jdbi = jdbi;
        this.reporting = reporting;
    }

    public String reporting() {
        return reporting;
    }

    /** @return the latest imports, newest first */
    public ImportList list() {
        return jdbi.withHandle(h -> {
            Map<Long, List<InvoiceTotal>> invoices = h.createQuery("""
                    SELECT c.import_id, coalesce(c.invoice_issuer_name, c.provider_name) AS issuer,
                           coalesce(c.invoice_id, '') AS invoice, c.billing_currency, count(*) AS rows,
                           sum(c.billed_cost) AS billed, sum(c.effective_cost) AS effective
                    FROM charges c
                    WHERE c.import_id IN (SELECT id FROM imports ORDER BY id DESC LIMIT :shown)
                      -- the same rows as a range too, which the block range index on import_id can serve
                      AND c.import_id >= (SELECT coalesce(min(id), 0)
                                          FROM (SELECT id FROM imports ORDER BY id DESC LIMIT :shown) latest)
                    GROUP BY 1, 2, 3, 4
                    ORDER BY 1, 2, 3, 4""")
                    .bind("shown", SHOWN)
                    .map((rs, ctx) -> Map.entry(rs.getLong("import_id"), new InvoiceTotal(rs.getString("issuer"),
                            rs.getString("invoice"), rs.getString("billing_currency"), rs.getLong("rows"),
                            Money.text(rs.getBigDecimal("billed")), Money.text(rs.getBigDecimal("effective")))))
                    .collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            return new ImportList(h.createQuery("""
                    SELECT id, imported_at, imported_by, rows FROM imports ORDER BY id DESC LIMIT :shown""")
                    .bind("shown", SHOWN)
                    .map((rs, ctx) -> {
                        List<InvoiceTotal> held = invoices.getOrDefault(rs.getLong("id"), List.of());
                        return new ImportSummary(rs.getLong("id"), rs.getTimestamp("imported_at").toInstant(),
                                rs.getString("imported_by"), rs.getLong("rows"),
                                held.stream().mapToLong(InvoiceTotal::rows).sum(), held);
                    })
                    .list());
        });
    }
}
