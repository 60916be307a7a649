package dev.vitals.web.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.core.Json;
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
            if (!databaseUnavailable(e, ctx)) {
                respond(ctx, 500, "plugin " + e.pluginId()
                        + " failed to answer; the error is recorded on the admin page", List.of());
            }
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (databaseUnavailable(e, ctx)) {
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
     * Text that is not JSON is a 400 naming where it breaks; JSON of the wrong shape is a 422 naming the field.
     * Jackson wraps parse errors met while binding in a mapping exception, so the cause decides, not the type.
     */
    private static void json(JsonProcessingException e, Context ctx) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException parse) {
                respond(ctx, 400, "the body is not valid JSON: " + parse.getOriginalMessage() + " at "
                        + position(parse.getLocation()), List.of());
                return;
            }
        }
        FieldError field = e instanceof JsonMappingException mapping
                ? new FieldError(path(mapping), e.getOriginalMessage())
                : new FieldError("(body)", e.getOriginalMessage());
        respond(ctx, 422, "the JSON does not have the expected shape at " + position(e.getLocation()), List.of(field));
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
            ErrorPage.render(ctx, status, title, detail);
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
