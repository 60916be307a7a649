package dev.vitals.plugins.graph.answers;

import dev.vitals.plugins.graph.model.DependencyGraph;
import java.util.Arrays;

/**
 * The strongly connected components of the dependency edges, by Tarjan's algorithm written without recursion: a
 * dependency chain tens of thousands of nodes deep would overflow the thread's stack in a recursive walk (JGraphT's
 * Gabow inspector does at 50,000 services). Components come out in reverse topological order: a component's
 * dependencies are numbered before it.
 *
 * @param component per node number, its component's number
 * @param count how many components
 * @param size per component number, how many nodes it holds
 */
public record StrongComponents(int[] component, int count, int[] size) {

    /** @param graph the graph @return its strongly connected components over the dependency edges */
    public static StrongComponents of(DependencyGraph graph) {
        int n = graph.size();
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        int[] component = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int top = 0;
        // The walk's own stack: the node, and how far through its dependencies the walk has got.
        int[] walk = new int[n];
        int[] edge = new int[n];
        int depth;
        int counter = 0;
        int count = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            depth = 0;
            walk[0] = root;
            edge[0] = 0;
            index[root] = low[root] = counter++;
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = walk[depth];
                int[] next = graph.dependenciesOf(v);
                if (edge[depth] < next.length) {
                    int w = next[edge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        walk[depth] = w;
                        edge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        component[w] = count;
                    } while (w != v);
                    count++;
                }
                depth--;
                if (depth >= 0) {
                    int parent = walk[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        int[] size = new int[count];
        for (int v = 0; v < n; v++) {
            size[component[v]]++;
        }
        return new StrongComponents(component, count, size);
    }
}
