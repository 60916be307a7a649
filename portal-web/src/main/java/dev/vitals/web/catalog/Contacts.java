package dev.vitals.web.catalog;

import dev.vitals.api.EntityRef;
import dev.vitals.core.catalog.Catalog;
import dev.vitals.core.catalog.EntityDetail;
import dev.vitals.core.catalog.WrittenRef;
import java.util.Map;
import java.util.Optional;

/**
 * Whom to talk to about a team's services: its lead, its chat channel, its on-call and its e-mail, as its Group
 * descriptor says. Backstage has no standard fields for the first three, so the portal reads three annotations
 * (documented in the README), and the e-mail from Backstage's own {@code spec.profile.email}:
 *
 * <pre>
 * metadata:
 *   annotations:
 *     vitals.dev/lead: ana.silva                              # a User (name or reference)
 *     vitals.dev/chat-channel: "#recording"                   # a channel name, or an https link to it
 *     vitals.dev/on-call: https://example.pagerduty.com/schedules/P1   # where to see who is on call now
 * spec:
 *   profile:
 *     email: recording@example.com
 * </pre>
 *
 * @param team the team's link
 * @param lead the lead's link (title from the User's display name), or null
 * @param chat the channel as written, or null
 * @param chatHref the channel's link when written as one, or null
 * @param onCall where to see who is on call, or null
 * @param email the team's address, or null
 */
public record Contacts(CatalogPages.Link team, CatalogPages.Link lead, String chat, String chatHref, String onCall,
        String email) {

    public static final String LEAD = "vitals.dev/lead";
    public static final String CHAT = "vitals.dev/chat-channel";
    public static final String ON_CALL = "vitals.dev/on-call";

    /** The contacts of a team; empty when the catalog has no such team. */
    public static Optional<Contacts> of(Catalog catalog, String teamRef) {
        return WrittenRef.parse(teamRef, "group", EntityRef.DEFAULT_NAMESPACE).flatMap(catalog::get)
                .map(detail -> of(catalog, detail));
    }

    @SuppressWarnings("unchecked")
    static Contacts of(Catalog catalog, EntityDetail team) {
        Map<String, Object> metadata = (Map<String, Object>) team.document().getOrDefault("metadata", Map.of());
        Map<String, Object> annotations = metadata.get("annotations") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        Map<String, Object> spec = (Map<String, Object>) team.document().getOrDefault("spec", Map.of());
        Map<String, Object> profile = spec.get("profile") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        CatalogPages.Link lead = text(annotations.get(LEAD)).flatMap(written -> WrittenRef.parse(written, "user",
                EntityRef.parse(team.entity().ref()).namespace()).map(ref -> catalog.get(ref).map(user -> new CatalogPages.Link(
                        displayName(user).orElse(user.entity().title()), Collection.href(ref.toString()), "user", true))
                        .orElse(new CatalogPages.Link(written, null, "user", false)))).orElse(null);
        String chat = text(annotations.get(CHAT)).orElse(null);
        String chatHref = chat != null && chat.startsWith("https://") ? chat : null;
        String onCall = text(annotations.get(ON_CALL)).filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .orElse(null);
        String email = text(profile.get("email")).orElse(null);
        return new Contacts(new CatalogPages.Link(team.entity().title(), Collection.href(team.entity().ref()), "group",
                true), lead, chat, chatHref, onCall, email);
    }

    /** Whether the descriptor names anyone or anywhere to turn to. */
    public boolean any() {
        return lead != null || chat != null || onCall != null || email != null;
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> displayName(EntityDetail user) {
        Map<String, Object> spec = (Map<String, Object>) user.document().getOrDefault("spec", Map.of());
        return spec.get("profile") instanceof Map<?, ?> p ? text(p.get("displayName")) : Optional.empty();
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }
}
