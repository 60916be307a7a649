package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.EntityRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Splits an amount over services by weights, exactly: each share is rounded to {@value #SCALE} decimal places and
 * what rounding left over goes to the service with the largest weight (the first in order on a tie), so the shares
 * always sum to the amount. Negative weights count as zero; when every weight is zero the split is even.
 */
public final class Shares {

    /** Decimal places of a share before the remainder is placed: far below a cent, far above a sum's noise. */
    public static final int SCALE = 15;

    private Shares() {
    }

    /**
     * @param amount what is split
     * @param among the services, in a fixed order; not empty
     * @param weight each service's weight
     * @return each service's share, in the order given
     */
    public static Map<EntityRef, BigDecimal> split(BigDecimal amount, List<EntityRef> among,
            Function<EntityRef, BigDecimal> weight) {
        Map<EntityRef, BigDecimal> weights = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (EntityRef service : among) {
            BigDecimal w = weight.apply(service).max(BigDecimal.ZERO);
            weights.put(service, w);
            total = total.add(w);
        }
        if (total.signum() == 0) {
            weights.replaceAll((s, w) -> BigDecimal.ONE);
            total = BigDecimal.valueOf(among.size());
        }
        Map<EntityRef, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal given = BigDecimal.ZERO;
        EntityRef largest = null;
        for (Map.Entry<EntityRef, BigDecimal> w : weights.entrySet()) {
            BigDecimal share = amount.multiply(w.getValue()).divide(total, SCALE, RoundingMode.HALF_EVEN);
            shares.put(w.getKey(), share);
            given = given.add(share);
            if (largest == null || w.getValue().compareTo(weights.get(largest)) > 0) {
                largest = w.getKey();
            }
        }
        shares.merge(largest, amount.subtract(given), BigDecimal::add);
        return shares;
    }
}
