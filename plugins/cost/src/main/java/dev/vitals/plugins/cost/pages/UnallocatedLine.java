package dev.vitals.plugins.cost.pages;

/**
 * Unallocated rows that carry the same tags, FOCUS service and accounts.
 *
 * @param tags their {@code Tags}, as JSON; empty text for none
 * @param serviceName their FOCUS {@code ServiceName}
 * @param account billing account, and sub-account when there is one
 * @param rows how many rows
 * @param cost their cost, exact
 * @param catcher the tag or rule that would allocate them
 */
public record UnallocatedLine(String tags, String serviceName, String account, long rows, String cost,
        String catcher) {
}
