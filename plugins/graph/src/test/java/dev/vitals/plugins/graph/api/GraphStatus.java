package dev.vitals.plugins.graph.api;

import dev.vitals.testkit.VitalsPortal;
import java.util.function.Predicate;

/** A rebuild runs beside the reads; tests wait until the graph answers from the data as it is. */
final class GraphStatus {

    private GraphStatus() {
    }

    static StatusJson awaitFresh(VitalsPortal portal, Predicate<StatusJson> done) {
        for (int i = 0; i < 400; i++) {
            StatusJson status = portal.viewer().get("/api/graph/status").expect(200).as(StatusJson.class);
            if (status.fresh() && done.test(status)) {
                return status;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the graph never caught up");
    }
}
