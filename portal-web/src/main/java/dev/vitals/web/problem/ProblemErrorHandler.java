package dev.vitals.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vitals.core.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty answers some requests before the portal sees them, such as a path with an encoded NUL or bytes that are not
 * UTF-8. For the API those answers are problem documents too; pages keep Jetty's page.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = Json.mapper();

    /** A request Jetty cannot parse into a path has no path to tell the API from a page by: a problem it is. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String title = Optional.ofNullable(HttpStatus.getMessage(status)).orElse("Error");
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(new Problem("about:blank", title, status,
                    "the request cannot be read: " + (reason == null || reason.isBlank() ? title : reason), null,
                    List.of())));
        } catch (IOException e) {
            return super.badMessageError(status, reason, fields);
        }
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        String path = Optional.ofNullable(request.getHttpURI()).map(uri -> uri.getPath()).orElse("");
        if (!path.startsWith("/api/")) {
            return super.generateAcceptableResponse(request, response, callback, contentType, charsets, code, message,
                    cause);
        }
        String title = Optional.ofNullable(HttpStatus.getMessage(code)).orElse("Error");
        byte[] body = JSON.writeValueAsBytes(new Problem("about:blank", title, code, "the request cannot be read: "
                + (message == null || message.isBlank() ? title : message), path, List.of()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
