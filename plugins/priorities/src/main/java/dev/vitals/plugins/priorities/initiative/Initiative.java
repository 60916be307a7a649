package dev.vitals.plugins.priorities.initiative;

import java.util.List;

/**
 * An item's checklist over services, as {@code GET /api/priorities/items/{id}/initiative} answers it.
 *
 * @param item the item's id
 * @param total how many services are on the checklist
 * @param done how many of them are done
 * @param services the services, by key
 * @param rule the automatic tick rule; null when people tick by hand only
 */
public record Initiative(long item, int total, int done, List<ChecklistEntry> services, TickRule rule) {

    /** @return the done share as a whole percentage, 0 for an empty checklist */
    public int percent() {
        return total == 0 ? 0 : (int) Math.floor(100.0 * done / total);
    }
}
