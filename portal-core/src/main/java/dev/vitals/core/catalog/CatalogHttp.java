package dev.vitals.core.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one catalog document over http or https, within bounds: the whole exchange (connect, headers, body) within
 * a time limit, a body no larger than a size limit, and redirects followed only within the same host, so that a
 * server cannot bounce the portal to an address nobody allowed.
 */
final class CatalogHttp {

    private static final int MAX_REDIRECTS = 5;
    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    CatalogHttp(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** The body of a 200 answer, as UTF-8. */
    String get(URI url) throws IOException, InterruptedException {
        URI current = url;
        for (int hops = 0; ; hops++) {
            HttpResponse<byte[]> response = send(current);
            int status = response.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                current = redirect(current, response, hops);
                continue;
            }
            if (status != 200) {
                throw new IOException("HTTP " + status);
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    private static URI redirect(URI from, HttpResponse<?> response, int hops) throws IOException {
        if (hops == MAX_REDIRECTS) {
            throw new IOException("more than " + MAX_REDIRECTS + " redirects");
        }
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("HTTP " + response.statusCode() + " without a Location"));
        URI to;
        try {
            to = from.resolve(location);
        } catch (IllegalArgumentException e) {
            throw new IOException("HTTP " + response.statusCode() + " to a malformed Location");
        }
        if (!isHttp(to) || !host(to).equals(host(from))) {
            throw new IOException("redirected to another host" + (to.getHost() == null ? "" : " (" + to.getHost() + ")")
                    + "; only redirects within " + from.getHost() + " are followed");
        }
        return to;
    }

    private HttpResponse<byte[]> send(URI url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, this::body);
        try {
            // One deadline for the whole exchange: the request timeout alone stops at the headers, not the body.
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IOException("no complete answer within " + (timeout.toMillis() % 1000 == 0
                    ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io.getMessage() == null ? new IOException(io.getClass().getSimpleName(), io) : io;
            }
            throw new IOException(e.getCause().getClass().getSimpleName(), e.getCause());
        }
    }

    private HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        if (info.statusCode() != 200) {
            return new LimitedBody(maxBytes, Wanted.NOT_NEEDED); // a redirect's or an error's body is never read
        }
        return new LimitedBody(maxBytes, declared.isPresent() && declared.getAsLong() > maxBytes
                ? Wanted.TOO_LARGE : Wanted.YES);
    }

    private enum Wanted { YES, NOT_NEEDED, TOO_LARGE }

    /** Collects a body up to its limit; past it, or when the body is not wanted, the exchange ends unread. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private final Wanted wanted;
        private Flow.Subscription subscription;

        LimitedBody(int limit, Wanted wanted) {
            this.limit = limit;
            this.wanted = wanted;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            switch (wanted) {
                case YES -> subscription.request(Long.MAX_VALUE);
                case NOT_NEEDED -> {
                    subscription.cancel();
                    result.complete(new byte[0]);
                }
                case TOO_LARGE -> {
                    subscription.cancel();
                    result.completeExceptionally(tooLarge());
                }
            }
        }

        private IOException tooLarge() {
            return new IOException("larger than " + limit + " bytes; split it");
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + (long) item.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(tooLarge());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error); // no effect once the result is settled
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray()); // no effect once the result is settled
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
