package dev.vitals.web.pluginroutes;

import io.javalin.config.Key;
import io.javalin.config.MultipartConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.util.CookieStore;
import io.javalin.json.JsonMapper;
import io.javalin.plugin.ContextPlugin;
import io.javalin.router.Endpoint;
import io.javalin.router.Endpoints;
import io.javalin.security.RouteRole;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The request as a plugin's route sees it: Javalin's own context, except that the path parameters are those of the
 * plugin route the request matched, not of the path Javalin mounted for the whole plugin.
 *
 * <p>Javalin's {@link Context} implements most methods as defaults over a few abstract ones; those, and the defaults
 * Javalin's servlet context overrides to cache what it read (body, form and query parameters), are passed on, so a
 * plugin reads the body once as the host's before-handlers did. {@code pathParamAsClass} and the other defaults work
 * through {@link #pathParam}. {@code PluginRouteContextTest} checks that no override of Javalin's is missed.
 */
final class PluginRouteContext implements Context {

    private final Context request;
    private final String template;
    private final Map<String, String> pathParams;

    /**
     * @param request Javalin's context of the request
     * @param template the matched route's full path pattern, for messages
     * @param pathParams the route's parameters, decoded as Javalin decodes them
     */
    PluginRouteContext(Context request, String template, Map<String, String> pathParams) {
        this.request = request;
        this.template = template;
        this.pathParams = Map.copyOf(pathParams);
    }

    @Override
    public String pathParam(String key) {
        String value = pathParams.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + key + "' is not a path parameter of " + template);
        }
        return value;
    }

    @Override
    public Map<String, String> pathParamMap() {
        return pathParams;
    }

    @Override
    public HttpServletRequest req() {
        return request.req();
    }

    @Override
    public HttpServletResponse res() {
        return request.res();
    }

    @Override
    public Endpoints endpoints() {
        return request.endpoints();
    }

    @Override
    public Endpoint endpoint() {
        return request.endpoint();
    }

    @Override
    public <T> T appData(Key<T> key) {
        return request.appData(key);
    }

    @Override
    public JsonMapper jsonMapper() {
        return request.jsonMapper();
    }

    @Override
    public <T> T with(Class<? extends ContextPlugin<?, T>> plugin) {
        return request.with(plugin);
    }

    @Override
    public MultipartConfig multipartConfig() {
        return request.multipartConfig();
    }

    @Override
    public boolean strictContentTypes() {
        return request.strictContentTypes();
    }

    @Override
    public ServletOutputStream outputStream() {
        return request.outputStream();
    }

    @Override
    public Context minSizeForCompression(int bytes) {
        request.minSizeForCompression(bytes);
        return this;
    }

    @Override
    public Context result(InputStream resultStream) {
        request.result(resultStream);
        return this;
    }

    @Override
    public InputStream resultInputStream() {
        return request.resultInputStream();
    }

    @Override
    public void future(Supplier<? extends CompletableFuture<?>> future) {
        request.future(future);
    }

    @Override
    public void redirect(String location, HttpStatus status) {
        request.redirect(location, status);
    }

    @Override
    public void writeJsonStream(Stream<?> stream) {
        request.writeJsonStream(stream);
    }

    @Override
    public Context skipRemainingHandlers() {
        request.skipRemainingHandlers();
        return this;
    }

    @Override
    public Set<RouteRole> routeRoles() {
        return request.routeRoles();
    }

    @Override
    public String characterEncoding() {
        return request.characterEncoding();
    }

    @Override
    public CookieStore cookieStore() {
        return request.cookieStore();
    }

    @Override
    public HandlerType method() {
        return request.method();
    }

    @Override
    public byte[] bodyAsBytes() {
        return request.bodyAsBytes();
    }

    @Override
    public Map<String, List<String>> formParamMap() {
        return request.formParamMap();
    }

    @Override
    public Map<String, List<String>> queryParamMap() {
        return request.queryParamMap();
    }
}
