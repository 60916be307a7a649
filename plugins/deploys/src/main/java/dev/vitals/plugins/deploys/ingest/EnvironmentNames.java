package dev.vitals.plugins.deploys.ingest;

import dev.vitals.api.PluginSettings;
import dev.vitals.api.Setting;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the environment names pipelines use onto {@code production}. Only production deployments count for the
 * DORA keys, and teams spell it differently; {@code VITALS_DEPLOYS_PRODUCTION_ALIASES} (comma list, default
 * {@code prod,prd,live}) says which names mean production.
 */
public final class EnvironmentNames {

    public static final String PRODUCTION = "production";
    /** {@code VITALS_DEPLOYS_PRODUCTION_ALIASES}: a comma list. */
    public static final Setting<String> PRODUCTION_ALIASES = Setting.string("production_aliases",
            "Environment names that mean production, comma separated").withDefault("prod,prd,live");
    private final Set<String> productionAliases;

    public EnvironmentNames(Set<String> productionAliases) {
        this.productionAliases = productionAliases.stream().map(a -> a.trim().toLowerCase(Locale.ROOT))
                .filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** @param settings the plugin's settings @return the names {@link #PRODUCTION_ALIASES} gives */
    public static EnvironmentNames from(PluginSettings settings) {
        String aliases = settings.get(PRODUCTION_ALIASES);
        return new EnvironmentNames(Set.copyOf(Arrays.asList(aliases.split(","))));
    }

    /** @param sent the name as sent @return {@code production} for an alias, else the name in lower case */
    public String normalise(String sent) {
        String name = sent.trim().toLowerCase(Locale.ROOT);
        return productionAliases.contains(name) ? PRODUCTION : name;
    }
}
