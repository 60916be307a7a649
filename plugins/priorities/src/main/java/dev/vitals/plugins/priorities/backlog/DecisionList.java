package dev.vitals.plugins.priorities.backlog;

import java.util.List;

/**
 * One page of the decision log, newest first.
 *
 * @param decisions the entries
 * @param page from 1
 * @param size entries per page
 * @param total entries matching
 */
public record DecisionList(List<Decision> decisions, int page, int size, long total) {
}
