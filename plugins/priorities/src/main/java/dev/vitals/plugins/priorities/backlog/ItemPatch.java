package dev.vitals.plugins.priorities.backlog;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code PATCH /api/priorities/items/{id}}: only the fields given change. A status change is a decision
 * and needs a {@code reason}.
 *
 * @param title a new title
 * @param parent a new parent's id, one level up
 * @param owner a new owner; the item goes to the bottom of the new owner's stack rank
 * @param horizon immediate or future
 * @param investment foundation or innovation
 * @param status proposed, ready, in-progress, done or dropped
 * @param estimateWeeks person-weeks, 0 to 1000
 * @param quarter e.g. {@code 2027-Q1}
 * @param services the services it names, replacing those before
 * @param rice new RICE inputs
 * @param wsjf new WSJF inputs
 * @param reason why, required with a status change
 */
public record ItemPatch(String title, Long parent, String owner, String horizon, String investment, String status,
        BigDecimal estimateWeeks, String quarter, List<String> services, RiceInputs rice, WsjfInputs wsjf,
        String reason) {
}
