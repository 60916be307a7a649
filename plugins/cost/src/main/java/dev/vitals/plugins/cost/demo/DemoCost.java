package dev.vitals.plugins.cost.demo;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.plugins.cost.imports.ChargeImport;
import dev.vitals.plugins.cost.imports.ImportResult;
import dev.vitals.plugins.cost.measures.EffectiveCostMeasures;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Demo billing: the last three months and this one up to yesterday, one daily row per catalog service tagged with its
 * key plus an untagged shared-network row, with a weekly rhythm (weekends cost less) and slow growth. It goes through
 * the import like any file, in billing account {@value #ACCOUNT}, so a restart replaces the same billing periods and
 * adds nothing.
 */
public final class DemoCost {

    /** The demo's billing account. */
    static final String ACCOUNT = "demo-cloud";

    private static final String HEADER = "BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,"
            + "ChargePeriodEnd,ChargeCategory,ProviderName,ServiceCategory,InvoiceIssuerName,InvoiceId,"
            + "BillingCurrency,BilledCost,EffectiveCost,Tags\n";
    private static final List<String> CATEGORIES = List.of("Compute", "Storage", "Databases", "Networking");
    private static final BigDecimal WEEKEND = new BigDecimal("0.6");
    private static final BigDecimal GROWTH_PER_DAY = new BigDecimal("0.003");

    private final ChargeImport imports;
    private final EffectiveCostMeasures measures;
    private final CatalogView catalog;
    private final String currency;
    private final Clock clock;
    private final ZoneId zone;

    public DemoCost(ChargeImport imports, EffectiveCostMeasures measures, CatalogView catalog, String currency,
            Clock clock, ZoneId zone) {
        this.imports = imports;
        this.measures = measures;
        this.catalog = catalog;
        this.currency = currency;
        this.clock = clock;
        this.zone = zone;
    }

    public void seed() throws IOException {
        List<CatalogEntity> services = catalog.services().stream()
                .sorted(Comparator.comparing(s -> s.ref().toString())).toList();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusMonths(3).withDayOfMonth(1);
        if (services.isEmpty() || !today.isAfter(first)) {
            return;
        }
        String csv = csv(services, first, today);
        ImportResult result = imports.run(new StringReader(csv), "demo", clock.instant(), rows -> { });
        measures.publish(result.firstDay(), result.lastDay());
    }

    private String csv(List<CatalogEntity> services, LocalDate first, LocalDate end) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            BigDecimal rhythm = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? WEEKEND : BigDecimal.ONE;
            BigDecimal growth = BigDecimal.ONE.add(GROWTH_PER_DAY.multiply(BigDecimal.valueOf(
                    ChronoUnit.DAYS.between(first, day))));
            for (CatalogEntity service : services) {
                int seed = Math.floorMod(service.ref().key().hashCode(), 997);
                BigDecimal base = BigDecimal.valueOf(500 + seed * 7L, 2);      // 5.00 to 74.79 a day
                row(csv, day, CATEGORIES.get(seed % CATEGORIES.size()), base.multiply(rhythm).multiply(growth),
                        "\"{\"\"service\"\": \"\"" + service.ref().key() + "\"\"}\"");
            }
            row(csv, day, "Networking", new BigDecimal("18.00").multiply(rhythm).multiply(growth), "NULL");
        }
        return csv.toString();
    }

    private void row(StringBuilder csv, LocalDate day, String category, BigDecimal cost, String tags) {
        YearMonth month = YearMonth.from(day);
        String amount = cost.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        csv.append(ACCOUNT).append(',')
                .append(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).append(',')
                .append(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).append(',')
                .append(day.atStartOfDay(zone).toInstant()).append(',')
                .append(day.plusDays(1).atStartOfDay(zone).toInstant()).append(',')
                .append("Usage,Demo Cloud,").append(category).append(",Demo Cloud,DEMO-").append(month).append(',')
                .append(currency).append(',').append(amount).append(',').append(amount).append(',').append(tags)
                .append('\n');
    }
}
