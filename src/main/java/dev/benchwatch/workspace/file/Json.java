package dev.benchwatch.workspace.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that remembers where each value (and each member name) stood in the file, so that every
 * error found after parsing (and after migrating) can still name a line and a column. Jackson's own
 * {@code JsonNode} drops locations. Objects and arrays are mutable so that migrations can rewrite them;
 * a value a migration creates takes the location of the one it replaces.
 */
public sealed interface Json {

    /** Where a value starts: 1-based line and column, and the character offset in the text (-1 if unknown). */
    record Location(int line, int column, long charOffset) {
        public static final Location NONE = new Location(0, 0, -1);
    }

    Location location();

    /** What the value is, for messages: "a string", "an object", ... */
    String describe();

    /** The value as it would appear in a message, shortened. */
    default String show() {
        return describe();
    }

    /** A member of an object: its name, where the name stood, and its value. */
    record Member(String name, Location nameLocation, Json value) {
    }

    final class Obj implements Json {
        private final Location location;
        private final LinkedHashMap<String, Member> members = new LinkedHashMap<>();

        public Obj(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        @Override
        public String describe() {
            return "an object";
        }

        public Map<String, Member> members() {
            return members;
        }

        public Json get(String name) {
            Member member = members.get(name);
            return member == null ? null : member.value();
        }

        public boolean has(String name) {
            return members.containsKey(name);
        }

        /** Adds or replaces a member; a replaced member keeps its place in the order. */
        public Obj put(String name, Json value) {
            Member old = members.get(name);
            members.put(name, new Member(name, old == null ? value.location() : old.nameLocation(), value));
            return this;
        }

        /** Renames a member in place (same position, same locations); false if it is absent or the new name is taken. */
        public boolean rename(String from, String to) {
            if (!members.containsKey(from) || members.containsKey(to)) {
                return false;
            }
            LinkedHashMap<String, Member> copy = new LinkedHashMap<>(members);
            members.clear();
            copy.forEach((name, member) -> {
                if (name.equals(from)) {
                    members.put(to, new Member(to, member.nameLocation(), member.value()));
                } else {
                    members.put(name, member);
                }
            });
            return true;
        }

        public Json remove(String name) {
            Member member = members.remove(name);
            return member == null ? null : member.value();
        }
    }

    final class Arr implements Json {
        private final Location location;
        private final List<Json> items = new ArrayList<>();

        public Arr(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        @Override
        public String describe() {
            return "an array";
        }

        public List<Json> items() {
            return items;
        }

        public Arr add(Json item) {
            items.add(item);
            return this;
        }
    }

    record Str(String value, Location location) implements Json {
        @Override
        public String describe() {
            return "a string";
        }

        @Override
        public String show() {
            String shown = value.length() > 40 ? value.substring(0, 37) + "..." : value;
            return JsonText.quote(shown);
        }
    }

    /** A number as written: {@code text} is the literal, {@code integral} says it had no fraction or exponent. */
    record Num(String text, boolean integral, Location location) implements Json {
        public static Num of(long value, Location location) {
            return new Num(Long.toString(value), true, location);
        }

        public static Num of(double value, Location location) {
            return new Num(JsonText.number(value), JsonText.number(value).matches("-?\\d+"), location);
        }

        public double doubleValue() {
            return Double.parseDouble(text);
        }

        @Override
        public String describe() {
            return "a number";
        }

        @Override
        public String show() {
            return text;
        }
    }

    record Bool(boolean value, Location location) implements Json {
        @Override
        public String describe() {
            return "a boolean";
        }

        @Override
        public String show() {
            return Boolean.toString(value);
        }
    }

    record Null(Location location) implements Json {
        @Override
        public String describe() {
            return "null";
        }
    }
}
