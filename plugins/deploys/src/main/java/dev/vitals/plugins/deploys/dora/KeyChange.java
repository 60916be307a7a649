package dev.vitals.plugins.deploys.dora;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One of the four keys now and in the window before, with which way it moved and whether that is better: more
 * deploys is better, a longer lead time, a higher change failure rate or a slower restore is worse.
 *
 * @param key the key's name
 * @param now its value over {@link DoraWindow}, as the cards write it
 * @param before its value over the window before
 * @param arrow ▲ up, ▼ down, = the same, – unknown
 * @param change the change in words and number, e.g. {@code worse by 4.5 pp}
 */
public record KeyChange(String key, String now, String before, String arrow, String change) {

    /** @return the four keys of {@code now} against {@code before} */
    public static List<KeyChange> of(DoraReport now, DoraReport before) {
        DoraCard a = new DoraCard("", "", now);
        DoraCard b = new DoraCard("", "", before);
        return List.of(
                of("Deployment frequency", a.frequency(), b.frequency(), now.perWeek(), before.perWeek(), true,
                        "%.1f / week"),
                of("Lead time", a.leadTime(), b.leadTime(), now.leadTimeHours(), before.leadTimeHours(), false,
                        "%.1f h"),
                of("Change failure rate", a.failureRate(), b.failureRate(), scaled(now.changeFailureRate()),
                        scaled(before.changeFailureRate()), false, "%.1f pp"),
                of("Time to restore", a.timeToRestore(), b.timeToRestore(), now.timeToRestoreHours(),
                        before.timeToRestoreHours(), false, "%.1f h"));
    }

    private static OptionalDouble scaled(OptionalDouble share) {
        return share.isPresent() ? OptionalDouble.of(share.getAsDouble() * 100) : share;
    }

    static KeyChange of(String key, String now, String before, OptionalDouble a, OptionalDouble b,
            boolean higherIsBetter, String format) {
        if (a.isEmpty() || b.isEmpty()) {
            return new KeyChange(key, now, before, "–", "no data to compare");
        }
        double delta = a.getAsDouble() - b.getAsDouble();
        String amount = String.format(Locale.ROOT, format, Math.abs(delta));
        if (String.format(Locale.ROOT, format, 0.0).equals(amount)) {
            return new KeyChange(key, now, before, "=", "the same");
        }
        boolean better = (delta > 0) == higherIsBetter;
        return new KeyChange(key, now, before, delta > 0 ? "▲" : "▼", (better ? "better by " : "worse by ") + amount);
    }
}
