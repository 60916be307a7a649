package dev.vitals.plugins.deploys.pagerduty;

/** @param outcome what the webhook recorded, in words, for the delivery log PagerDuty keeps */
public record PagerDutyAnswer(String outcome) {
}
