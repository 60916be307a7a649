package dev.vitals.plugins.cost.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A team's alert settings as the API answers them.
 *
 * @param team the team's key
 * @param relativePercent the rise against the period before, in percent, e.g. "20"
 * @param floorPerDay the rise per day in the reporting currency, e.g. "50"
 * @param periods the periods watched: day, week, month
 * @param webhook the Slack-compatible incoming webhook, masked; empty when none
 * @param changedBy who saved them last; empty while they are the defaults
 * @param changedAt when
 */
public record TeamSettings(String team, String relativePercent, String floorPerDay, List<String> periods,
        Optional<String> webhook, Optional<String> changedBy, Optional<Instant> changedAt) {
}
