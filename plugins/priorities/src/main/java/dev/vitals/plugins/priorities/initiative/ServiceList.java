package dev.vitals.plugins.priorities.initiative;

import java.util.List;

/**
 * The body that sets or adds to an initiative's checklist.
 *
 * @param services catalog keys of services, e.g. {@code checkout-api}; at most 1000
 */
public record ServiceList(List<String> services) {
}
