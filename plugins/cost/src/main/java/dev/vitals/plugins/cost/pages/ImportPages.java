package dev.vitals.plugins.cost.pages;

import dev.vitals.plugins.cost.imports.ImportSummary;
import dev.vitals.plugins.cost.imports.InvoiceTotal;
import dev.vitals.plugins.cost.web.Money;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The import history a page at a time, each import with billed against effective cost per invoice. */
final class ImportPages {

    private final Jdbi jdbi;

    ImportPages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM imports").mapTo(Long.class).one());
    }

    /** @return the imports of one page, newest first */
    List<ImportSummary> page(int page, int size) {
        long offset = (long) (page - 1) * size;
        return jdbi.withHandle(h -> {
            List<Long> ids = h.createQuery("SELECT id FROM imports ORDER BY id DESC LIMIT :size OFFSET :offset")
                    .bind("size", size).bind("offset", offset).mapTo(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<Long, List<InvoiceTotal>> invoices = h.createQuery("""
                    SELECT import_id, coalesce(invoice_issuer_name, provider_name) AS issuer,
                           coalesce(invoice_id, '') AS invoice, billing_currency, count(*) AS n,
                           sum(billed_cost) AS billed, sum(effective_cost) AS effective
                    FROM charges WHERE import_id = ANY(:ids)
                    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4""")
                    .bind("ids", ids.toArray(Long[]::new))
                    .map((rs, ctx) -> Map.entry(rs.getLong("import_id"), new InvoiceTotal(rs.getString("issuer"),
                            rs.getString("invoice"), rs.getString("billing_currency"), rs.getLong("n"),
                            Money.text(rs.getBigDecimal("billed")), Money.text(rs.getBigDecimal("effective")))))
                    .collect(Collectors.groupingBy(Map.Entry::getKey,
                            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
            return h.createQuery("""
                    SELECT id, imported_at, imported_by, rows FROM imports WHERE id = ANY(:ids) ORDER BY id DESC""")
                    .bind("ids", ids.toArray(Long[]::new))
                    .map((rs, ctx) -> {
                        List<InvoiceTotal> held = invoices.getOrDefault(rs.getLong("id"), List.of());
                        return new ImportSummary(rs.getLong("id"), rs.getTimestamp("imported_at").toInstant(),
                                rs.getString("imported_by"), rs.getLong("rows"),
                                held.stream().mapToLong(InvoiceTotal::rows).sum(), held);
                    })
                    .list();
        });
    }
}
