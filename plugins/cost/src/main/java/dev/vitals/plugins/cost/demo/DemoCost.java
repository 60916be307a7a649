package dev.vitals.plugins.cost.demo;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.CatalogView;
import dev.vitals.plugins.cost.anomalies.CostWatch;
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
 * Demo billing for 13 months: from the first day of the month 13 months ago up to yesterday, one daily row per
 * catalog service tagged with its key, with a weekly rhythm (weekends at 60 %), growth of 0.1 % a day, a month-start
 * batch day (1.8 times) on every third service, a little noise, and two planted spikes: {@value #RECENT_SPIKE} at 3.5
 * times three days ago and {@value #OLDER_SPIKE} at 3 times forty days ago. Beside them a shared platform cost, rows
 * tagged {@code shared=platform} that name no service, for an allocation rule to split. It goes through the import
 * like any file (COPY), in billing account {@value #ACCOUNT}, so a restart replaces the same billing periods and adds
 * nothing; then detection runs over the last {@value #DETECTED_DAYS} days.
 */
public final class DemoCost {

    /** The demo's billing account. */
    static final String ACCOUNT = "demo-cloud";
    /** The service whose cost spikes three days ago, or the first service when the catalog has no such one. */
    static final String RECENT_SPIKE = "transcoder";
    /** The service whose cost spiked forty days ago, or the second service. */
    static final String OLDER_SPIKE = "billing-api";
    /** The months of history. */
    static final int MONTHS = 13;
    /**
     * The days detection assesses at start: both spikes and a few weeks around them. The job re-assesses the last 35
     * days daily; older days need no verdict in a demo, and the start stays short.
     */
    static final int DETECTED_DAYS = 60;

    private static final String HEADER = "BillingAccountId,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,"
            + "ChargePeriodEnd,ChargeCategory,ProviderName,ServiceCategory,InvoiceIssuerName,InvoiceId,"
            + "BillingCurrency,BilledCost,EffectiveCost,Tags\n";
    private static final List<String> CATEGORIES = List.of("Compute", "Storage", "Databases", "Networking");
    private static final String PLATFORM_TAG = "\"{\"\"shared\"\": \"\"platform\"\"}\"";
    private static final BigDecimal WEEKEND = new BigDecimal("0.6");
    private static final BigDecimal BATCH = new BigDecimal("1.8");
    private static final BigDecimal GROWTH_PER_DAY = new BigDecimal("0.001");
    private static final BigDecimal PLATFORM_PER_DAY = new BigDecimal("120.00");

    private final ChargeImport imports;
    private final EffectiveCostMeasures measures;
    private final CostWatch watch;
    private final CatalogView catalog;
    private final String currency;
    private final Clock clock;
    private final ZoneId zone;

    public DemoCost(ChargeImport imports, EffectiveCostMeasures measures, CostWatch watch, CatalogView catalog,
            String currency, Clock clock, ZoneId zone) {
        this.imports = imports;
        this.measures = measures;
        this.watch = watch;
        this.catalog = catalog;
        this.currency = currency;
        this.clock = clock;
        this.zone = zone;
    }

    public void seed() throws IOException {
        List<CatalogEntity> services = catalog.services().stream()
                .sorted(Comparator.comparing(s -> s.ref().toString())).toList();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusMonths(MONTHS).withDayOfMonth(1);
        if (services.isEmpty()) {
            return;
        }
        String recent = spiked(services, RECENT_SPIKE, 0);
        String older = spiked(services, OLDER_SPIKE, 1);
        StringBuilder csv = new StringBuilder(HEADER);
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            BigDecimal rhythm = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    ? WEEKEND : BigDecimal.ONE;
            BigDecimal growth = BigDecimal.ONE.add(GROWTH_PER_DAY.multiply(BigDecimal.valueOf(
                    ChronoUnit.DAYS.between(first, day))));
            for (CatalogEntity service : services) {
                String key = service.ref().key();
                int seed = Math.floorMod(key.hashCode(), 997);
                BigDecimal base = BigDecimal.valueOf(500 + seed * 7L, 2);      // 5.00 to 74.79 a day
                BigDecimal cost = base.multiply(rhythm).multiply(growth).multiply(noise(seed, day));
                if (day.getDayOfMonth() == 1 && seed % 3 == 0) {
                    cost = cost.multiply(BATCH);
                }
                if (key.equals(recent) && day.equals(today.minusDays(3))) {
                    cost = cost.multiply(new BigDecimal("3.5"));
                }
                if (key.equals(older) && day.equals(today.minusDays(40))) {
                    cost = cost.multiply(new BigDecimal("3"));
                }
                row(csv, day, CATEGORIES.get(seed % CATEGORIES.size()), cost,
                        "\"{\"\"service\"\": \"\"" + key + "\"\"}\"");
            }
            row(csv, day, "Compute", PLATFORM_PER_DAY.multiply(rhythm).multiply(growth), PLATFORM_TAG);
        }
        ImportResult result = imports.run(new StringReader(csv.toString()), "demo", clock.instant(), rows -> { });
        measures.publish(result.firstDay(), result.lastDay());
        watch.detect(today.minusDays(DETECTED_DAYS), today.plusDays(1));
    }

    /** The named service when the catalog has it, else the one at {@code fallback} in key order. */
    private static String spiked(List<CatalogEntity> services, String wanted, int fallback) {
        return services.stream().map(s -> s.ref().key()).filter(wanted::equals).findFirst()
                .orElse(services.get(Math.min(fallback, services.size() - 1)).ref().key());
    }

    /** ±4 %, the same on every start, so a restart imports the same amounts. */
    private static BigDecimal noise(int seed, LocalDate day) {
        long mixed = (day.toEpochDay() * 31 + seed) * 0x9E3779B97F4A7C15L;
        int step = (int) Math.floorMod(mixed >>> 40, 81L) - 40;               // -40 to 40
        return BigDecimal.ONE.add(BigDecimal.valueOf(step, 3));
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
