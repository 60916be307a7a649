package dev.vitals.core.catalog;

import java.util.Optional;

/**
 * What a list is narrowed to. Every part is optional; empty parts do not filter.
 *
 * @param owner a group reference or name
 * @param system a system reference or name
 * @param tag one tag
 * @param lifecycle e.g. production
 * @param text words in the name, title or description
 */
public record CatalogFilter(Optional<String> owner, Optional<String> system, Optional<String> tag,
        Optional<String> lifecycle, Optional<String> text) {

    public static final CatalogFilter NONE = new CatalogFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
}
