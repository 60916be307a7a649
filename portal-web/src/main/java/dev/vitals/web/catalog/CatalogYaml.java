package dev.vitals.web.catalog;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes an entity back as a Backstage descriptor. */
final class CatalogYaml {

    private CatalogYaml() {
    }

    static String write(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setPrettyFlow(true);
        return new Yaml(options).dump(document);
    }
}
