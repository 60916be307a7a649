package dev.vitals.plugins.cost.imports;

import java.util.List;

/**
 * The imports, newest first.
 *
 * @param imports the imports
 */
public record ImportList(List<ImportSummary> imports) {
}
