package dev.vitals.plugins.priorities.backlog;

import java.util.List;
import java.util.regex.Pattern;

/** The labels every item carries, in the words the API takes and gives. */
public final class Labels {

    public static final List<String> HORIZONS = List.of("immediate", "future");
    public static final List<String> INVESTMENTS = List.of("foundation", "innovation");
    public static final List<String> STATUSES = List.of("proposed", "ready", "in-progress", "done", "dropped");
    /** A target quarter, e.g. {@code 2027-Q1}. */
    public static final Pattern QUARTER = Pattern.compile("[12][0-9]{3}-Q[1-4]");

    private Labels() {
    }
}
