package dev.vitals.web.input;

import dev.vitals.api.FieldError;
import dev.vitals.api.ProblemException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A submitted form must be text: every name and value percent-decodes to UTF-8 without NUL characters. The servlet
 * container would otherwise turn broken escapes and bytes into U+FFFD or pass NUL on to PostgreSQL, which refuses it.
 * Runs before every form submission, so no handler, the host's or a plugin's, sees such a form.
 */
public final class FormBodies {

    private FormBodies() {
    }

    public static void requireText(Context ctx) {
        if (!ctx.method().name().equals("POST") || !ctx.isFormUrlencoded()) {
            return;
        }
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.ISO_8859_1);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "a field name");
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1), field(name));
            if (name.indexOf('\u0000') >= 0 || value.indexOf('\u0000') >= 0) {
                throw ProblemException.unprocessable("the form field " + field(name) + " holds a NUL character",
                        List.of(new FieldError(field(name), "must not contain the NUL character")));
            }
        }
    }

    private static String field(String name) {
        return name.replace("\u0000", "\\u0000");
    }

    /** Decodes {@code application/x-www-form-urlencoded} text strictly: a broken escape or byte is refused. */
    private static String decode(String encoded, String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int value = i + 2 < encoded.length() ? hex(encoded.charAt(i + 1), encoded.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw refused(field, "has a broken percent-escape");
                }
                bytes.write(value);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refused(field, "is not UTF-8 text");
        }
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static ProblemException refused(String field, String why) {
        return new ProblemException(400, "the form cannot be read: " + field + " " + why, List.of(
                new FieldError(field, why)));
    }
}
