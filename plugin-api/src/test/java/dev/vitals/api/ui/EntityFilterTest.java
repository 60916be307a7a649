package dev.vitals.api.ui;

import static dev.vitals.api.ui.Rendered.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.EntityRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityFilterTest {

    private static final EntityRef IDENTITY = EntityRef.of("group", "identity");

    @Test
    void aShortKeyAndAFullReferenceNameTheSameTeam() {
        assertEquals(Optional.of(IDENTITY), EntityFilter.of("team", "group", "identity").ref());
        assertEquals(Optional.of(IDENTITY), EntityFilter.of("team", "group", "group:default/identity").ref());
        assertEquals(Optional.of(IDENTITY), EntityFilter.of("team", "Group", " Group:Identity ").ref());
        assertEquals(Optional.of(new EntityRef("group", "apac", "identity")),
                EntityFilter.of("team", "group", "apac/identity").ref());
    }

    @Test
    void linksWriteTheShortKey() {
        assertEquals("identity", EntityFilter.key(IDENTITY));
        assertEquals("apac/identity", EntityFilter.key(new EntityRef("group", "apac", "identity")));
    }

    @Test
    void noValueIsNoFilterAndNoError() {
        EntityFilter none = EntityFilter.of("team", "group", "  ");

        assertTrue(none.ref().isEmpty());
        assertFalse(none.invalid());
        assertNull(none.ariaInvalid());
        assertNull(none.describedBy());
        assertEquals("", html(none.message()));
    }

    @Test
    void aReferenceOfAnotherKindIsRefusedNamingTheFormsExpected() {
        EntityFilter other = EntityFilter.of("team", "group", "component:default/identity");

        assertTrue(other.invalid());
        assertTrue(other.ref().isEmpty());
        assertEquals("component:default/identity", other.value());
        assertEquals("'component:default/identity' names no group: use its name, e.g. team=identity, or its "
                + "reference, e.g. team=group:default/identity.", other.error().orElseThrow());
    }

    @Test
    void aKeyThatCannotBeANameIsRefused() {
        assertTrue(EntityFilter.of("team", "group", "a/b/c").invalid());
    }

    @Test
    void anUnknownEntityMarksTheFieldAndTiesTheMessageToIt() {
        EntityFilter unknown = EntityFilter.of("team", "group", "identiy").unknown("No team 'identiy' <here>.");

        assertTrue(unknown.ref().isEmpty());
        assertEquals("true", unknown.ariaInvalid());
        assertEquals("team-error", unknown.describedBy());
        assertEquals("<span class=\"field-error\" id=\"team-error\">No team 'identiy' &lt;here&gt;.</span>",
                html(unknown.message()));
    }

    @Test
    void anOptionIsSelectedOnlyWhenItIsTheEntityNamed() {
        EntityFilter team = EntityFilter.of("team", "group", "group:identity");

        assertTrue(team.selects(IDENTITY));
        assertFalse(team.selects(EntityRef.of("group", "payments")));
    }
}
