package dev.vitals.core.measures;

import dev.vitals.api.EntityRef;
import dev.vitals.api.MeasurePoint;
import dev.vitals.api.Measures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** One plugin's door to the measures: it writes only names under its own id, and reads every name. */
public final class PluginMeasures implements Measures {

    private static final int MOST_DIGITS = 1000;
    private final String pluginId;
    private final Pattern ownNames;
    private final MeasureStore store;

    public PluginMeasures(String pluginId, MeasureStore store) {
        this.pluginId = pluginId;
        this.ownNames = Pattern.compile(Pattern.quote(pluginId) + "\\.[a-z][a-z0-9_.]*");
        this.store = store;
    }

    @Override
    public void publish(Collection<MeasurePoint> points) {
        // Every point is checked before any is stored: a batch with one bad point stores nothing.
        points.forEach(p -> {
            own(Objects.requireNonNull(p, "point").name());
            storable(p);
        });
        store.publish(pluginId, List.copyOf(points));
    }

    @Override
    public List<MeasurePoint> read(String name, EntityRef entity, LocalDate from, LocalDate to) {
        return store.read(name, entity, from, to);
    }

    @Override
    public List<MeasurePoint> read(String name, LocalDate from, LocalDate to) {
        return store.read(name, from, to);
    }

    @Override
    public int delete(String name, EntityRef entity, LocalDate from, LocalDate to) {
        own(name);
        return store.delete(name, entity, from, to);
    }

    /**
     * PostgreSQL's numeric holds far more, but a value with thousands of digits is a bug in the publisher, and near
     * the type's limits the driver fails in ways that cost the connection.
     */
    private static void storable(MeasurePoint p) {
        BigDecimal v = p.value();
        if (v.scale() > MOST_DIGITS || v.scale() < -MOST_DIGITS || v.precision() - v.scale() > MOST_DIGITS) {
            throw new IllegalArgumentException("measure " + p.name() + " of " + p.entity() + " on " + p.day()
                    + ": a value has at most " + MOST_DIGITS + " digits before and after the decimal point");
        }
    }

    private void own(String name) {
        if (!ownNames.matcher(name).matches()) {
            throw new IllegalArgumentException("measure name '" + name + "' is not one of plugin " + pluginId
                    + "'s: expected " + pluginId + ".<what> in lower case letters, digits, _ and ., e.g. "
                    + pluginId + ".requests");
        }
    }
}
