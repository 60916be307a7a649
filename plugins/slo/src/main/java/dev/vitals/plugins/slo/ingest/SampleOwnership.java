package dev.vitals.plugins.slo.ingest;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.plugins.slo.objectives.Slo;
import java.util.List;
import java.util.Map;

/**
 * Samples spend an SLO's error budget and, through it, open or close its service's deploy gate: so a batch may name
 * only SLOs whose owner's team the caller edits, and one SLO of another team refuses the whole batch.
 */
public final class SampleOwnership {

    private SampleOwnership() {
    }

    /**
     * @param caller who sends the batch
     * @param rows the batch as sent
     * @param known the SLOs the batch names that exist
     * @throws ProblemException 403 naming the first row whose SLO the caller may not feed
     */
    public static void require(RequestCaller caller, List<SampleRow> rows, Map<String, Slo> known) {
        for (int i = 0; i < rows.size(); i++) {
            SampleRow row = rows.get(i);
            Slo slo = row == null || row.slo() == null ? null : known.get(row.slo());
            if (slo != null && !caller.mayEdit(slo.subject())) {
                throw new ProblemException(403, "nothing of the batch was stored: " + caller.name()
                        + " is not an editor of the team that owns " + slo.subject() + ", the subject of SLO '"
                        + slo.name() + "'", List.of(new FieldError("[" + i + "].slo", "SLO '" + slo.name()
                        + "' belongs to another team's " + slo.subject())));
            }
        }
    }
}
