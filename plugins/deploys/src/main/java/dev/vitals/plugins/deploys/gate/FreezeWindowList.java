package dev.vitals.plugins.deploys.gate;

import java.util.List;

/** @param freezes every freeze window, as {@code GET /api/deploys/freezes} answers */
public record FreezeWindowList(List<FreezeWindowJson> freezes) {
}
