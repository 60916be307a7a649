package dev.vitals.core.catalog;

import java.util.Map;

/**
 * One YAML document read from a catalog source, with where it came from.
 *
 * @param file the file or URL
 * @param index its position in that file, from 0
 * @param document the parsed document
 */
public record Descriptor(String file, int index, Map<String, Object> document) {
}
