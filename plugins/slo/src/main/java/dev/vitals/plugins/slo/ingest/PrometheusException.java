package dev.vitals.plugins.slo.ingest;

/** Prometheus could not be asked, or refused the query; the message says which, for the SLO's page. */
final class PrometheusException extends Exception {

    PrometheusException(String message) {
        super(message);
    }

    PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}
