package dev.vitals.plugins.priorities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.SignalStatus;
import dev.vitals.plugins.priorities.backlog.Item;
import dev.vitals.plugins.priorities.initiative.BurnUp;
import dev.vitals.plugins.priorities.initiative.ChecklistEntry;
import dev.vitals.plugins.priorities.initiative.Initiative;
import dev.vitals.testkit.PortalResponse;
import dev.vitals.testkit.VitalsPortal;
import dev.vitals.testkit.VitalsPortalExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Initiatives: a checklist over services, ticked by people, by a measure or by a signal, and its burn-up per day. */
class InitiativesTest {

    @RegisterExtension
    static final VitalsPortalExtension VITALS = VitalsPortalExtension.forPluginUnderTest()
            .alsoLoad(SignalStandIn.module("deploys"))
            .alsoLoad(SignalStandIn.module("slo"))
            .environment("VITALS_TIMEZONE", "UTC")
            .catalog(PrioritiesCatalog.of())
            .build();

    /** Every test starts at 06:00 of a day of its own, so nothing it does crosses midnight by accident. */
    @BeforeAll
    static void startOfADay(VitalsPortal portal) {
        nextMorning(portal);
    }

    private static LocalDate nextMorning(VitalsPortal portal) {
        Instant now = portal.clock().instant();
        LocalDate tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        portal.moveClockOn(Duration.between(now, tomorrow.atTime(6, 0).toInstant(ZoneOffset.UTC)));
        return tomorrow;
    }

    private static Item theme(VitalsPortal portal, String team, String title) {
        return portal.editorOf(team).post("/api/priorities/items", """
                {"title": "%s", "level": "theme", "owner": "%s", "horizon": "future", "investment": "foundation"}
                """.formatted(title, team)).expect(201).as(Item.class);
    }

    private static String path(Item item, String rest) {
        return "/api/priorities/items/" + item.id() + "/initiative" + rest;
    }

    private static Map<String, Boolean> states(Initiative initiative) {
        return initiative.services().stream().collect(Collectors.toMap(ChecklistEntry::service,
                ChecklistEntry::done));
    }

    private static String field(PortalResponse response) {
        return response.json().get("errors").get(0).get("field").asText();
    }

    @Test
    void theBurnUpCountsDoneAndTotalAtTheEndOfEachDayAsPeopleAndAMeasureTickedThem(VitalsPortal portal) {
        LocalDate day0 = nextMorning(portal);
        Item item = theme(portal, "green", "Move every service to independent deploys");

        // Day 0: three services, green-api done.
        portal.editorOf("green").put(path(item, "/services"),
                "{\"services\": [\"green-api\", \"blue-api\", \"red-api\"]}").expect(200);
        Initiative afterTick = portal.editorOf("green").put(path(item, "/services/green-api"), "{\"done\": true}")
                .expect(200).as(Initiative.class);
        assertEquals(3, afterTick.total());
        assertEquals(1, afterTick.done());

        // Day 1: blue-api done as well; ticking it twice logs it once.
        portal.moveClockOn(Duration.ofDays(1));
        portal.editorOf("green").put(path(item, "/services/blue-api"), "{\"done\": true}").expect(200);
        portal.editorOf("green").put(path(item, "/services/blue-api"), "{\"done\": true}").expect(200);

        // Day 2: red-api leaves the checklist.
        portal.moveClockOn(Duration.ofDays(1));
        portal.editorOf("green").delete(path(item, "/services/red-api")).expect(200);

        // Day 3: the deploys plugin says green-api deploys independently and blue-api went back to the train; the rule
        // follows both, and red-api's reading changes nothing, as it is not on the checklist.
        portal.moveClockOn(Duration.ofDays(1));
        LocalDate day3 = day0.plusDays(3);
        SignalStandIn.measure(portal, "deploys", "deploys.independent", "green-api", day3, "1");
        SignalStandIn.measure(portal, "deploys", "deploys.independent", "blue-api", day3, "0");
        SignalStandIn.measure(portal, "deploys", "deploys.independent", "red-api", day3, "1");
        Initiative ruled = portal.editorOf("green").put(path(item, "/rule"),
                "{\"measure\": {\"name\": \"deploys.independent\", \"atLeast\": 1}}").expect(200)
                .as(Initiative.class);
        assertEquals(Map.of("green-api", true, "blue-api", false), states(ruled));
        assertEquals("rule: deploys.independent ≥ 1", ruled.services().stream()
                .filter(e -> e.service().equals("blue-api")).findFirst().orElseThrow().changedBy());

        // Day 4: blue-api moves too; the hourly job ticks it.
        portal.moveClockOn(Duration.ofDays(1));
        SignalStandIn.measure(portal, "deploys", "deploys.independent", "blue-api", day0.plusDays(4), "1");
        portal.runJob("tick-initiatives");

        BurnUp burnUp = portal.viewer().get(path(item, "/burnup")).expect(200).as(BurnUp.class);
        // By hand: day 0 1 of 3, day 1 2 of 3, day 2 2 of 2, day 3 1 of 2, day 4 2 of 2.
        assertEquals(List.of(new BurnUp.Day(day0, 1, 3), new BurnUp.Day(day0.plusDays(1), 2, 3),
                new BurnUp.Day(day0.plusDays(2), 2, 2), new BurnUp.Day(day0.plusDays(3), 1, 2),
                new BurnUp.Day(day0.plusDays(4), 2, 2)), burnUp.days());

        BurnUp window = portal.viewer().get(path(item, "/burnup?from=" + day0.minusDays(1) + "&to="
                + day0.plusDays(1))).expect(200).as(BurnUp.class);
        assertEquals(List.of(new BurnUp.Day(day0.minusDays(1), 0, 0), new BurnUp.Day(day0, 1, 3),
                new BurnUp.Day(day0.plusDays(1), 2, 3)), window.days());

        String page = portal.viewer().page("/p/priorities/items/" + item.id()).expect(200).body();
        assertTrue(page.contains("2 of 2 services done (100 %)"), page);
        assertTrue(page.contains("Burn-up: services done against services on the checklist"), page);
        assertTrue(page.contains("deploys.independent ≥ 1"), page);
        String tab = portal.viewer().page("/services/blue-api?tab=priorities.backlog").expect(200).body();
        assertTrue(tab.contains("Move every service to independent deploys"), tab);
        assertTrue(tab.contains("2 of 2 services done"), tab);
    }

