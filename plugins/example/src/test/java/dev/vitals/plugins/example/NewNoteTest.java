package dev.vitals.plugins.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vitals.api.EntityRef;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The note a request brings, checked before anything is written. */
class NewNoteTest {

    @Test
    void aNoteWithoutServiceOrBodyIsRefusedNamingBothFields() {
        ProblemException e = assertThrows(ProblemException.class, () -> new NewNote(" ", null).validate());
        assertEquals(422, e.status());
        assertEquals(List.of("service", "body"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aTooLongBodyIsRefusedSayingHowLongItWas() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new NewNote("artist-lookup", "x".repeat(2001)).validate());
        assertEquals("must be at most 2000 characters, got 2001", e.errors().get(0).reason());
    }

    @Test
    void aValidNoteNamesItsServiceAsACatalogReference() {
        assertEquals(EntityRef.of("component", "artist-lookup"), new NewNote(" artist-lookup ", "hi").validate());
    }
}
