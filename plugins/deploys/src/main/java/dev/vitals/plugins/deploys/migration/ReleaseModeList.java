package dev.vitals.plugins.deploys.migration;

import java.util.List;

/** @param services every service's mode today, as {@code GET /api/deploys/release-modes} answers */
public record ReleaseModeList(List<ReleaseModeJson> services) {
}
