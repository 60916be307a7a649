package dev.vitals.plugins.slo.links;

import dev.vitals.api.EntityRef;
import dev.vitals.api.PluginUrls;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every address the plugin writes into a page, a signal, a notification or a header: its own pages and API through
 * the host's {@link PluginUrls}, the portal's catalog pages through {@link PluginUrls#entity}, so no path is spelled
 * out by hand anywhere else. Templates take it as their {@code links} parameter.
 */
public final class SloLinks {

    private final PluginUrls urls;

    public SloLinks(PluginUrls urls) {
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    /** @return the overview of every SLO */
    public String overview() {
        return urls.page("/");
    }

    /** @return the overview with its filters, sort and page, the empty ones left out */
    public String overview(String team, String component, String sort, int page) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("team", team);
        query.put("component", component);
        query.put("sort", sort);
        query.put("page", page > 1 ? page : null);
        return PluginUrls.withQuery(urls.page("/"), query);
    }

    /** @return the detail page of one SLO */
    public String slo(String name) {
        return urls.page("/slos/{name}", name);
    }

    /** @return the form that changes one SLO */
    public String edit(String name) {
        return urls.page("/slos/{name}/edit", name);
    }

    /** @return the confirmation that deletes one SLO */
    public String delete(String name) {
        return urls.page("/slos/{name}/delete", name);
    }

    /** @return the form that defines a new SLO */
    public String newSlo() {
        return urls.page("/new");
    }

    /** @return the form that defines a new SLO, its owner filled in */
    public String newSloFor(String ownerField, String key) {
        return PluginUrls.withQuery(urls.page("/new"), Map.of(ownerField, key));
    }

    /** @return the dashboard of one availability component */
    public String componentDashboard(String component) {
        return urls.page("/components/{name}", component);
    }

    /** @return the monthly review with its filters, the empty ones left out */
    public String review(String component, String program, String month) {
        return PluginUrls.withQuery(urls.page("/review"), reviewQuery(component, program, month));
    }

    /** @return the monthly review as CSV, with the same filters */
    public String reviewCsv(String component, String program, String month) {
        return PluginUrls.withQuery(urls.api("/review.csv"), reviewQuery(component, program, month));
    }

    private static Map<String, Object> reviewQuery(String component, String program, String month) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("component", component);
        query.put("program", program);
        query.put("month", month);
        return query;
    }

    /** @return one SLO's definition in the API */
    public String sloApi(String name) {
        return urls.api("/slos/{name}", name);
    }

    /** @return one SLO's status in the API */
    public String statusApi(String name) {
        return urls.api("/slos/{name}/status", name);
    }

    /** @return the portal's page of a service, by catalog key */
    public String service(String key) {
        return PluginUrls.entity(EntityRef.ofKey("component", key));
    }

    /** @return the portal's page of an availability component, by catalog key */
    public String component(String key) {
        return PluginUrls.entity(EntityRef.ofKey("availabilitycomponent", key));
    }

    /** @return the portal's page of a team, by catalog key */
    public String team(String key) {
        return PluginUrls.entity(EntityRef.ofKey("group", key));
    }

    /** @return the portal's page of a program, by catalog key */
    public String program(String key) {
        return PluginUrls.entity(EntityRef.ofKey("program", key));
    }
}
