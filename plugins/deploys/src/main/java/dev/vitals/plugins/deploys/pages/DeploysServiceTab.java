package dev.vitals.plugins.deploys.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.deploys.gate.BreakGlassForms;
import dev.vitals.plugins.deploys.view.Templates;
import gg.jte.Content;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * The Deploys tab on every service page: the four keys over the last 30 days, the release mode, the gate, and
 * break-glass requests with their forms.
 */
final class DeploysServiceTab {

    private final ServiceView view;
    private final CatalogView catalog;
    private final BreakGlassForms breakGlass;

    DeploysServiceTab(ServiceView view, CatalogView catalog, BreakGlassForms breakGlass) {
        this.view = view;
        this.catalog = catalog;
        this.breakGlass = breakGlass;
    }

    ServiceTab tab() {
        return new ServiceTab("deploys", "Deploys", this::render);
    }

    private Content render(Context ctx, EntityRef service) {
        return catalog.entity(service)
                .map(entity -> {
                    Map<String, Object> params = view.params(entity, view.urls().page("/services/{service}",
                            entity.ref().key()));
                    params.put("breakGlass", breakGlass.section(ctx, entity.ref().key(), Optional.empty(), ""));
                    return Templates.render("service-tab.jte", params);
                })
                .orElseGet(() -> Templates.render("not-found.jte", Map.of("urls", view.urls(),
                        "service", service.key())));
    }
}
