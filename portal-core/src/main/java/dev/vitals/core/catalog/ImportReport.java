package dev.vitals.core.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of importing one source. Either everything was applied or nothing was ({@code applied} false, with the
 * problems that prevented it).
 *
 * @param source the source's location
 * @param at when the import ran
 * @param applied whether the entities were written
 * @param files how many files were read
 * @param entitiesByKind valid entities read, per kind
 * @param skippedUnknownKinds documents of kinds the portal does not import
 * @param created entities new to the catalog
 * @param updated entities whose descriptor changed
 * @param unchanged entities whose descriptor did not change
 * @param orphaned entities that disappeared from the source, kept and marked orphaned
 * @param problems why nothing was applied
 */
@JsonIgnoreProperties(ignoreUnknown = true) // entities and summary are written for readers, derived on reading
public record ImportReport(String source, Instant at, boolean applied, int files, Map<String, Integer> entitiesByKind,
        int skippedUnknownKinds, int created, int updated, int unchanged, int orphaned, List<ImportProblem> problems) {

    public int entities() {
        return entitiesByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line for a person. */
    public String summary() {
        if (!applied) {
            return "nothing imported from " + source + ": " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s");
        }
        return "imported " + entities() + " entities from " + files + " file" + (files == 1 ? "" : "s") + " of "
                + source + ": " + created + " new, " + updated + " changed, " + unchanged + " unchanged, " + orphaned
                + " orphaned, " + skippedUnknownKinds + " of unknown kinds skipped";
    }
}
