package dev.vitals.plugins.deploys.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vitals.api.CatalogEntity;
import dev.vitals.api.EntityRef;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import dev.vitals.api.SignalStatus;
import dev.vitals.core.Json;
import dev.vitals.plugins.deploys.DeploysTestPortal;
import dev.vitals.plugins.deploys.ingest.EnvironmentNames;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deploy gate with the org in Europe/Berlin: freezes in local time, the error budget, break-glass. */
class DeployGateTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static DeploysTestPortal portal;
    private static FreezeWindows freezes;
    private static ErrorBudgets budgets;
    private static BreakGlass breakGlass;
    private static DeployGate gate;

    @BeforeAll
    static void start() {
        portal = DeploysTestPortal.start("Europe/Berlin", Map.of());
        var ctx = portal.context();
        freezes = new FreezeWindows(ctx.jdbi(), ctx.catalog(), BERLIN);
        budgets = new ErrorBudgets(ctx.signals(), "slo", "error-budget");
        breakGlass = new BreakGlass(ctx.jdbi(), ctx.catalog(), Duration.ofHours(4), Duration.ofMinutes(60));
        gate = new DeployGate(new EnvironmentNames(Set.of("prod")), freezes, budgets, breakGlass, true,
                BERLIN);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @BeforeEach
    void empty() {
        portal.context().jdbi().useHandle(h -> h.execute(
                "TRUNCATE freeze_windows, break_glass_requests, gate_log"));
    }

    private static CatalogEntity service(String name) {
        return portal.context().catalog().entity(EntityRef.of("component", name)).orElseThrow();
    }

    private static boolean allowed(String service, String at) {
        return gate.decide(service(service), "production", Instant.parse(at)).allowed();
    }

    private static void freeze(String json) {
        freezes.create(parse(json, SentFreezeWindow.class), admin("platform-lead"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** A person who may change everything, so that these tests are about the gate, not about teams. */
    private static RequestCaller admin(String name) {
        return token(name, name);
    }

    /** An editor of team streaming (alpha, beta) and of nothing else. */
    private static RequestCaller streamingEditor(String name) {
        return new RequestCaller() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean mayEdit(EntityRef entity) {
                return portal.context().catalog().entity(entity).flatMap(e -> e.owner())
                        .filter(owner -> owner.equals(EntityRef.of("group", "streaming"))).isPresent();
            }

            @Override
            public boolean editsTeam(EntityRef team) {
                return team.equals(EntityRef.of("group", "streaming"));
            }
        };
    }

    /** A credential named {@code name} acting for {@code person}, e.g. a token and its maker. */
    private static RequestCaller token(String name, String person) {
        return new RequestCaller() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String person() {
                return person;
            }

            @Override
            public boolean mayEdit(EntityRef entity) {
                return true;
            }

            @Override
            public boolean editsTeam(EntityRef team) {
                return true;
            }

            @Override
            public boolean has(Role role) {
                return true;
            }
        };
    }

    /** Reads a body as the portal does: unknown fields refused. */
    private static <T> T parse(String json, Class<T> type) {
        try {
            return Json.requestMapper().readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void weekendsAreFrozenInTheOrgTimeZone() {
        freeze("{\"name\": \"Weekends\", \"kind\": \"weekends\"}");

        // Friday 23:30 UTC is Saturday 00:30 in Berlin.
        assertTrue(allowed("alpha", "2026-03-06T22:30:00Z"), "Friday 23:30 local");
        assertFalse(allowed("alpha", "2026-03-06T23:30:00Z"), "Saturday 00:30 local");
        assertFalse(allowed("gamma", "2026-03-08T22:59:00Z"), "Sunday 23:59 local");
        assertTrue(allowed("gamma", "2026-03-08T23:00:00Z"), "Monday 00:00 local");
        GateDecision saturday = gate.decide(service("alpha"), "production", Instant.parse("2026-03-07T12:00:00Z"));
        assertTrue(saturday.reasons().get(0).startsWith("frozen: Weekends (every weekend, everyone)"),
                saturday.reasons().toString());
    }

    @Test
    void aWeekdayRangeMayWrapOverTheWeekendAndOnlyProductionIsGated() {
        freeze("{\"name\": \"No Friday deploys\", \"kind\": \"weekdays\", \"fromDay\": \"friday\","
                + " \"toDay\": \"monday\"}");

        assertTrue(allowed("alpha", "2026-03-03T10:00:00Z"), "Tuesday");
        assertFalse(allowed("alpha", "2026-03-06T10:00:00Z"), "Friday");
        assertFalse(allowed("alpha", "2026-03-09T10:00:00Z"), "Monday");
        GateDecision staging = gate.decide(service("alpha"), "staging", Instant.parse("2026-03-06T10:00:00Z"));
        assertTrue(staging.allowed());
        assertFalse(gate.decide(service("alpha"), "prod", Instant.parse("2026-03-06T10:00:00Z")).allowed());
    }

    @Test
    void aHolidayFreezesOnlyItsTeamAndAOneOffWindowOnlyItsServiceBetweenLocalMidnights() {
        freeze("{\"name\": \"Christmas\", \"kind\": \"holiday\", \"date\": \"12-25\", \"team\": \"streaming\"}");
        freeze("{\"name\": \"Migration\", \"kind\": \"once\", \"service\": \"beta\","
                + " \"startsAt\": \"2026-03-10T00:00\", \"endsAt\": \"2026-03-11T00:00\"}");

        assertFalse(allowed("alpha", "2026-12-25T10:00:00Z"));
        assertTrue(allowed("gamma", "2026-12-25T10:00:00Z"), "billing is not frozen at Christmas");
        assertTrue(allowed("alpha", "2027-12-24T22:59:00Z"), "24 December 23:59 local");
        assertFalse(allowed("alpha", "2027-12-24T23:00:00Z"), "25 December 00:00 local, the next year too");
        assertTrue(allowed("beta", "2026-03-09T22:59:00Z"));
        assertFalse(allowed("beta", "2026-03-09T23:00:00Z"), "10 March 00:00 local");
        assertTrue(allowed("beta", "2026-03-10T23:00:00Z"), "11 March 00:00 local");
        assertTrue(allowed("alpha", "2026-03-10T10:00:00Z"), "the window is beta's only");
    }

    @Test
    void badFreezeWindowsAreRefusedNamingTheField() {
        ProblemException e = assertThrows(ProblemException.class, () -> freeze(
                "{\"name\": \"x\", \"kind\": \"weekdays\", \"fromDay\": \"fri\", \"toDay\": \"monday\","
                        + " \"team\": \"nobody\"}"));
        assertEquals(List.of("team", "fromDay"), e.errors().stream().map(f -> f.field()).toList());
        assertThrows(ProblemException.class, () -> freeze("{\"name\": \"x\", \"kind\": \"once\","
                + " \"startsAt\": \"2026-03-10T00:00\", \"endsAt\": \"2026-03-09T00:00\"}"));
    }

    @Test
    void aSpentErrorBudgetBlocksOnlyWhenTheSloPluginSaysSoAndItsAbsenceIsStated() {
        Instant now = Instant.parse("2026-03-03T10:00:00Z");
        GateDecision unknown = gate.decide(service("alpha"), "production", now);
        assertTrue(unknown.allowed());
        assertTrue(unknown.reasons().contains("error budget not checked: no error-budget signal from the slo plugin"
                + " for alpha"), unknown.reasons().toString());

        publish("other", "error-budget", SignalStatus.CRITICAL);
        assertTrue(gate.decide(service("alpha"), "production", now).allowed(), "only the SLO plugin's word counts");
        publish("slo", "availability", SignalStatus.CRITICAL);
        assertTrue(gate.decide(service("alpha"), "production", now).allowed(), "only its error-budget verdict");
        publish("slo", "error-budget", SignalStatus.CRITICAL);
        GateDecision spent = gate.decide(service("alpha"), "production", now);
        assertFalse(spent.allowed());
        assertEquals("error budget spent: budget summary", spent.reasons().get(0));
        assertTrue(gate.decide(service("beta"), "production", now).allowed(), "alpha's budget is alpha's");
        publish("slo", "error-budget", SignalStatus.OK);
        assertTrue(gate.decide(service("alpha"), "production", now).allowed());
    }

    /** Publishes a verdict on alpha as the plugin {@code pluginId}, through the portal. */
    private static void publish(String pluginId, String kind, SignalStatus status) {
        portal.signalsOf(pluginId).publish(EntityRef.of("component", "alpha"), kind, status, "budget summary",
                OptionalDouble.empty(), Optional.empty());
    }

    @Test
    void breakGlassOpensTheGateOnlyWhenASecondPersonApprovesInTimeAndOnlyForAWhile() {
        freeze("{\"name\": \"Weekends\", \"kind\": \"weekends\"}");
        Instant saturday = Instant.parse("2026-03-07T10:00:00Z");
        SentBreakGlassRequest ask = new SentBreakGlassRequest("alpha", "hotfix for INC-1");

        BreakGlassRequest own = breakGlass.request(ask, admin("alice"), saturday);
        ProblemException self = assertThrows(ProblemException.class,
                () -> breakGlass.approve(own.id(), admin("alice"), saturday.plusSeconds(60)));
        assertEquals(403, self.status());
        assertFalse(allowed("alpha", "2026-03-07T10:02:00Z"), "self-approval opens nothing");
        ProblemException late = assertThrows(ProblemException.class,
                () -> breakGlass.approve(own.id(), admin("bob"), saturday.plus(Duration.ofHours(4))));
        assertEquals(409, late.status());
        assertFalse(allowed("alpha", "2026-03-07T14:01:00Z"), "an expired request opens nothing");

        BreakGlassRequest again = breakGlass.request(ask, admin("alice"), Instant.parse("2026-03-07T15:00:00Z"));
        BreakGlassRequest approved = breakGlass.approve(again.id(), admin("bob"), Instant.parse("2026-03-07T15:10:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-03-07T16:10:00Z")), approved.openUntil());
        GateDecision open = gate.decide(service("alpha"), "production", Instant.parse("2026-03-07T15:30:00Z"));
        assertTrue(open.allowed());
        assertTrue(open.reasons().get(open.reasons().size() - 1).startsWith("break-glass " + again.id()
                + " (asked by alice, approved by bob) opens the gate until 2026-03-07T16:10:00Z despite: frozen:"),
                open.reasons().toString());
        assertFalse(allowed("beta", "2026-03-07T15:30:00Z"), "only for the service asked for");
        assertFalse(allowed("alpha", "2026-03-07T16:10:00Z"), "closed again after an hour");
        assertThrows(ProblemException.class, () -> breakGlass.approve(again.id(), admin("carol"),
                Instant.parse("2026-03-07T15:20:00Z")));

        List<String> log = new GateLog(portal.context().jdbi()).latest(20).stream()
                .map(e -> e.actor() + " " + e.action() + " " + e.subject()).toList();
        assertEquals(List.of(
                "carol break-glass.approval-refused break-glass/" + again.id(),
                "bob break-glass.approved break-glass/" + again.id(),
                "alice break-glass.requested break-glass/" + again.id(),
                "bob break-glass.approval-refused break-glass/" + own.id(),
                "alice break-glass.approval-refused break-glass/" + own.id(),
                "alice break-glass.requested break-glass/" + own.id(),
                "platform-lead freeze.created freeze/" + freezes.all().get(0).id()), log);
    }

    @Test
    void onlyTheOwningTeamFreezesOrOpensItsServicesAndOnlyAdminsFreezeEveryone() {
        Instant now = Instant.parse("2026-03-07T10:00:00Z");
        RequestCaller editor = streamingEditor("sam");
        FreezeWindow own = freezes.create(parse(
                "{\"name\": \"Ours\", \"kind\": \"weekends\", \"service\": \"alpha\"}", SentFreezeWindow.class),
                editor, now);
        freezes.create(parse("{\"name\": \"Team\", \"kind\": \"weekends\", \"team\": \"streaming\"}",
                SentFreezeWindow.class), editor, now);

        for (String other : List.of("{\"name\": \"Theirs\", \"kind\": \"weekends\", \"service\": \"gamma\"}",
                "{\"name\": \"Theirs\", \"kind\": \"weekends\", \"team\": \"billing\"}",
                "{\"name\": \"Everyone\", \"kind\": \"weekends\"}")) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> freezes.create(parse(other, SentFreezeWindow.class), editor, now));
            assertEquals(403, refused.status(), other);
        }
        ProblemException glass = assertThrows(ProblemException.class, () -> breakGlass.request(
                new SentBreakGlassRequest("gamma", "hotfix"), editor, now));
        assertEquals(403, glass.status());
        assertEquals(2, freezes.all().size());
        assertEquals(List.of(), breakGlass.latest(0, 10));
        freezes.delete(own.id(), editor, now);
        assertEquals(1, freezes.all().size());
    }

    @Test
    void aTokenCannotApproveWhatItsMakerAskedForBecauseItIsTheSamePerson() {
        Instant now = Instant.parse("2026-03-07T10:00:00Z");
        BreakGlassRequest asked = breakGlass.request(new SentBreakGlassRequest("alpha", "hotfix"), admin("alice"),
                now);
        ProblemException own = assertThrows(ProblemException.class,
                () -> breakGlass.approve(asked.id(), token("token:alice-ci", "alice"), now.plusSeconds(60)));
        assertEquals(403, own.status());
        assertTrue(own.getMessage().contains("token:alice-ci is a token made by alice, who asked for this"),
                own.getMessage());
        assertEquals(Optional.empty(), breakGlass.find(asked.id()).orElseThrow().approvedBy());
        BreakGlassRequest approved = breakGlass.approve(asked.id(), token("token:bob-ci", "bob"), now.plusSeconds(90));
        assertEquals(Optional.of("token:bob-ci"), approved.approvedBy());
    }
}
