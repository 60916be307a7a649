package dev.vitals.plugins.deploys.gate;

import java.util.List;

/** @param requests the latest break-glass requests, newest first, as {@code GET /api/deploys/break-glass} answers */
public record BreakGlassList(List<BreakGlassJson> requests) {
}
