package dev.vitals.plugins.deploys.dora;

import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalDouble;

/** The usual median: the middle value, or the mean of the two middle values for an even count. */
public final class Median {

    private Median() {
    }

    /** @param values any order @return the median, empty for no values */
    public static OptionalDouble of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return of(sorted);
    }

    static OptionalDouble of(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }
}
