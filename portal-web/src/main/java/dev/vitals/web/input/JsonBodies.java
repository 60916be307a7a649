package dev.vitals.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import dev.vitals.core.Json;
import dev.vitals.web.problem.ProblemResponses;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the host and every plugin read a JSON body ({@code ctx.bodyAsClass}): with {@link Json#requestMapper()}, and
 * refusing, as the caller's mistake, what Jackson would pass on or trip over: no body at all, a body that is
 * {@code null}, and bytes that are not UTF-8 (which Java would quietly turn into U+FFFD).
 */
public final class JsonBodies implements JsonMapper {

    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS");
    private final JavalinJackson writer = new JavalinJackson(Json.mapper(), false);
    private final ObjectMapper reader = Json.requestMapper();

    /** Runs before every request: a JSON body must be UTF-8, as RFC 8259 says. */
    public static void requireUtf8(Context ctx) {
        if (WITHOUT_BODY.contains(ctx.method().name()) || !ctx.isJson()) {
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        if (ascii(body)) {
            // Nearly every body: ASCII is UTF-8 as it stands, so only a body with other bytes is decoded to check it,
            // into a buffer thrown away (the body is decoded again when it is read).
            return;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ProblemException(400, "the body is not UTF-8 text; JSON must be sent as UTF-8", List.of());
        }
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        if (json.isBlank()) {
            throw new ProblemException(400, "the body is empty; send a JSON document", List.of());
        }
        T value;
        JsonParser parser = null;
        try {
            parser = reader.createParser(json);
            value = reader.readValue(parser, reader.constructType(targetType));
        } catch (JsonProcessingException e) {
            throw ProblemResponses.jsonProblem(e, Optional.ofNullable(parser).map(JsonParser::getParsingContext));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw ProblemException.unprocessable("the body is null; send a JSON document",
                    List.of(new FieldError("(body)", "must not be null")));
        }
        return value;
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        try {
            return fromJsonString(new String(json.readAllBytes(), StandardCharsets.UTF_8), targetType);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return writer.toJsonString(obj, type);
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return writer.toJsonStream(obj, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream outputStream) {
        writer.writeToOutputStream(stream, outputStream);
    }
}
