package dev.vitals.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteDocTest {

    record Answer(int stored) {
    }

    @Test
    void furtherSuccessStatusesSurviveTheOtherBuildersAndKeepTheirOrder() {
        RouteDoc doc = RouteDoc.of("Record things")
                .alsoReturns(202, "one thing: recorded, applied later")
                .returns(Answer.class)
                .description("more words")
                .query(RouteParam.optional("dry", "only check"))
                .alsoReturns(201, "a new thing");

        assertEquals(200, doc.status());
        assertEquals(Map.of(201, "a new thing", 202, "one thing: recorded, applied later"), doc.otherStatuses());
        assertEquals(201, doc.otherStatuses().keySet().iterator().next());
        assertEquals(Map.of(), RouteDoc.of("Plain").otherStatuses());
    }

    @Test
    void aFurtherStatusIsAnotherSuccess() {
        RouteDoc doc = RouteDoc.of("Record things").returns(Answer.class);

        assertThrows(IllegalArgumentException.class, () -> doc.alsoReturns(302, "moved"));
        assertThrows(IllegalArgumentException.class, () -> doc.alsoReturns(200, "the main status again"));
        assertThrows(IllegalArgumentException.class, () -> doc.alsoReturns(201, "created").returnsNothing(201));
    }
}
