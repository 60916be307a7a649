package dev.vitals.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the portal's API description ({@code GET /api/openapi.json}, shown for people at {@code /api/docs}) says about
 * one route beyond what the route itself declares. Method, path, path parameters, role, token scope and the
 * {@code application/problem+json} errors are taken from the route; this adds the words and the shapes.
 *
 * <p>Shapes are Java types, usually the records the handler reads with {@code ctx.bodyAsClass} and writes with
 * {@code ctx.json}; the host derives their JSON Schema the way Jackson writes them. Examples are JSON text, not
 * objects, so that the portal's tests can check each one against the schema it documents: an example that has drifted
 * from its record fails the build.
 *
 * <pre>{@code
 * ApiRoute.get("/slos", this::list)
 *         .doc(RouteDoc.of("List the SLOs of a service or team")
 *                 .query(RouteParam.optional("team", "a team's key, e.g. identity"))
 *                 .returns(SloList.class));
 * }</pre>
 *
 * @param summary one line saying what the route does, in the imperative ("Record deploy events")
 * @param description more words when one line is not enough; empty when none
 * @param query the query parameters the route reads
 * @param request the body the route reads, if any
 * @param response the body the route answers with on success, if any
 * @param status the status of a successful answer, e.g. 200, 201 or 204
 * @param otherStatuses further successful statuses the route answers with, each with when it does, and with the
 *     same body as {@code status}; empty for most routes (since 2.2.0)
 * @since 2.1.0
 */
public record RouteDoc(String summary, String description, List<RouteParam> query, Optional<Body> request,
        Optional<Body> response, int status, Map<Integer, String> otherStatuses) {

    /** A route nobody has described yet: the description lists it with its method, path, role and scope only. */
    public static final RouteDoc NONE = new RouteDoc("", "", List.of(), Optional.empty(), Optional.empty(), 200,
            Map.of());

    /** Checks the parts, so a mistake surfaces when the plugin is discovered. */
    public RouteDoc {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        query = List.copyOf(query);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        requireSuccess(status);
        otherStatuses = Collections.unmodifiableMap(new TreeMap<>(otherStatuses));
        otherStatuses.keySet().forEach(RouteDoc::requireSuccess);
        if (otherStatuses.containsKey(status)) {
            throw new IllegalArgumentException("status " + status + " is the route's main one already");
        }
    }

    /**
     * The form of 2.1.0, without further successful statuses.
     *
     * @param summary one line saying what the route does
     * @param description more words, or empty
     * @param query the query parameters the route reads
     * @param request the body the route reads, if any
     * @param response the body the route answers with on success, if any
     * @param status the status of a successful answer
     */
    public RouteDoc(String summary, String description, List<RouteParam> query, Optional<Body> request,
            Optional<Body> response, int status) {
        this(summary, description, query, request, response, status, Map.of());
    }

    private static void requireSuccess(int status) {
        if (status < 200 || status > 299) {
            throw new IllegalArgumentException("a successful status is 2xx, not " + status);
        }
    }

    /**
     * A description with a summary and nothing else yet.
     *
     * @param summary one line saying what the route does
     * @return the description
     */
    public static RouteDoc of(String summary) {
        return new RouteDoc(summary, "", List.of(), Optional.empty(), Optional.empty(), 200);
    }

    /** @param text more words about the route @return a copy with that description */
    public RouteDoc description(String text) {
        return new RouteDoc(summary, text, query, request, response, status, otherStatuses);
    }

    /** @param params query parameters the route reads, added to those already named @return a copy */
    public RouteDoc query(RouteParam... params) {
        List<RouteParam> all = new ArrayList<>(query);
        all.addAll(List.of(params));
        return new RouteDoc(summary, description, all, request, response, status, otherStatuses);
    }

    /**
     * The route reads a JSON body of this type.
     *
     * @param type the record the handler reads
     * @param example a valid body, as JSON text
     * @return a copy
     */
    public RouteDoc accepts(Class<?> type, String example) {
        return accepts(Body.json(type, example));
    }

    /** @param body the body the route reads, in any media type @return a copy */
    public RouteDoc accepts(Body body) {
        return new RouteDoc(summary, description, query, Optional.of(body), response, status, otherStatuses);
    }

    /** @param type the record the route answers with, as JSON, status 200 @return a copy */
    public RouteDoc returns(Class<?> type) {
        return returns(200, Body.json(type));
    }

    /**
     * The route answers with this body and status on success.
     *
     * @param successStatus e.g. 201 for a route that creates
     * @param body the body
     * @return a copy
     */
    public RouteDoc returns(int successStatus, Body body) {
        return new RouteDoc(summary, description, query, request, Optional.of(body), successStatus, otherStatuses);
    }

    /** @param successStatus e.g. 204 for a route that answers with no body @return a copy without a response body */
    public RouteDoc returnsNothing(int successStatus) {
        return new RouteDoc(summary, description, query, request, Optional.empty(), successStatus, otherStatuses);
    }

    /**
     * The route also answers with another successful status, with the same body as its main one: a route that
     * answers 200 when it did the work and 202 when it accepted the work for later, say.
     *
     * @param otherStatus a 2xx status other than the main one
     * @param when when the route answers with it, e.g. "an array of one deployment: recorded, applied moments later"
     * @return a copy
     * @since 2.2.0
     */
    public RouteDoc alsoReturns(int otherStatus, String when) {
        Map<Integer, String> others = new TreeMap<>(otherStatuses);
        others.put(otherStatus, Objects.requireNonNull(when, "when"));
        return new RouteDoc(summary, description, query, request, response, status, others);
    }

    /**
     * A body a route reads or answers with.
     *
     * @param mediaType e.g. {@code application/json}, {@code text/csv}, {@code application/yaml}
     * @param type the Java type whose JSON Schema describes a JSON body; empty for text or binary bodies
     * @param example a valid body as text; for JSON it must validate against the schema of {@code type}
     * @since 2.1.0
     */
    public record Body(String mediaType, Optional<Class<?>> type, Optional<String> example) {

        /** Checks the parts. */
        public Body {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(example, "example");
        }

        /** @param type the record, written as JSON @return a JSON body without an example */
        public static Body json(Class<?> type) {
            return new Body("application/json", Optional.of(type), Optional.empty());
        }

        /** @param type the record, written as JSON @param example a valid body as JSON text @return a JSON body */
        public static Body json(Class<?> type, String example) {
            return new Body("application/json", Optional.of(type), Optional.of(example));
        }

        /**
         * A body that is not JSON, such as a CSV file or catalog YAML.
         *
         * @param mediaType its media type
         * @param example a valid body as text
         * @return the body
         */
        public static Body text(String mediaType, String example) {
            return new Body(mediaType, Optional.empty(), Optional.of(example));
        }
    }
}
