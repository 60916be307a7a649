package ${package};

import java.util.List;

/**
 * The body of {@code GET /api/${pluginId}/greetings}: JSON goes out through records.
 *
 * @param greetings the latest greetings, newest first
 */
public record GreetingList(List<Greeting> greetings) {
}
