package dev.vitals.plugins.deploys.pages;

import dev.vitals.api.CatalogView;
import dev.vitals.api.EntityRef;
import dev.vitals.api.ServiceTab;
import dev.vitals.plugins.deploys.view.Templates;
import gg.jte.Content;
import java.util.Map;

/** The Deploys tab on every service page: the last 90 days, the release mode and the gate. */
final class DeploysServiceTab {

    private final ServiceView view;
    private final CatalogView catalog;

    DeploysServiceTab(ServiceView view, CatalogView catalog) {
        this.view = view;
        this.catalog = catalog;
    }

    ServiceTab tab() {
        return new ServiceTab("deploys", "Deploys", (ctx, service) -> render(service));
    }

    private Content render(EntityRef service) {
        return catalog.entity(service)
                .map(entity -> Templates.render("service-tab.jte", view.params(entity,
                        view.urls().page("/services/{service}", entity.ref().key()))))
                .orElseGet(() -> Templates.render("not-found.jte", Map.of("urls", view.urls(),
                        "service", service.key())));
    }
}
