package dev.vitals.web.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vitals.api.PluginApiVersion;
import dev.vitals.api.RouteDoc;
import dev.vitals.api.RouteParam;
import dev.vitals.core.Json;
import dev.vitals.core.pluginhost.PluginHost;
import dev.vitals.web.problem.Problem;
import dev.vitals.web.security.GuardedRoutes.Rule;
import dev.vitals.web.security.SessionCookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's API as an OpenAPI 3.1 document ({@code GET /api/openapi.json}), built from the route table as it is
 * when asked: the portal's own {@code /api} routes and those of the plugins started now, each with who may call it
 * (role, token scope), the parameters in its path, and what its {@link RouteDoc} adds: summary, query parameters,
 * bodies with their schemas ({@link RecordSchemas}) and examples. Every operation lists the problems the portal
 * answers it with before its handler runs or when the input is wrong: 401 and 403 where a sign-in is needed, 400 and
 * 422 where it reads a body or query parameters, 404 where its path has parameters. Pages are not in it.
 */
public final class ApiDescription {

    /** The tag of the portal's own routes; a plugin's routes carry its display name. */
    public static final String PORTAL_TAG = "Portal";
    /** A second tag on every webhook. */
    public static final String WEBHOOK_TAG = "webhook";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}|<([^>/]+)>");
    private static final ObjectMapper JSON = Json.mapper();

    /**
     * How a plugin's routes are tagged.
     *
     * @param name how people know the plugin: its declared display name, else its id
     * @param description its descriptor's one line
     */
    record PluginTag(String name, String description) {
    }

    private final Function<String, Optional<PluginTag>> plugins;
    /** The last document written, with what it was made from. */
    private volatile Written written;

    /** What a document is made of: the routes and the plugins they belong to, as they are now. */
    private record Made(List<Rule> rules, Map<String, Optional<PluginTag>> plugins) {
    }

    private record Written(Made from, String json) {
    }

    public ApiDescription(PluginHost plugins) {
        this(id -> plugins.plugin(id).map(plugin -> new PluginTag(plugin.displayName(),
                plugin.status().description())));
    }

    /** @param plugins the tag of the plugin with this id, if there is one */
    ApiDescription(Function<String, Optional<PluginTag>> plugins) {
        this.plugins = plugins;
    }

    /**
     * The document as JSON text, written again only when the routes or their plugins changed: making it costs about
     * half a second of CPU, and it changes only when a plugin starts or stops.
     *
     * @param rules the routes now
     * @return the document's text
     */
    public String json(List<Rule> rules) {
        Map<String, Optional<PluginTag>> named = new LinkedHashMap<>();
        for (Rule rule : rules) {
            pluginIdOf(rule.path()).ifPresent(id -> named.computeIfAbsent(id, plugins));
        }
        Made made = new Made(List.copyOf(rules), named);
        Written last = written;
        if (last != null && last.from().equals(made)) {
            return last.json();
        }
        try {
            String json = JSON.writeValueAsString(document(rules));
            written = new Written(made, json);
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the API description could not be written", e);
        }
    }

    /** @param rules the route table now, as {@code GuardedRoutes.rules()} gives it @return the document */
    public ObjectNode document(List<Rule> rules) {
        RecordSchemas schemas = new RecordSchemas();
        ObjectNode document = JSON.createObjectNode();
        document.put("openapi", "3.1.0");
        document.putObject("info")
                .put("title", "Vitals portal API")
                .put("version", PluginApiVersion.CURRENT)
                .put("description", "The portal's JSON API and that of every plugin started now. Send an API token "
                        + "as 'Authorization: Bearer vt_…', or call from a signed-in browser session. Errors are "
                        + "application/problem+json (RFC 9457).");
        ArrayNode tags = document.putArray("tags");
        tags.addObject().put("name", PORTAL_TAG).put("description", "The portal's own API");
        ObjectNode paths = document.putObject("paths");
        Map<String, String> pluginTags = new LinkedHashMap<>();
        boolean webhooks = false;
        for (Rule rule : rules) {
            if (!rule.path().startsWith("/api/")) {
                continue;
            }
            Optional<PluginTag> plugin = pluginOf(rule.path());
            String tag = plugin.map(PluginTag::name).orElse(PORTAL_TAG);
            plugin.ifPresent(p -> pluginTags.putIfAbsent(tag, p.description()));
            webhooks |= rule.webhook();
            ObjectNode item = paths.has(template(rule.path())) ? (ObjectNode) paths.get(template(rule.path()))
                    : paths.putObject(template(rule.path()));
            item.set(rule.method().name().toLowerCase(Locale.ROOT), operation(rule, tag, schemas));
        }
        pluginTags.forEach((name, description) -> tags.addObject().put("name", name).put("description", description));
        if (webhooks) {
            tags.addObject().put("name", WEBHOOK_TAG).put("description", "Called by other systems without a portal "
                    + "sign-in; each verifies its sender itself, e.g. by a signature over the body");
        }
        ObjectNode components = document.putObject("components");
        components.set("responses", problems(schemas));
        components.putObject("securitySchemes").<ObjectNode>set("bearer", JSON.createObjectNode()
                        .put("type", "http").put("scheme", "bearer")
                        .put("description", "An API token (vt_…); it needs the scope an operation names"))
                .set("session", JSON.createObjectNode().put("type", "apiKey").put("in", "cookie")
                        .put("name", SessionCookie.SECURE_NAME)
                        .put("description", "A browser session after signing in at /login ("
                                + SessionCookie.PLAIN_NAME + " over plain http to localhost); changes also need the "
                                + "page's origin"));
        components.set("schemas", schemas.definitions());
        return document;
    }

    private ObjectNode operation(Rule rule, String tag, RecordSchemas schemas) {
        RouteDoc doc = rule.doc();
        ObjectNode operation = JSON.createObjectNode();
        ArrayNode tags = operation.putArray("tags").add(tag);
        if (rule.webhook()) {
            tags.add(WEBHOOK_TAG);
        }
        operation.put("summary", doc.summary().isBlank() ? rule.method() + " " + rule.path() : doc.summary());
        operation.put("description", description(rule));
        operation.put("operationId", operationId(rule));
        List<String> pathParams = pathParams(rule.path());
        if (!pathParams.isEmpty() || !doc.query().isEmpty()) {
            ArrayNode parameters = operation.putArray("parameters");
            pathParams.forEach(name -> parameters.addObject().put("name", name).put("in", "path").put("required", true)
                    .<ObjectNode>set("schema", JSON.createObjectNode().put("type", "string")));
            for (RouteParam param : doc.query()) {
                parameters.addObject().put("name", param.name()).put("in", "query").put("required", param.required())
                        .put("description", param.description()).set("schema", schemas.schemaOf(param.type()));
            }
        }
        doc.request().ifPresent(body -> operation.putObject("requestBody").put("required", true)
                .set("content", content(body, schemas)));
        ObjectNode responses = operation.putObject("responses");
        ObjectNode success = responses.putObject(String.valueOf(doc.status()))
                .put("description", doc.summary().isBlank() && doc.response().isEmpty()
                        ? "Done; the answer is not described yet" : "Done");
        doc.response().ifPresent(body -> success.set("content", content(body, schemas)));
        doc.otherStatuses().forEach((status, when) -> {
            ObjectNode other = responses.putObject(String.valueOf(status)).put("description", when);
            doc.response().ifPresent(body -> other.set("content", content(body, schemas)));
        });
        if (doc.request().isPresent() || !doc.query().isEmpty()) {
            responses.set("400", problemRef("BadRequest"));
            responses.set("422", problemRef("Unprocessable"));
        }
        if (rule.webhook() || rule.role().isPresent()) {
            responses.set("401", problemRef("Unauthorized"));
        }
        if (rule.role().isPresent()) {
            responses.set("403", problemRef("Forbidden"));
        }
        if (!pathParams.isEmpty()) {
            responses.set("404", problemRef("NotFound"));
        }
        ArrayNode security = operation.putArray("security");
        if (rule.webhook()) {
            operation.put("x-vitals-webhook", true);
        } else if (rule.role().isPresent()) {
            operation.put("x-vitals-role", rule.role().get().name().toLowerCase(Locale.ROOT));
            rule.scope().ifPresent(scope -> operation.put("x-vitals-scope", scope));
            security.addObject().putArray("bearer").add(rule.scope().orElseThrow());
            security.addObject().putArray("session");
        }
        return operation;
    }

    private static String description(Rule rule) {
        String who = rule.webhook() ? "A webhook: no portal sign-in; the handler verifies the sender itself."
                : rule.role().map(role -> "Needs the " + role.name().toLowerCase(Locale.ROOT) + " role; an API token "
                        + "needs the scope '" + rule.scope().orElseThrow() + "'.")
                .orElse("Open to anyone, signed in or not.");
        return rule.doc().description().isBlank() ? who : rule.doc().description() + "\n\n" + who;
    }

    private static ObjectNode content(RouteDoc.Body body, RecordSchemas schemas) {
        ObjectNode media = JSON.createObjectNode();
        // A body without a Java type is text (CSV, YAML, HTML), or JSON of a shape no record holds.
        body.type().ifPresentOrElse(type -> media.set("schema", schemas.schemaOf(type)),
                () -> media.set("schema", JSON.createObjectNode().put("type",
                        body.mediaType().endsWith("json") ? "object" : "string")));
        body.example().ifPresent(example -> media.set("example", example(body, example)));
        ObjectNode content = JSON.createObjectNode();
        content.set(body.mediaType(), media);
        return content;
    }

    /** A JSON example as JSON; one that does not parse stays text, which its schema then refuses in the tests. */
    private static JsonNode example(RouteDoc.Body body, String example) {
        if (body.type().isPresent()) {
            try {
                return JSON.readTree(example);
            } catch (JsonProcessingException e) {
                return JSON.getNodeFactory().textNode(example);
            }
        }
        return JSON.getNodeFactory().textNode(example);
    }

    private static ObjectNode problems(RecordSchemas schemas) {
        ObjectNode responses = JSON.createObjectNode();
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("BadRequest", "The request cannot be read: a malformed body or parameter, or one missing");
        kinds.put("Unauthorized", "No valid sign-in or token, or a webhook's sender not verified");
        kinds.put("Forbidden", "Signed in, but without the role, the token scope or the team this needs");
        kinds.put("NotFound", "Nothing at this path");
        kinds.put("Unprocessable", "The body or parameters were read but are not valid; errors name the fields");
        kinds.forEach((name, description) -> responses.putObject(name).put("description", description)
                .putObject("content").putObject(Problem.CONTENT_TYPE).set("schema", schemas.schemaOf(Problem.class)));
        return responses;
    }

    private static ObjectNode problemRef(String name) {
        return JSON.createObjectNode().put("$ref", "#/components/responses/" + name);
    }

    /** The path in OpenAPI's form: Javalin's {@code {id}} and {@code <rest>} both become {@code {id}}. */
    static String template(String path) {
        return PATH_PARAM.matcher(path).replaceAll(match -> Matcher.quoteReplacement("{" + name(match) + "}"));
    }

    static List<String> pathParams(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_PARAM.matcher(path);
        while (matcher.find()) {
            names.add(name(matcher));
        }
        return names;
    }

    private static String name(java.util.regex.MatchResult match) {
        return match.group(1) != null ? match.group(1) : match.group(2);
    }

    private static String operationId(Rule rule) {
        return rule.method().name().toLowerCase(Locale.ROOT)
                + template(rule.path()).replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_$", "");
    }

    private Optional<PluginTag> pluginOf(String path) {
        return pluginIdOf(path).flatMap(plugins);
    }

    private static Optional<String> pluginIdOf(String path) {
        String[] segments = path.split("/");
        return segments.length > 2 ? Optional.of(segments[2]) : Optional.empty();
    }
}
