package dev.vitals.web.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.core.Json;
import dev.vitals.core.database.AbortedForConcurrentWrite;
import dev.vitals.core.database.DatabaseUnavailable;
import dev.vitals.core.pluginhost.NoSuchPluginException;
import dev.vitals.core.pluginhost.PluginFailure;
import dev.vitals.core.pluginhost.PluginNotAllowedException;
import dev.vitals.web.pages.ErrorPage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.sql.SQLException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an answer the caller can act on: {@code application/problem+json} for the API, an error
 * page that says what to do for browsers.
 */
public final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final ObjectMapper JSON = Json.mapper();
    private static final int RETRY_AFTER_SECONDS = 5;

    private ProblemResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> respond(ctx, e.status(), e.getMessage(), e.errors()));
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), e.getMessage(), List.of()));
        routes.exception(ValidationException.class, (e, ctx) -> respond(ctx, 400,
                "invalid parameter " + String.join(", ", e.getErrors().keySet()), validationErrors(e)));
        routes.exception(JsonProcessingException.class, ProblemResponses::json);
        routes.exception(NoSuchPluginException.class, (e, ctx) -> respond(ctx, 404, e.getMessage(), List.of()));
        routes.exception(PluginNotAllowedException.class, (e, ctx) -> respond(ctx, 409, e.getMessage(), List.of()));
        routes.exception(PluginFailure.class, (e, ctx) -> {
            if (databaseUnavailable(e, ctx) || abortedByConcurrentWrite(e, ctx)) {
                return;
            }
            dataError(e).ifPresentOrElse(why -> refuseData(ctx, why),
                    () -> respond(ctx, 500, "plugin " + e.pluginId() + " failed to answer; the error is recorded on "
                            + "the admin page", List.of()));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (databaseUnavailable(e, ctx) || abortedByConcurrentWrite(e, ctx)) {
                return;
            }
            Optional<String> data = dataError(e);
            if (data.isPresent()) {
                refuseData(ctx, data.get());
                return;
            }
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "the portal failed to answer; the error is in its log", List.of());
        });
        // Javalin's own "no such route" answers come here without a body.
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "no page or API route at " + ctx.path(), List.of());
            }
        });
        routes.error(405, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 405, ctx.method() + " is not supported on " + ctx.path(), List.of());
            }
        });
    }

    private static void json(JsonProcessingException e, Context ctx) {
        ProblemException problem = jsonProblem(e, e.getProcessor() instanceof JsonParser parser
                ? Optional.ofNullable(parser.getParsingContext()) : Optional.empty());
        respond(ctx, problem.status(), problem.getMessage(), problem.errors());
    }

    /**
     * A failure caused by the database being away, wherever in the cause chain, is a 503 with {@code Retry-After}: the
     * request was fine and will work once the database is back, which load balancers and clients can act on.
     */
    private static boolean databaseUnavailable(Exception e, Context ctx) {
        Optional<String> cause = DatabaseUnavailable.causeOf(e);
        if (cause.isEmpty()) {
            return false;
        }
        LOG.warn("Database unavailable on {} {}: {} ({})", ctx.method(), ctx.path(), cause.get(), e.toString());
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        respond(ctx, 503, "the database is not answering; try again in a few seconds", List.of());
        return true;
    }

    /**
     * A transaction the database aborted to let a concurrent one through (a deadlock's victim, 40P01, or a
     * serialization failure, 40001) stored nothing, and the same request sent again will most likely pass: a 503 with
     * {@code Retry-After}, like a database that is away, not a 500. Two bulk writes that lock shared rows in opposite
     * orders (a plugin's sums kept by triggers, say) cannot always agree on an order beforehand.
     */
    private static boolean abortedByConcurrentWrite(Exception e, Context ctx) {
        Optional<String> state = AbortedForConcurrentWrite.stateOf(e);
        if (state.isEmpty()) {
            return false;
        }
        LOG.warn("A concurrent write aborted {} {}: SQLSTATE {}", ctx.method(), ctx.path(), state.get());
        ctx.header("Retry-After", "1");
        respond(ctx, 503, "another write touched the same rows at the same moment and the database aborted this one; "
                + "nothing was stored, send it again", List.of());
        return true;
    }

    /**
     * Text that is not JSON is a 400 naming where it breaks; JSON of the wrong shape is a 422 naming the field.
     * Jackson wraps parse errors met while binding in a mapping exception, so the cause decides, not the type. A body
     * past the parser's limits (nesting, number length) is a 400 as well: it is not JSON the portal reads. The field
     * is the mapping's path, or else where the parser stood when it gave up.
     *
     * @param where the parser's position, when the reader of the body knows it
     */
    public static ProblemException jsonProblem(JsonProcessingException e, Optional<JsonStreamContext> where) {
        String parsed = where.map(ProblemResponses::path).orElse("(body)");
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException || t instanceof StreamConstraintsException) {
                JsonProcessingException parse = (JsonProcessingException) t;
                return new ProblemException(400, "the body is not valid JSON: " + parse.getOriginalMessage() + " at "
                        + position(parse.getLocation()), parsed.equals("(body)") ? List.of()
                        : List.of(new FieldError(parsed, parse.getOriginalMessage())));
            }
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "(body)";
        return ProblemException.unprocessable("the JSON does not have the expected shape at "
                + position(e.getLocation()), List.of(new FieldError(field.equals("(body)") ? parsed : field,
                e.getOriginalMessage())));
    }

    /** Where a parser stands, e.g. {@code samples[3].good}; {@code (body)} at the top. */
    private static String path(JsonStreamContext where) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = where; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.getCurrentName() != null) {
                path.insert(0, "." + at.getCurrentName());
            } else if (at.inArray() && at.getCurrentIndex() >= 0) {
                path.insert(0, "[" + at.getCurrentIndex() + "]");
            }
        }
        String text = path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
        return text.isEmpty() ? "(body)" : text;
    }

    /**
     * The last resort for input no check caught: PostgreSQL refused a value as data (class 22: a NUL byte, a number
     * or time out of range) or as too large for an index (class 54), or a time in the input could not be read. The
     * caller's value, not the portal, is at fault.
     *
     * @return what is wrong with the value, when that is what failed
     */
    private static Optional<String> dataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("54"))) {
                String message = Optional.ofNullable(sql.getMessage()).orElse("").lines().findFirst().orElse("")
                        .replaceFirst("^ERROR: ", "");
                return Optional.of(message.length() > 200 ? message.substring(0, 200) + "…" : message);
            }
            if (t instanceof DateTimeParseException time) {
                return Optional.of("'" + time.getParsedString() + "' is not a time");
            }
        }
        return Optional.empty();
    }

    private static void refuseData(Context ctx, String why) {
        // A check is missing where the value came in: worth knowing, but the caller is answered all the same.
        LOG.warn("A value reached the database unchecked on {} {}: {}", ctx.method(), ctx.path(), why);
        respond(ctx, 422, "a value cannot be stored (" + why + "); check the lengths, numbers and times sent",
                List.of());
    }

    /** Answers with a problem document, or an error page when a browser asked for a page. */
    public static void respond(Context ctx, int status, String detail, List<FieldError> errors) {
        String title = HttpStatus.forStatus(status).getMessage();
        ctx.status(status);
        if (wantsJson(ctx)) {
            try {
                ctx.contentType(Problem.CONTENT_TYPE).result(JSON.writeValueAsString(
                        new Problem("about:blank", title, status, detail, ctx.path(), errors)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            ErrorPage.render(ctx, status, title, detail, errors);
        }
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return ctx.path().startsWith("/api/") || accept == null || !accept.contains("text/html");
    }

    private static List<FieldError> validationErrors(ValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getErrors().forEach((field, list) -> errors.add(new FieldError(field,
                list.stream().map(err -> err.getMessage() + " (got " + err.value + ")").collect(Collectors.joining("; ")))));
        return errors;
    }

    private static String position(JsonLocation location) {
        return location == null ? "an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
