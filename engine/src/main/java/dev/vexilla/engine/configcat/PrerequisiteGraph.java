package dev.vexilla.engine.configcat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the prerequisite references of a set of flags once, when a snapshot is built: flags naming a prerequisite
 * that is not in the set, and flags on a prerequisite cycle. These are reported as problems; evaluation still fails
 * such a flag only when it reaches the bad reference, with ConfigCat's message.
 */
final class PrerequisiteGraph {

    private PrerequisiteGraph() {}

    /**
     * Finds the reference problems of a set of flags.
     *
     * @param flags the flags by key
     * @return problems by flag key ({@code "f.a: prerequisite cycle 'a' -> 'b' -> 'a'"}), sorted, never null
     */
    static Map<String, String> problems(Map<String, Flag> flags) {
        Map<String, String> problems = new TreeMap<>();
        for (Flag flag : flags.values()) {
            for (String key : flag.prerequisiteKeys) {
                if (!flags.containsKey(key)) {
                    problems.putIfAbsent(
                            flag.key, "f." + flag.key + ": prerequisite flag '" + key + "' is not in the config");
                }
            }
        }
        findCycles(flags, problems);
        return problems;
    }

    private static void findCycles(Map<String, Flag> flags, Map<String, String> problems) {
        Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the current path, 2: done
        for (String start : flags.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<Object[]> stack = new ArrayDeque<>(); // {key, next edge index}
            List<String> path = new ArrayList<>();
            stack.push(new Object[] {start, 0});
            state.put(start, 1);
            path.add(start);
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                String key = (String) top[0];
                List<String> edges = flags.get(key).prerequisiteKeys;
                int next = (Integer) top[1];
                if (next >= edges.size()) {
                    stack.pop();
                    path.remove(path.size() - 1);
                    state.put(key, 2);
                    continue;
                }
                top[1] = next + 1;
                String to = edges.get(next);
                Integer s = state.get(to);
                if (s == null && flags.containsKey(to)) {
                    state.put(to, 1);
                    path.add(to);
                    stack.push(new Object[] {to, 0});
                } else if (s != null && s == 1) {
                    report(path.subList(path.indexOf(to), path.size()), to, problems);
                }
            }
        }
    }

    private static void report(List<String> cycle, String back, Map<String, String> problems) {
        StringBuilder text = new StringBuilder();
        for (String k : cycle) {
            text.append('\'').append(k).append("' -> ");
        }
        text.append('\'').append(back).append('\'');
        for (String k : cycle) {
            problems.putIfAbsent(k, "f." + k + ": prerequisite cycle " + text);
        }
    }
}
