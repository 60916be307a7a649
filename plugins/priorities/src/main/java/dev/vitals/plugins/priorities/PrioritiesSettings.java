package dev.vitals.plugins.priorities;

import dev.vitals.api.Setting;
import java.math.BigDecimal;

/** The settings the priorities plugin declares; an admin sets them as {@code VITALS_PRIORITIES_<NAME>}. */
final class PrioritiesSettings {

    /** {@code VITALS_PRIORITIES_SCORE=wsjf}: the score lists show first. Both are kept whatever it says. */
    static final Setting<String> SCORE = Setting.string("score",
            "The score the organisation ranks by, rice or wsjf; items keep both, and their histories")
            .withDefault("rice");

    /** {@code VITALS_PRIORITIES_IMMEDIATE_TOLERANCE=0.05}: how far from its target a team's immediate share may be. */
    static final Setting<BigDecimal> IMMEDIATE_TOLERANCE = Setting.decimal("immediate_tolerance",
            "How far a team's share of immediate work may be from its target and still be on target, e.g. 0.05")
            .withDefault(new BigDecimal("0.05"));

    /** {@code VITALS_PRIORITIES_TOP_THEMES=5}: how many themes are the organisation's top priorities. */
    static final Setting<Long> TOP_THEMES = Setting.integer("top_themes",
            "How many of the organisation's ranked themes are its top priorities").withDefault(5L);

    private PrioritiesSettings() {
    }
}
