package dev.vitals.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityRefTest {

    @Test
    void aFullReferenceParsesIntoItsPartsAndFormatsBackTheSame() {
        EntityRef ref = EntityRef.parse("component:default/artist-lookup");

        assertEquals(new EntityRef("component", "default", "artist-lookup"), ref);
        assertEquals("component:default/artist-lookup", ref.toString());
        assertEquals(ref, EntityRef.parse(ref.toString()));
    }

    @Test
    void aMissingNamespaceIsTheDefaultOne() {
        assertEquals("group:default/team-a", EntityRef.parse("group:team-a").toString());
    }

    @Test
    void aMissingKindIsTakenFromTheContext() {
        assertEquals("group:default/team-a", EntityRef.parse("team-a", "group").toString());
        assertEquals("group:payments/team-a", EntityRef.parse("payments/team-a", "group").toString());
        assertEquals("system:default/audio", EntityRef.parse("system:audio", "group").toString());
    }

    @Test
    void aMissingNamespaceInADescriptorIsTheReferringEntitys() {
        assertEquals("group:payments/team-a", EntityRef.parse("team-a", "group", "payments").toString());
    }

    @Test
    void upperCaseIsFoldedSoThatRefsCompareAsTheCatalogDoes() {
        EntityRef ref = EntityRef.parse(" Component:Default/Artist-Lookup ");

        assertEquals("component:default/artist-lookup", ref.toString());
        assertEquals(EntityRef.of("component", "artist-lookup"), ref);
        assertEquals("availabilitycomponent:default/playback",
                EntityRef.of("AvailabilityComponent", "playback").toString());
    }

    @Test
    void theUrlKeyIsTheNameInTheDefaultNamespaceAndNamespaceSlashNameElsewhere() {
        assertEquals("artist-lookup", EntityRef.of("component", "artist-lookup").key());
        assertEquals("payments/ledger", EntityRef.parse("component:payments/ledger").key());
        assertEquals(EntityRef.parse("component:payments/ledger"), EntityRef.ofKey("component", "payments/ledger"));
        assertEquals(EntityRef.of("component", "ledger"), EntityRef.ofKey("component", "ledger"));
    }

    @Test
    void aReferenceWithoutKindIsRefusedWhereNoKindIsImplied() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntityRef.parse("artist-lookup"));

        assertTrue(e.getMessage().contains("expected kind:[namespace/]name"), e.getMessage());
        assertTrue(e.getMessage().contains("'artist-lookup'"), e.getMessage());
    }

    @Test
    void emptyTextIsRefusedNamingTheExpectedForm() {
        for (String text : new String[] {null, "", "   "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EntityRef.parse(text, "component"));
            assertTrue(e.getMessage().contains("expected [kind:][namespace/]name"), e.getMessage());
        }
    }

    @Test
    void aReferenceWithoutNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EntityRef.parse("component:"));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.parse("component:default/"));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.parse("default/", "component"));
    }

    @Test
    void extraSeparatorsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EntityRef.parse("component:default:artist-lookup"));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.parse("component:default/a/b"));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.parse(":default/a", "component"));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.parse("component:/a"));
    }

    @Test
    void partsThatWouldMakeTheFormAmbiguousAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EntityRef.of("component", "a/b"));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.of("component", "a:b"));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.of("component", " "));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.of(null, "a"));
        assertThrows(IllegalArgumentException.class, () -> EntityRef.ofKey("component", "a/b/c"));
    }

    @Test
    void aKeyFromARequestThatCannotBeOneNamesNoEntity() {
        assertEquals(java.util.Optional.of(EntityRef.of("component", "artist-lookup")),
                EntityRef.fromKey("component", "Artist-Lookup"));
        assertEquals(java.util.Optional.empty(), EntityRef.fromKey("component", "a/b/c"));
        assertEquals(java.util.Optional.empty(), EntityRef.fromKey("component", "group:team-a"));
        assertEquals(java.util.Optional.empty(), EntityRef.fromKey("component", null));
    }
}
