package dev.vitals.core.catalog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback that serves catalog files by path. Two of them, one named by {@code 127.0.0.1} and
 * one by {@code localhost}, are two hosts as far as a URL is concerned.
 */
final class CatalogHosts implements AutoCloseable {

    /** What a path answers. */
    interface Answer {
        void send(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final String host;

    private CatalogHosts(String host) {
        this.host = host;
        try {
            server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads); // a slow answer must not hold up the others
        server.createContext("/", exchange -> {
            Answer answer = answers.get(exchange.getRequestURI().getPath());
            try (exchange) {
                if (answer == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    answer.send(exchange);
                }
            } catch (IOException e) {
                // the client went away, as clients that give up do
            }
        });
        server.start();
    }

    static CatalogHosts on(String host) {
        return new CatalogHosts(host);
    }

    /** {@code http://host:port/path}. */
    String url(String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    CatalogHosts file(String path, String body) {
        return answer(path, exchange -> send(exchange, 200, body));
    }

    CatalogHosts redirect(String path, String location) {
        return answer(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    CatalogHosts answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
