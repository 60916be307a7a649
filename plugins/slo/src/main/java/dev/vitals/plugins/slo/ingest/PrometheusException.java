package dev.vitals.plugins.slo.ingest;

/** Prometheus could not be asked, or refused the query; the message says which, for the SLO's page. */
public final class PrometheusException extends Exception {

    public PrometheusException(String message) {
        super(message);
    }

    public PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}
