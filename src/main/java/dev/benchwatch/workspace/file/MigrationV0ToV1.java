package dev.benchwatch.workspace.file;

import java.time.Duration;

/**
 * Version 0 was the draft format: the trigger list was called {@code alarms}, trigger durations were
 * numbers of milliseconds ({@code "forMs": 5000, "cooldownMs": 60000}), and windows had
 * {@code "sizeMs"}. Version 1 calls the list {@code triggers} and writes durations as text ({@code "5s"}).
 */
final class MigrationV0ToV1 implements Migration {
    @Override
    public int from() {
        return 0;
    }

    @Override
    public String description() {
        return "alarms -> triggers; forMs, cooldownMs and window sizeMs (milliseconds) -> for, cooldown, size (\"5s\")";
    }

    @Override
    public void apply(Json.Obj root) {
        if (!root.has("triggers")) {
            root.rename("alarms", "triggers");
        }
        if (root.get("triggers") instanceof Json.Arr triggers) {
            for (Json trigger : triggers.items()) {
                if (trigger instanceof Json.Obj object) {
                    millisToDuration(object, "forMs", "for");
                    millisToDuration(object, "cooldownMs", "cooldown");
                }
            }
        }
        if (root.get("windows") instanceof Json.Arr windows) {
            for (Json window : windows.items()) {
                if (window instanceof Json.Obj object) {
                    String target = object.get("kind") instanceof Json.Str kind && kind.value().equals("session") ? "gap" : "size";
                    millisToDuration(object, "sizeMs", target);
                }
            }
        }
    }

    /** Renames {@code from} to {@code to} and, if it holds a whole non-negative number, makes it a duration text. */
    private static void millisToDuration(Json.Obj object, String from, String to) {
        if (!object.rename(from, to)) {
            return;
        }
        if (object.get(to) instanceof Json.Num n && n.integral() && !n.text().startsWith("-") && n.text().length() < 16) {
            object.put(to, new Json.Str(Durations.format(Duration.ofMillis(Long.parseLong(n.text()))), n.location()));
        }
    }
}
