package dev.vitals.web.metrics;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code /metrics} in Prometheus text format: JVM, connection pools (registered by the pools themselves) and one
 * timer per route template, method and status.
 */
public final class HttpMetrics {

    private static final String STARTED = "vitals.request.started";
    private static final String TEMPLATE = "vitals.request.routeTemplate";
    private final PrometheusMeterRegistry registry;

    public HttpMetrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void before(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    public void after(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("uri", routeTemplate(ctx))
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Names the route a request went to, for a handler that picks routes itself (a plugin's routes, which Javalin
     * only knows as one path per plugin).
     *
     * @param template the route's path pattern, such as {@code /api/slo/slos/{name}}, or {@code NOT_FOUND}
     */
    public static void routeTemplate(Context ctx, String template) {
        ctx.attribute(TEMPLATE, template);
    }

    /** The route's template, never the raw path: raw paths would make one time series per service key. */
    private static String routeTemplate(Context ctx) {
        String named = ctx.attribute(TEMPLATE);
        if (named != null) {
            return named;
        }
        try {
            var endpoint = ctx.endpoints().lastHttpEndpoint();
            return endpoint == null ? "NOT_FOUND" : endpoint.path;
        } catch (RuntimeException e) {
            return ctx.statusCode() == 404 ? "NOT_FOUND" : "UNKNOWN";
        }
    }

    public void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
