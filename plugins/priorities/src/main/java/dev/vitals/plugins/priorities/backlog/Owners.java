package dev.vitals.plugins.priorities.backlog;

import dev.vitals.api.CatalogRelation;
import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.ProblemException;
import dev.vitals.api.RequestCaller;
import dev.vitals.api.Role;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who owns an item and who may change it. A team's items are its editors'; a program's are the admins' and those of
 * the editors of its stakeholder teams whose role is {@code lead}, as the program's catalog entry names them.
 */
public final class Owners {

    static final String TEAM = "group";
    static final String PROGRAM = "program";
    static final String LEAD = "lead";

    private final CatalogView catalog;
    private volatile Leads leads = new Leads(Long.MIN_VALUE, Map.of());

    public Owners(CatalogView catalog) {
        this.catalog = catalog;
    }

    /**
     * Reads an owner as the API takes it: {@code group:default/payments}, {@code program:availability}, or a team's
     * key such as {@code payments}.
     *
     * @return the owner's reference; empty when the text cannot be a team's or a program's reference
     */
    public static Optional<EntityRef> parse(String text) {
        if (text == null || text.isBlank() || !isText(text)) {
            return Optional.empty();
        }
        try {
            EntityRef ref = EntityRef.parse(text.trim(), TEAM);
            return ref.kind().equals(TEAM) || ref.kind().equals(PROGRAM) ? Optional.of(ref) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return whether the text holds no control character (PostgreSQL refuses NUL) and is of a sane length */
    public static boolean isText(String text) {
        return text.length() <= 300 && text.chars().noneMatch(c -> c < 0x20);
    }

    /** @return whether the catalog holds this team or program */
    public boolean exists(EntityRef owner) {
        return catalog.entity(owner).isPresent();
    }

    /** @return the owner's display title, its name when the catalog has none */
    public String title(EntityRef owner) {
        return catalog.entity(owner).map(e -> e.title()).orElse(owner.name());
    }

    /** @return whether the caller may change items of this owner */
    public boolean mayChange(RequestCaller caller, EntityRef owner) {
        if (owner.kind().equals(TEAM)) {
            return caller.editsTeam(owner);
        }
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        return leadsOf(owner).stream().anyMatch(caller::editsTeam);
    }

    /** Refuses with 403, naming who may, unless the caller may change items of this owner. */
    public void requireChange(Context ctx, EntityRef owner) {
        RequestCaller caller = RequestCaller.of(ctx);
        if (!mayChange(caller, owner)) {
            String who = owner.kind().equals(TEAM) ? "editors of team " + owner.key()
                    : "admins and editors of program " + owner.key() + "'s stakeholder teams with role lead";
            throw new ProblemException(403, caller.name() + " may not change items of " + owner
                    + ": only " + who + " may", List.of());
        }
    }

    /** @return the teams the program names as stakeholders with role {@code lead} */
    public Set<EntityRef> leadsOf(EntityRef program) {
        long version = catalog.version();
        Leads known = leads;
        if (known.version() != version) {
            // Every relation of the catalog in one read, kept until the catalog changes: writes ask on every call.
            Map<EntityRef, Set<EntityRef>> byProgram = new HashMap<>();
            for (CatalogRelation relation : catalog.relations()) {
                if (relation.type().equals("stakeholder") && relation.source().kind().equals(PROGRAM)
                        && relation.role().map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(LEAD::equals)
                                .isPresent()) {
                    byProgram.computeIfAbsent(relation.source(), p -> new java.util.HashSet<>())
                            .add(relation.target());
                }
            }
            known = new Leads(version, byProgram.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue()))));
            leads = known;
        }
        return known.byProgram().getOrDefault(program, Set.of());
    }

    private record Leads(long version, Map<EntityRef, Set<EntityRef>> byProgram) {
    }
}