    @Test
    void aSignalRuleTicksAServiceWhenItsSignalComesInTheNamedStatusAndUnticksItOtherwise(VitalsPortal portal) {
        Item item = theme(portal, "blue", "Every service within its error budget");
        portal.editorOf("blue").post(path(item, "/services"), "{\"services\": [\"blue-api\", \"green-api\"]}")
                .expect(200);
        portal.editorOf("blue").put(path(item, "/rule"),
                "{\"signal\": {\"plugin\": \"slo\", \"kind\": \"error-budget\", \"status\": \"ok\"}}").expect(200);

        SignalStandIn.publish(portal, "slo", "error-budget", "blue-api", SignalStatus.OK, "within budget");
        SignalStandIn.publish(portal, "slo", "error-budget", "green-api", SignalStatus.CRITICAL, "spent");
        Initiative heard = portal.viewer().get(path(item, "")).expect(200).as(Initiative.class);
        assertEquals(Map.of("blue-api", true, "green-api", false), states(heard));
        assertEquals("OK", heard.rule().signal().status());

        SignalStandIn.publish(portal, "slo", "error-budget", "blue-api", SignalStatus.WARN, "burning");
        assertEquals(Map.of("blue-api", false, "green-api", false),
                states(portal.viewer().get(path(item, "")).expect(200).as(Initiative.class)));

        portal.editorOf("blue").delete(path(item, "/rule")).expect(204);
        SignalStandIn.publish(portal, "slo", "error-budget", "blue-api", SignalStatus.OK, "within budget");
        assertEquals(Map.of("blue-api", false, "green-api", false),
                states(portal.viewer().get(path(item, "")).expect(200).as(Initiative.class)));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndAnotherTeamsEditorGets403OnEveryWrite(VitalsPortal portal) {
        Item item = theme(portal, "green", "Refusals");
        portal.editorOf("green").put(path(item, "/services"), "{\"services\": [\"green-api\"]}").expect(200);
        record Case(String method, String rest, String body, String field) {
        }
        for (Case c : List.of(new Case("PUT", "/services", "{\"services\": []}", "services"),
                new Case("POST", "/services", "{\"services\": [\"green-api\", \"nowhere-api\"]}", "services[1]"),
                new Case("POST", "/services", "{\"services\": [\"a:b\"]}", "services[0]"),
                new Case("PUT", "/services/green-api", "{}", "done"),
                new Case("PUT", "/rule", "{}", "measure"),
                new Case("PUT", "/rule", "{\"measure\": {\"name\": \"Deploys\", \"atLeast\": 1}}", "measure.name"),
                new Case("PUT", "/rule", "{\"measure\": {\"name\": \"deploys.independent\"}}", "measure.atLeast"),
                new Case("PUT", "/rule", "{\"signal\": {\"plugin\": \"slo\", \"kind\": \"error-budget\", "
                        + "\"status\": \"green\"}}", "signal.status"))) {
            PortalResponse refused = portal.editorOf("green").send(c.method(), path(item, c.rest()),
                    "application/json", c.body(), Map.of());
            assertEquals(422, refused.status(), c + " " + refused.body());
            assertEquals(c.field(), field(refused), refused.body());
        }
        assertEquals(404, portal.editorOf("green").put(path(item, "/services/blue-api"), "{\"done\": true}")
                .status());
        assertEquals(422, portal.viewer().get(path(item, "/burnup?from=yesterday")).status());

        for (Case c : List.of(new Case("PUT", "/services", "{\"services\": [\"blue-api\"]}", ""),
                new Case("POST", "/services", "{\"services\": [\"blue-api\"]}", ""),
                new Case("PUT", "/services/green-api", "{\"done\": true}", ""),
                new Case("DELETE", "/services/green-api", "", ""),
                new Case("PUT", "/rule", "{\"measure\": {\"name\": \"deploys.independent\", \"atLeast\": 1}}", ""),
                new Case("DELETE", "/rule", "", ""))) {
            PortalResponse refused = portal.editorOf("blue").send(c.method(), path(item, c.rest()),
                    "application/json", c.body(), Map.of());
            assertEquals(403, refused.status(), c + " " + refused.body());
        }
        Initiative unchanged = portal.viewer().get(path(item, "")).expect(200).as(Initiative.class);
        assertEquals(Map.of("green-api", false), states(unchanged));
        assertEquals(null, unchanged.rule());
    }
}
