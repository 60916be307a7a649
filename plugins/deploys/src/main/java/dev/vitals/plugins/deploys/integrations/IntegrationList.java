package dev.vitals.plugins.deploys.integrations;

import java.util.List;

/** @param integrations every integration, by name, as {@code GET /api/deploys/integrations} answers */
public record IntegrationList(List<IntegrationJson> integrations) {
}
