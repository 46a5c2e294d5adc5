package dev.benchwatch.workspace.file;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The errors found so far while reading one document. */
final class Problems {
    private final List<WorkspaceError> errors = new ArrayList<>();

    void at(Json.Location location, String path, String message) {
        errors.add(new WorkspaceError(location.line(), location.column(), path, message));
    }

    void at(Json value, String path, String message) {
        at(value.location(), path, message);
    }

    void addAll(Collection<WorkspaceError> more) {
        errors.addAll(more);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<WorkspaceError> sorted() {
        return errors.stream().sorted().toList();
    }

    /** The closest of {@code candidates} to {@code name} if it is a likely typo, for "did you mean" hints. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(1, Math.min(3, name.length() / 3)) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
