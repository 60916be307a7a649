package dev.vitals.plugins.graph.api;

import dev.vitals.plugins.graph.answers.Reach;
import dev.vitals.plugins.graph.freshness.GraphSnapshot;
import dev.vitals.plugins.graph.model.Direction;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blast radiuses (and their opposites) that walked much of the graph, kept for the snapshot they were walked on: a
 * hub's blast radius reaches most of the organisation, and during an incident everyone asks for the same one. A few
 * dozen are kept at most; small walks are walked again, which costs less than keeping them. A new snapshot starts
 * with none.
 */
final class KeptReaches {

    /** Walks that reach this many nodes are kept. */
    static final int KEPT_FROM = 2_000;
    /** How many answers are kept at most; beyond, those kept are forgotten. */
    static final int KEPT_AT_MOST = 32;

    private volatile Kept kept = new Kept(null, new ConcurrentHashMap<>());

    /**
     * @param snapshot the snapshot to answer from
     * @param start the node walked from
     * @param direction towards dependents or dependencies
     * @param depth the most edges to walk; empty for no limit
     * @param limit the most nodes to list
     * @return the answer
     */
    ReachJson answer(GraphSnapshot snapshot, int start, Direction direction, OptionalInt depth, int limit) {
        Kept current = kept;
        if (current.snapshot() != snapshot) {
            current = new Kept(snapshot, new ConcurrentHashMap<>());
            kept = current;
        }
        Key key = new Key(start, direction, depth, limit);
        ReachJson answer = current.answers().get(key);
        if (answer != null) {
            return answer;
        }
        Reach reach = Reach.walk(snapshot.graph(), start, direction, depth);
        answer = ReachJson.of(snapshot.graph(), reach, limit);
        if (reach.count() >= KEPT_FROM) {
            if (current.answers().size() >= KEPT_AT_MOST) {
                current.answers().clear();
            }
            current.answers().put(key, answer);
        }
        return answer;
    }

    private record Kept(GraphSnapshot snapshot, Map<Key, ReachJson> answers) {
    }

    private record Key(int start, Direction direction, OptionalInt depth, int limit) {
    }
}
