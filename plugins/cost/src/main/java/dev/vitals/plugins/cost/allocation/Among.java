package dev.vitals.plugins.cost.allocation;

import dev.vitals.api.EntityRef;
import java.util.Optional;

/**
 * The services a shared cost is split among: a team's ({@code team:<key>}), a system's ({@code system:<key>}) or the
 * whole organisation's ({@code org}).
 *
 * @param group the team or system; empty for the organisation
 */
public record Among(Optional<EntityRef> group) {

    /** @return the form the API writes, e.g. {@code team:payments} */
    public String text() {
        return group.map(g -> (g.kind().equals("group") ? "team" : g.kind()) + ":" + g.key()).orElse("org");
    }

    /**
     * @param text {@code team:<key>}, {@code system:<key>} or {@code org}
     * @param field the field's name for the error
     * @return the group @throws RuleProblem naming the field when it is none of the forms
     */
    public static Among parse(String text, String field) {
        if (text.equals("org")) {
            return new Among(Optional.empty());
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        String key = colon < 0 ? "" : text.substring(colon + 1);
        Optional<EntityRef> ref = switch (kind) {
            case "team" -> EntityRef.fromKey("group", key);
            case "system" -> EntityRef.fromKey("system", key);
            default -> Optional.empty();
        };
        return new Among(Optional.of(ref.orElseThrow(() -> new RuleProblem(field,
                "must be team:<key>, system:<key> or org, got '" + text + "'"))));
    }
}
