package dev.vitals.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.CatalogChange;
import dev.vitals.api.CatalogChanges;
import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.core.Vitals;
import dev.vitals.core.audit.Actor;
import dev.vitals.core.pluginhost.PluginSource;
import dev.vitals.core.testing.TestPortal;
import dev.vitals.core.testing.TestPostgres;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What changed in the catalog since a version, as plugins read it: entities added, edited, with relations changed,
 * removed and added again, by the importer, the editor and plain SQL; and "too old" once removals were forgotten.
 */
class CatalogChangesTest {

    private static final Actor ADA = new Actor("ada", Optional.empty());
    private Vitals portal;
    private CatalogView view;

    @BeforeEach
    void start() {
        portal = TestPortal.start(TestPostgres.freshDatabase(), PluginSource.none());
        view = new PluginCatalogView(portal.database().jdbi());
        importText("teams", """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team-a}
                spec: {type: team, children: []}
                """);
        importText("payments", service("payments", "Payments", List.of()));
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    private void importText(String source, String yaml) {
        assertTrue(portal.catalogSources().importText(source, yaml, ADA).applied());
    }

    private static String service(String name, String title, List<String> dependsOn) {
        return """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: %s, title: %s}
                spec: {type: service, lifecycle: production, owner: team-a, dependsOn: [%s]}
                """.formatted(name, title, String.join(", ", dependsOn));
    }

    private void sql(String statement) {
        portal.database().jdbi().useHandle(h -> h.execute(statement));
    }

    private static EntityRef ref(String text) {
        return EntityRef.parse(text);
    }

    private static CatalogRelation relation(String source, String type, String target, boolean known) {
        return new CatalogRelation(ref(source), type, ref(target), known, Optional.empty());
    }

    private CatalogChanges changesSince(long version) {
        return view.changesSince(version).orElseThrow(() -> new AssertionError("the host could not tell"));
    }

    private static List<String> refs(CatalogChanges changes) {
        return changes.changes().stream().map(change -> change.ref().toString()).toList();
    }

    @Test
    void nothingChangedWhenTheVersionHasNotMoved() {
        long version = view.version();

        assertEquals(new CatalogChanges(version, version, List.of()), changesSince(version));
    }

    @Test
    void anAddedServiceComesWithItsEntityAndItsRelationsNow() {
        long before = view.version();

        importText("checkout", service("checkout", "Checkout", List.of("component:payments", "component:ghost")));
        CatalogChanges changes = changesSince(before);

        assertEquals(view.version(), changes.version());
        assertEquals(before, changes.since());
        assertEquals(List.of("component:default/checkout"), refs(changes));
        CatalogChange checkout = changes.changes().get(0);
        assertEquals("Checkout", checkout.entity().orElseThrow().title());
        assertEquals(Optional.of(ref("group:default/team-a")), checkout.entity().orElseThrow().owner());
        assertEquals(List.of(
                relation("component:default/checkout", "dependsOn", "component:default/ghost", false),
                relation("component:default/checkout", "dependsOn", "component:default/payments", true),
                relation("component:default/checkout", "ownedBy", "group:default/team-a", true)),
                checkout.relations());
        assertEquals(from(view.relations(), "component:default/checkout"), checkout.relations(),
                "as the whole catalog's read gives them");
    }

    @Test
    void anEditAndAChangedDependencyListTheEntityTheyChangedAndOnlyIt() {
        importText("checkout", service("checkout", "Checkout", List.of("component:payments")));
        long imported = view.version();

        portal.catalogEditor().editMetadata(ref("component:default/payments"),
                new CatalogEditor.MetadataEdit("Payments and refunds", null, List.of()), ADA);
        CatalogChanges edit = changesSince(imported);
        long edited = view.version();
        importText("checkout", service("checkout", "Checkout", List.of("component:ledger")));
        CatalogChanges dependency = changesSince(edited);

        assertEquals(List.of("component:default/payments"), refs(edit));
        assertEquals("Payments and refunds", edit.changes().get(0).entity().orElseThrow().title());
        assertEquals(List.of("component:default/checkout"), refs(dependency));
        assertEquals(List.of(
                relation("component:default/checkout", "dependsOn", "component:default/ledger", false),
                relation("component:default/checkout", "ownedBy", "group:default/team-a", true)),
                dependency.changes().get(0).relations());
        assertEquals(List.of("component:default/checkout", "component:default/payments"), refs(changesSince(imported)),
                "both, each once, ordered by reference");
    }

    @Test
    void aRelationWrittenBySqlListsItsSource() {
        long before = view.version();

        sql("INSERT INTO core.catalog_relations (source_ref, type, target_ref) "
                + "VALUES ('component:default/payments', 'dependsOn', 'resource:default/payments-db')");
        CatalogChanges changes = changesSince(before);

        assertEquals(List.of("component:default/payments"), refs(changes));
        assertEquals(List.of(
                relation("component:default/payments", "dependsOn", "resource:default/payments-db", false),
                relation("component:default/payments", "ownedBy", "group:default/team-a", true)),
                changes.changes().get(0).relations());
    }

    @Test
    void aRemovedServiceIsListedWithoutEntityOrRelationsAndAddedAgainWithThem() {
        importText("checkout", service("checkout", "Checkout", List.of("component:payments")));
        long before = view.version();

        sql("DELETE FROM core.catalog_relations WHERE source_ref = 'component:default/payments'");
        sql("DELETE FROM core.catalog_entities WHERE ref = 'component:default/payments'");
        CatalogChanges removed = changesSince(before);

        assertEquals(new CatalogChanges(before, view.version(), List.of(
                new CatalogChange(ref("component:default/payments"), Optional.empty(), List.of()))), removed);
        assertTrue(removed.changes().get(0).removed());
        assertEquals(List.of(relation("component:default/checkout", "dependsOn", "component:default/payments", false),
                relation("component:default/checkout", "ownedBy", "group:default/team-a", true)),
                from(view.relations(), "component:default/checkout"),
                "checkout is not listed: its relation's target is known to be gone from the listed removal");

        long afterRemoval = view.version();
        importText("payments", service("payments", "Payments", List.of()));
        CatalogChanges readded = changesSince(afterRemoval);

        assertEquals(List.of("component:default/payments"), refs(readded));
        assertEquals("Payments", readded.changes().get(0).entity().orElseThrow().title());
        assertEquals(List.of(relation("component:default/payments", "ownedBy", "group:default/team-a", true)),
                readded.changes().get(0).relations());
        assertEquals(List.of("component:default/payments"), refs(changesSince(before)),
                "removed and added again, it is listed once, as it is now");
        assertTrue(changesSince(before).changes().get(0).entity().isPresent());
    }

    @Test
    void afterItsRemovalsArePrunedAnEarlierVersionIsTooOldAndALaterOneIsStillAnswered() {
        long before = view.version();
        sql("DELETE FROM core.catalog_relations WHERE source_ref = 'component:default/payments'");
        sql("DELETE FROM core.catalog_entities WHERE ref = 'component:default/payments'");
        long removed = view.version();
        importText("checkout", service("checkout", "Checkout", List.of()));

        assertEquals(0, new CatalogTombstones(portal.database().jdbi()).prune(1), "one removal is within the kept");
        assertEquals(1, new CatalogTombstones(portal.database().jdbi()).prune(0));

        assertEquals(Optional.empty(), view.changesSince(before), "the removal after it is forgotten");
        assertEquals(List.of("component:default/checkout"), refs(changesSince(removed)));
        assertEquals(Optional.empty(), view.changesSince(view.version() + 1), "not a version the host gave");
    }

    @Test
    void aTruncatedCatalogCannotSayWhatWentAndAVersionFromBeforeTheChangesWereKeptIsTooOld() {
        long before = view.version();

        assertEquals(Optional.empty(), view.changesSince(0), "before the catalog kept its changes");

        sql("TRUNCATE core.catalog_relations, core.catalog_entities");

        assertEquals(Optional.empty(), view.changesSince(before));
        assertEquals(List.of(), changesSince(view.version()).changes());
    }

    private static List<CatalogRelation> from(List<CatalogRelation> all, String source) {
        return all.stream().filter(r -> r.source().equals(ref(source))).toList();
    }
}
